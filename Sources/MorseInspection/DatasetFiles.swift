import MorseDataset

/// Where the files of a dataset made by `generate` are, for reading it back.
public struct DatasetFiles: Sendable, Hashable {
    /// The dataset's root folder.
    public let root: String

    public init(root: String) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    public var metadataCSV: String { root + "/metadata.csv" }
    public var datasetInfo: String { root + "/dataset_info.json" }
    public func splitCSV(_ split: DatasetSplit) -> String { root + "/splits/\(split.name).csv" }
    public func transcripts(_ split: DatasetSplit) -> String { root + "/splits/\(split.name)_transcripts.txt" }
    public func audioFolder(_ split: DatasetSplit) -> String { root + "/audio/\(split.name)" }
    public func audioMetadata(_ split: DatasetSplit) -> String { audioFolder(split) + "/metadata.jsonl" }
    public func nemoManifest(_ split: DatasetSplit) -> String { root + "/manifests/\(split.name).jsonl" }
    /// Full path of an `audio_file` value such as `train/morse_000042.wav`.
    public func audioPath(_ audioFile: String) -> String { root + "/audio/" + audioFile }

    /// The split and clip id a path under `audio/` names (`train/morse_000042.wav` → train, 42),
    /// or nil if it is not of that form. A leading `../audio/` (NeMo manifests) is accepted.
    public static func clip(inAudioFile audioFile: String) -> (split: DatasetSplit, id: Int)? {
        var path = Substring(audioFile)
        if path.hasPrefix("../audio/") { path = path.dropFirst("../audio/".count) }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let split = DatasetSplit(name: String(parts[0])), let id = clipID(fileName: parts[1]) else { return nil }
        return (split, id)
    }

    /// The id in a file name `morse_000042.wav`, or nil.
    public static func clipID(fileName: Substring) -> Int? {
        guard fileName.hasPrefix("morse_"), fileName.hasSuffix(".wav") else { return nil }
        let digits = fileName.dropFirst(6).dropLast(4)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits)
    }
}
