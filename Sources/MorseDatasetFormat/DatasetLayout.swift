/// Where each file of a dataset lives under its output folder.
public struct DatasetLayout: Sendable, Hashable {
    /// The dataset's root folder.
    public let root: String
    /// Digits in clip numbers: 6 as in the reference, more for datasets of a million clips or more.
    public let idDigits: Int

    /// For reading an existing dataset: every path, and file names for up to a million clips.
    public init(reading root: String) {
        self.init(root: root, numSamples: 0)
    }

    public init(root: String, numSamples: Int) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        idDigits = max(6, String(max(0, numSamples - 1)).count)
    }

    /// Hidden folder with the run descriptor, effective config and journals.
    public var stateFolder: String { root + "/.morse-dataset" }
    public var runFile: String { stateFolder + "/run.json" }
    public var configFile: String { stateFolder + "/config.yaml" }
    /// The journal of the whole dataset (an unsharded run); shards write `journal.shard-…jsonl` beside it.
    public var journalFile: String { stateFolder + "/journal.jsonl" }

    /// `morse_000042.wav`.
    public func fileName(id: Int) -> String { key(id: id) + ".wav" }

    /// `train/morse_000042.wav`: the path under `audio/`, as `metadata.csv` writes it.
    public func audioFile(id: Int, split: DatasetSplit) -> String { split.name + "/" + fileName(id: id) }

    public func audioFolder(_ split: DatasetSplit) -> String { root + "/audio/" + split.name }
    public func audioPath(id: Int, split: DatasetSplit) -> String { audioFolder(split) + "/" + fileName(id: id) }
    /// Full path of an `audio_file` value such as `train/morse_000042.wav`.
    public func audioPath(_ audioFile: String) -> String { root + "/audio/" + audioFile }
    public var splitsFolder: String { root + "/splits" }
    public var manifestsFolder: String { root + "/manifests" }
    public var metadataCSV: String { root + "/metadata.csv" }
    public var datasetInfo: String { root + "/dataset_info.json" }
    public func splitCSV(_ split: DatasetSplit) -> String { splitsFolder + "/\(split.name).csv" }
    public func transcripts(_ split: DatasetSplit) -> String { splitsFolder + "/\(split.name)_transcripts.txt" }
    /// The Hugging Face audiofolder metadata of one split: Parquet typed as the card declares.
    public func audioMetadata(_ split: DatasetSplit) -> String { audioFolder(split) + "/metadata.parquet" }
    /// Every clip's full record, one JSON line a clip, per split. Outside `audio/{split}/`:
    /// audiofolder refuses a folder with metadata files of two kinds.
    public var recordsFolder: String { root + "/metadata" }
    /// `metadata/train.jsonl`.
    public func records(_ split: DatasetSplit) -> String { recordsFolder + "/\(split.name).jsonl" }
    public func nemoManifest(_ split: DatasetSplit) -> String { manifestsFolder + "/\(split.name).jsonl" }
    /// `lhotse/supervisions_train.jsonl`: one of a split's Lhotse manifests (`recordings`, `supervisions`, `cuts`).
    public func lhotseManifest(_ kind: String, _ split: DatasetSplit) -> String {
        root + "/lhotse/\(kind)_\(split.name).jsonl"
    }
    public var webDatasetFolder: String { root + "/webdataset" }
    public func webDatasetFolder(_ split: DatasetSplit) -> String { webDatasetFolder + "/" + split.name }
    /// `webdataset/train/shard-000003.tar`.
    public func webDatasetShard(_ split: DatasetSplit, number: Int) -> String {
        webDatasetFolder(split) + "/" + Self.webDatasetShardName(number)
    }

    /// Where a clip's audio is when the dataset keeps no loose WAVs (WebDataset the only format,
    /// `audio/` removed): the `audio_file` value `train/morse_000042.wav` still names it, and the
    /// bytes are member `morse_000042.wav` (``fileName(id:)``) of exactly one shard in
    /// `webdataset/train/`. `dataset_info.json`'s `webdataset_shards` lists each shard's first and
    /// last id, and the shards of a split hold ascending, disjoint id ranges (clips go in in id order).
    /// - Returns: the shard folder and the member name, or nil when `audioFile` names no clip.
    public func webDatasetMember(_ audioFile: String) -> (folder: String, member: String)? {
        guard let clip = Self.clip(inAudioFile: audioFile) else { return nil }
        return (webDatasetFolder(clip.split), String(audioFile.split(separator: "/").last ?? ""))
    }

    /// `shard-000003.tar`.
    public static func webDatasetShardName(_ number: Int) -> String { "shard-" + zeroPadded(number, 6) + ".tar" }

    /// `morse_000042`: the clip's key, the file name without `.wav` (WebDataset member names; no
    /// dots, so readers split extensions correctly).
    public func key(id: Int) -> String { "morse_" + Self.zeroPadded(id, idDigits) }

    /// The split and clip id a path under `audio/` names (`train/morse_000042.wav` → train, 42),
    /// or nil if it is not of that form. A leading `../audio/` (NeMo manifests) is accepted.
    public static func clip(inAudioFile audioFile: String) -> (split: DatasetSplit, id: Int)? {
        var path = Substring(audioFile)
        if path.hasPrefix("../audio/") { path = path.dropFirst("../audio/".count) }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let split = DatasetSplit(name: String(parts[0])), let id = clipID(fileName: parts[1])
        else { return nil }
        return (split, id)
    }

    /// The id in a file name `morse_000042.wav`, or nil.
    public static func clipID(fileName: Substring) -> Int? {
        guard fileName.hasPrefix("morse_"), fileName.hasSuffix(".wav") else { return nil }
        let digits = fileName.dropFirst(6).dropLast(4)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits)
    }

    /// `value` in decimal with leading zeros to `width` digits.
    static func zeroPadded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
