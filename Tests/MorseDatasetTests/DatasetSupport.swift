import Foundation

@testable import MorseDataset

/// This test process's scratch folder, removed with everything in it when the process exits.
let scratchRoot: String = {
    let root = scratchRootPath()
    try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: scratchRootPath()) }
    return root
}()

/// One folder per test process, so concurrent `swift test` runs never remove each other's files.
private func scratchRootPath() -> String { NSTemporaryDirectory() + "morse-dataset-tests-\(getpid())" }

/// A fresh temporary folder for one test, inside ``scratchRoot`` (removed when the tests end).
func temporaryFolder(_ name: String = #function) -> String {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    let path = scratchRoot + "/\(safe)-\(UUID().uuidString.prefix(8))"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Small, quick settings: short clips from the reference config.
func smallSettings(numSamples: Int = 24, seed: UInt64 = 5, maxDuration: Double = 8, noiseRatio: Double = 0.1)
    -> RunSettings
{
    RunSettings(config: .defaults, numSamples: numSamples, seed: seed, maxDuration: maxDuration, noiseRatio: noiseRatio)
}

/// Runs a whole generation into `folder`.
@discardableResult
func generate(
    _ settings: RunSettings, into folder: String, workers: Int = 2, overwrite: Bool = false,
    stop: StopSignal = StopSignal(),
    shard: DatasetShard = .whole
) throws -> DatasetGeneration.Result {
    let generation = DatasetGeneration(
        settings: settings, outputDirectory: folder, workers: workers, overwrite: overwrite, progress: .none,
        version: "test",
        shard: shard)
    return try generation.run(stop: stop) { _ in }
}

/// Every file under `root` (relative paths) with its bytes, leaving out the run state and the
/// two run-specific fields of dataset_info.json.
func snapshot(_ root: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: root)
    while let relative = enumerator?.nextObject() as? String {
        guard !relative.hasPrefix(".morse-dataset") else { continue }
        var isDirectory: ObjCBool = false
        FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory)
        guard !isDirectory.boolValue else { continue }
        var data = try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative))
        if relative == "dataset_info.json", var object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        {
            object["creation_date"] = nil
            object["num_workers"] = nil
            data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        }
        if relative.hasPrefix("manifests/") { data = relativeNeMoPaths(data, root: root) }
        if relative.hasSuffix("README.md") { data = withoutCardFingerprint(data) }
        files[relative] = data
    }
    return files
}

/// Card bytes with the config's fingerprint line blanked: it digests the dataset's real path, so
/// two equal datasets in different folders write it differently (CacheFingerprint).
func withoutCardFingerprint(_ data: Data) -> Data {
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let kept = lines.map { $0.hasPrefix("  description: " + CacheFingerprint.prefix) ? "  description: -" : $0 }
    return Data(kept.joined(separator: "\n").utf8)
}

/// NeMo manifest bytes with the dataset's own absolute audio paths written as `../audio/…`: the
/// one place two equal datasets in different folders differ (`output.nemo_paths: absolute`).
func relativeNeMoPaths(_ data: Data, root: String) -> Data {
    guard let resolved = realpath(root, nil) else { return data }
    defer { free(resolved) }
    let prefix = "\"" + String(cString: resolved) + "/audio/"
    return Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: prefix, with: "\"../audio/").utf8)
}

func csvRows(_ path: String) throws -> [[String]] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
        $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
}
