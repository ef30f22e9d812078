// swift-tools-version: 6.1
// A package that uses morse-dataset's libraries as a dependency, as a user's would: it proves the
// libraries build for a dependent (no unsafeFlags, public API enough to make a clip).
// `scripts/test.sh` builds and runs it.
import PackageDescription

let package = Package(
    name: "dependent-package",
    platforms: [.macOS(.v15)],
    dependencies: [
        // A user would write `.package(url: "https://…/morse-dataset", from: "…")`.
        .package(name: "morse-dataset", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "render-clip",
            dependencies: [
                .product(name: "MorseCode", package: "morse-dataset"),
                .product(name: "MorseSignal", package: "morse-dataset"),
                .product(name: "MorseChannel", package: "morse-dataset"),
            ])
    ]
)
