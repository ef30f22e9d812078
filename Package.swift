// swift-tools-version: 6.1
import PackageDescription

// Data flows one way: MorseCode → MorseSignal → MorseChannel, MorseContent → MorseDataset → CLI.
let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]
let fast: [SwiftSetting] = strict + [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]

let package = Package(
    name: "morse-dataset",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "morse-dataset", targets: ["morse-dataset"]),
        .library(name: "MorseCode", targets: ["MorseCode"]),
        .library(name: "MorseSignal", targets: ["MorseSignal"]),
        .library(name: "MorseContent", targets: ["MorseContent"]),
        .library(name: "MorseChannel", targets: ["MorseChannel"]),
        .library(name: "MorseDataset", targets: ["MorseDataset"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(name: "MorseCode", swiftSettings: strict),
        .target(name: "MorseSignal", dependencies: ["MorseCode"], swiftSettings: fast),
        .target(name: "MorseContent", dependencies: ["MorseCode"], exclude: ["CONTENT.md"], swiftSettings: strict),
        .target(name: "MorseChannel", dependencies: ["MorseCode", "MorseSignal"], exclude: ["CHANNEL.md"], swiftSettings: fast),
        .target(
            name: "MorseDataset",
            dependencies: ["MorseCode", "MorseSignal", "MorseContent", "MorseChannel", "Yams"],
            swiftSettings: strict),
        .executableTarget(
            name: "morse-dataset",
            dependencies: ["MorseDataset", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict),
        // Release-mode speed measurements: `swift run -c release morse-benchmarks`.
        .executableTarget(
            name: "morse-benchmarks",
            dependencies: ["MorseCode", "MorseSignal", "MorseChannel", "MorseDataset"],
            swiftSettings: strict),
        .testTarget(name: "MorseCodeTests", dependencies: ["MorseCode"]),
        .testTarget(name: "MorseSignalTests", dependencies: ["MorseSignal"]),
        .testTarget(name: "MorseContentTests", dependencies: ["MorseContent", "MorseCode"]),
        .testTarget(name: "MorseChannelTests", dependencies: ["MorseChannel", "MorseCode", "MorseSignal"]),
        .testTarget(name: "MorseDatasetTests", dependencies: ["MorseDataset", "MorseCode", "MorseSignal"]),
    ]
)
