import Foundation

/// Where each file of a dataset lives under its output folder.
public struct DatasetLayout: Sendable, Hashable {
    /// The dataset's root folder.
    public let root: String
    /// Digits in clip numbers: 6 as in the reference, more for datasets of a million clips or more.
    public let idDigits: Int

    public init(root: String, numSamples: Int) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        idDigits = max(6, String(max(0, numSamples - 1)).count)
    }

    /// Hidden folder with the run descriptor, effective config and journals.
    public var stateFolder: String { root + "/.morse-dataset" }
    public var runFile: String { stateFolder + "/run.json" }
    public var configFile: String { stateFolder + "/config.yaml" }
    /// The journal of the whole dataset (an unsharded run).
    public var journalFile: String { journalFile(.whole) }
    /// The journal that `shard` appends to.
    public func journalFile(_ shard: DatasetShard) -> String { stateFolder + "/" + shard.journalName }

    /// Every journal in the state folder (the whole run's and each shard's), sorted by name.
    public func journalFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: stateFolder)) ?? []
        return names.filter { $0.hasPrefix("journal") && $0.hasSuffix(".jsonl") }.sorted().map { stateFolder + "/" + $0 }
    }

    /// `morse_000042.wav`.
    public func fileName(id: Int) -> String {
        let digits = String(id)
        return "morse_" + String(repeating: "0", count: max(0, idDigits - digits.count)) + digits + ".wav"
    }

    /// `train/morse_000042.wav`: the path under `audio/`, as `metadata.csv` writes it.
    public func audioFile(id: Int, split: DatasetSplit) -> String { split.name + "/" + fileName(id: id) }

    public func audioFolder(_ split: DatasetSplit) -> String { root + "/audio/" + split.name }
    public func audioPath(id: Int, split: DatasetSplit) -> String { audioFolder(split) + "/" + fileName(id: id) }
    public var splitsFolder: String { root + "/splits" }
    public var manifestsFolder: String { root + "/manifests" }
    public var webDatasetFolder: String { root + "/webdataset" }
    public func webDatasetFolder(_ split: DatasetSplit) -> String { webDatasetFolder + "/" + split.name }

    /// `morse_000042`: the clip's WebDataset key (no dots, so readers split extensions correctly).
    public func key(id: Int) -> String {
        let name = fileName(id: id)
        return String(name.dropLast(4))
    }
}
