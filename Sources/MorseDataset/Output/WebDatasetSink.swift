import Foundation
import MorseDatasetFormat

/// Writes WebDataset shards: `webdataset/{split}/shard-000000.tar`, … with `output.shard_size`
/// clips each, every clip as `<key>.wav`, `<key>.txt` (the transcript) and `<key>.json` (its full
/// metadata record), where the key is `morse_000042` (no dots, so every reader finds the extensions).
///
/// One archive per split is open at a time; the WAVs are read back from `audio/`, or from the
/// shards of an earlier finalisation when a WebDataset-only dataset has removed them (see
/// ``FinishedClip/wav``). `dataset_info.json` lists every shard with its clip count and id range.
final class WebDatasetSink: DatasetSink {
    let layout: DatasetLayout
    let files: DatasetFiles
    let shardSize: Int
    let description: DatasetDescription
    private var open: [DatasetSplit: TarFileWriter] = [:]
    private var counts: [DatasetSplit: Int] = [:]
    private var shardsWritten: [DatasetSplit: Int] = [:]
    /// Per split, each shard written: its clip count and first and last clip id.
    private var written: [DatasetSplit: [(clips: Int, first: Int, last: Int)]] = [:]
    private var current: [DatasetSplit: (first: Int, last: Int)] = [:]
    /// The shards' clips, for their card's `description` (see ``CacheFingerprint``).
    private var fingerprint = CacheFingerprint()

    init(files: DatasetFiles, description: DatasetDescription) throws(DatasetError) {
        self.files = files
        layout = files.layout
        shardSize = max(1, description.shardSize)
        self.description = description
        for split in DatasetSplit.allCases { try files.makeDirectory(layout.webDatasetFolder(split)) }
    }

    func add(_ clip: FinishedClip) throws(DatasetError) {
        let split = clip.split
        // Read without following a link: a link planted in audio/ never pulls a foreign file in.
        let wav = try clip.wav()
        let writer: TarFileWriter
        if let current = open[split] {
            writer = current
        } else {
            writer = try TarFileWriter(
                files: files, path: layout.webDatasetShard(split, number: shardsWritten[split, default: 0]))
            open[split] = writer
            counts[split] = 0
        }
        let key = layout.key(id: clip.id)
        try writer.add(name: key + ".wav", bytes: wav)
        try writer.add(name: key + ".txt", bytes: clip.summary.text.utf8)
        try writer.add(name: key + ".json", bytes: clip.record)
        counts[split, default: 0] += 1
        fingerprint.add(clip)
        current[split] = (current[split]?.first ?? clip.id, clip.id)
        if counts[split, default: 0] >= shardSize { try close(split) }
    }

    private func close(_ split: DatasetSplit) throws(DatasetError) {
        guard let writer = open.removeValue(forKey: split) else { return }
        try writer.finish()
        shardsWritten[split, default: 0] += 1
        if let range = current.removeValue(forKey: split) {
            written[split, default: []].append((counts[split, default: 0], range.first, range.last))
        }
    }

    /// `webdataset_shards`: per split, each shard's file (relative to the dataset), clip count
    /// and first and last id, so a reader finds clip N's shard without opening any.
    func describeWritten(into info: inout JSONObject) {
        var splits = JSONObject()
        for split in DatasetSplit.allCases {
            let shards = written[split, default: []].enumerated().map { number, shard in
                var entry = JSONObject()
                entry.add("file", "webdataset/\(split.name)/" + DatasetLayout.webDatasetShardName(number))
                entry.add("clips", shard.clips)
                entry.add("first_id", shard.first)
                entry.add("last_id", shard.last)
                return entry.encoded
            }
            splits.add(split.name, raw: "[" + shards.joined(separator: ", ") + "]")
        }
        info.add("webdataset_shards", object: splits)
    }

    /// Finishes the open shards and deletes shard files left from an earlier, different finalisation.
    func finish() throws(DatasetError) {
        for split in DatasetSplit.allCases {
            try close(split)
            let folder = layout.webDatasetFolder(split)
            let keep = Set((0..<shardsWritten[split, default: 0]).map(DatasetLayout.webDatasetShardName))
            for name in files.list(folder).map(\.name)
            where name.hasPrefix("shard-") && name.hasSuffix(".tar") && !keep.contains(name) {
                try files.remove(folder + "/" + name)
            }
        }
        try writeCard()
    }

    /// `webdataset/README.md`: a card whose header declares the shards and every column, so
    /// `load_dataset("DIR/webdataset")` loads them typed (the dataset root's card may declare the
    /// folder layout; `datasets` takes one builder per card).
    private func writeCard() throws(DatasetError) {
        guard let config = Self.huggingFace(description)?.relative(to: "webdataset") else { return }
        let filled = DatasetSplit.allCases.filter { shardsWritten[$0, default: 0] > 0 }
        let header = HuggingFaceConfig.yaml(
            [("default", config)], splits: filled, description: fingerprint.description(of: layout.webDatasetFolder))
        let text = "---\n" + header + "---\n\n# WebDataset shards\n\n" + Self.loading(description) + "\n"
        try files.writeAtomically(text, to: layout.webDatasetFolder + "/README.md")
    }

    func abandon() {
        for writer in open.values { writer.abandon() }
        open.removeAll()
    }

    static let rootEntries = ["webdataset"]

    static func temporaryFolders(_ layout: DatasetLayout) -> [String] {
        DatasetSplit.allCases.map(layout.webDatasetFolder)
    }

    /// webdataset: each split's shards; a row is the clip's `wav`, `txt` and `json` members.
    static func huggingFace(_ description: DatasetDescription) -> HuggingFaceConfig? {
        let record = HuggingFaceConfig.recordFeatures(description, fileName: (ClipField.fileName.rawValue, .string))
        return HuggingFaceConfig(
            dataFiles: { ["webdataset/\($0.name)/*.tar"] },
            features: [
                ("__key__", .string), ("__url__", .string),
                ("wav", .audio(sampleRate: description.descriptor.sampleRate)),
                ("txt", .string), ("json", .structure(record)),
            ])
    }

    static func loading(_ description: DatasetDescription) -> String {
        """
        WebDataset shards of \(description.shardSize) clips are in `webdataset/{split}/shard-NNNNNN.tar`; each clip
        is `<key>.wav`, `<key>.txt` (the transcript) and `<key>.json` (its full metadata), key `morse_000042`:

        ```python
        from datasets import load_dataset
        ds = load_dataset("path/to/this/folder/webdataset")  # typed by webdataset/README.md
        ```
        """
    }

    static func describe(_ description: DatasetDescription, into info: inout JSONObject) {
        info.add("webdataset_shard_size", description.shardSize)
    }
}
