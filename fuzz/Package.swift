// swift-tools-version: 6.1
// libFuzzer targets for the readers of untrusted input. Build and run with `scripts/fuzz.sh SECONDS`
// (`swift build --sanitize fuzzer`; `-Xswiftc -sanitize=fuzzer` fails to link an executable target).
import PackageDescription

func fuzzer(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name, dependencies: products.map { .product(name: $0, package: "morse-dataset") },
        // libFuzzer supplies main(); the target only defines LLVMFuzzerTestOneInput.
        swiftSettings: [.unsafeFlags(["-parse-as-library"])])
}

let package = Package(
    name: "morse-dataset-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "morse-dataset", path: "..")],
    targets: [
        fuzzer("FuzzWAV", ["MorseSignal", "MorseDecoder", "MorseInspection"]),
        fuzzer("FuzzConfig", ["MorseDataset"]),
        fuzzer("FuzzJournal", ["MorseDataset"]),
        fuzzer("FuzzText", ["MorseCode"]),
    ]
)
