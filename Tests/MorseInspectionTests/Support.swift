import Foundation
import MorseDataset
import Testing

/// This test process's scratch folder, removed with everything in it when the process exits.
let scratchRoot: String = {
    let root = scratchRootPath()
    try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: scratchRootPath()) }
    return root
}()

/// One folder per test process, so concurrent `swift test` runs never remove each other's files.
private func scratchRootPath() -> String { NSTemporaryDirectory() + "morse-inspection-tests-\(getpid())" }

/// A small sound dataset made once per test run (16 clips of at most 6 s), copied by each test that damages it.
enum Fixture {
    static let dataset: String = {
        let folder = scratchRoot + "/sound-\(UUID().uuidString.prefix(8))"
        // The reference profile: the decoder survey needs clips it can time, and under the coverage
        // defaults a 6 s clip at 13.7 WPM may hold a lone `?`, whose unit no decoder can calibrate.
        let settings = RunSettings(config: .referenceDefaults, numSamples: 16, seed: 7, maxDuration: 6, noiseRatio: 0.1)
        let generation = DatasetGeneration(
            settings: settings, outputDirectory: folder, workers: 2, overwrite: false, progress: .none, version: "test")
        do { _ = try generation.run(stop: StopSignal()) { _ in } } catch {
            Issue.record("cannot generate the fixture dataset: \(error)")
        }
        return folder
    }()

    /// A fresh copy of the sound dataset.
    static func copy(_ name: String = #function) throws -> String {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let target = scratchRoot + "/\(safe)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.copyItem(atPath: dataset, toPath: target)
        // The NeMo manifests name the fixture's own folder; point them at the copy's, as
        // `morse-dataset merge COPY` would, so each test sees only the damage it makes.
        let (from, to) = (realPath(dataset) + "/audio/", realPath(target) + "/audio/")
        for split in ["train", "validation", "test"] {
            let manifest = target + "/manifests/\(split).jsonl"
            try writeText(try readText(manifest).replacingOccurrences(of: "\"" + from, with: "\"" + to), manifest)
        }
        return target
    }

    /// `path` with every link resolved.
    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

func readText(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
func writeText(_ text: String, _ path: String) throws {
    try text.write(toFile: path, atomically: true, encoding: .utf8)
}

/// metadata.csv's data lines (header left out).
func metadataLines(_ root: String) throws -> [String] {
    Array(try readText(root + "/metadata.csv").split(separator: "\n").dropFirst().map(String.init))
}
