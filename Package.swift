// swift-tools-version: 6.1
import PackageDescription

// Data flows one way: MorseCode → MorseSignal → MorseChannel, MorseContent → MorseDataset → CLI.
// No unsafe compiler flags: SwiftPM refuses a package that has them as a versioned dependency.
// The hot loops keep their speed without -Ounchecked: they work through unsafe pointers.
let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]
let real = Target.Dependency.product(name: "RealModule", package: "swift-numerics")

let package = Package(
    name: "morse-dataset",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "morse-dataset", targets: ["morse-dataset"]),
        .library(name: "MorseCode", targets: ["MorseCode"]),
        .library(name: "MorseSignal", targets: ["MorseSignal"]),
        .library(name: "MorseContent", targets: ["MorseContent"]),
        .library(name: "MorseChannel", targets: ["MorseChannel"]),
        .library(name: "MorseDatasetFormat", targets: ["MorseDatasetFormat"]),
        .library(name: "MorseFileSystem", targets: ["MorseFileSystem"]),
        .library(name: "MorseDataset", targets: ["MorseDataset"]),
        .library(name: "MorseDecoder", targets: ["MorseDecoder"]),
        .library(name: "MorseInspection", targets: ["MorseInspection"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    ],
    targets: [
        .target(name: "MorseCode", dependencies: [real], swiftSettings: strict),
        .target(name: "MorseSignal", dependencies: ["MorseCode", real], swiftSettings: strict),
        .target(name: "MorseContent", exclude: ["CONTENT.md"], swiftSettings: strict),
        .target(
            name: "MorseChannel", dependencies: ["MorseCode", "MorseSignal", real], exclude: ["CHANNEL.md"],
            swiftSettings: strict),
        // The on-disk contract shared by the writer and the inspection tools: layout, splits, formats.
        .target(name: "MorseDatasetFormat", swiftSettings: strict),
        // Every write, rename and delete inside a dataset, confined to the output root's directory
        // descriptor (no symlink followed); the dataset lock; checksums; bounded text reading.
        .target(name: "MorseFileSystem", swiftSettings: strict),
        .target(
            name: "MorseDataset",
            dependencies: [
                "MorseCode", "MorseSignal", "MorseContent", "MorseChannel", "MorseDatasetFormat", "MorseFileSystem",
                "Yams",
            ],
            swiftSettings: strict),
        // Reading clips back: a reference CW decoder, then validation, statistics and previews.
        .target(name: "MorseDecoder", dependencies: ["MorseCode", "MorseSignal"], swiftSettings: strict),
        .target(
            name: "MorseInspection",
            dependencies: ["MorseDatasetFormat", "MorseFileSystem", "MorseDecoder", "MorseSignal", "MorseCode"],
            swiftSettings: strict),
        .executableTarget(
            name: "morse-dataset",
            dependencies: [
                "MorseDataset", "MorseDatasetFormat", "MorseFileSystem", "MorseInspection", "MorseDecoder",
                "MorseSignal", "MorseCode",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        // Release-mode speed measurements: `swift run -c release morse-benchmarks`.
        .executableTarget(
            name: "morse-benchmarks",
            dependencies: ["MorseCode", "MorseSignal", "MorseChannel", "MorseDataset", "MorseDatasetFormat"],
            swiftSettings: strict),
        .testTarget(name: "MorseCodeTests", dependencies: ["MorseCode"]),
        .testTarget(name: "MorseSignalTests", dependencies: ["MorseSignal", real]),
        .testTarget(name: "MorseContentTests", dependencies: ["MorseContent", "MorseCode"]),
        .testTarget(name: "MorseChannelTests", dependencies: ["MorseChannel", "MorseCode", "MorseSignal", real]),
        .testTarget(name: "MorseFileSystemTests", dependencies: ["MorseFileSystem"]),
        .testTarget(
            name: "MorseDatasetTests",
            dependencies: [
                "MorseDataset", "MorseDatasetFormat", "MorseFileSystem", "MorseChannel", "MorseCode", "MorseSignal",
                real,
            ]),
        .testTarget(name: "MorseDecoderTests", dependencies: ["MorseDecoder", "MorseCode", "MorseSignal", real]),
        .testTarget(
            name: "MorseInspectionTests",
            dependencies: ["MorseInspection", "MorseDatasetFormat", "MorseDataset", "MorseCode"]),
    ]
)
