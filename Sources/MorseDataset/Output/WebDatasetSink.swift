import Foundation
import MorseDatasetFormat

/// Writes WebDataset shards: `webdataset/{split}/shard-000000.tar`, … with `output.shard_size`
/// clips each, every clip as `<key>.wav`, `<key>.txt` (the transcript) and `<key>.json` (its full
/// metadata record), where the key is `morse_000042` (no dots, so every reader finds the extensions).
///
/// One archive per split is open at a time; the WAVs are read back from `audio/`.
final class WebDatasetSink: DatasetSink {
    let layout: DatasetLayout
    let files: DatasetFiles
    let shardSize: Int
    private var open: [DatasetSplit: TarFileWriter] = [:]
    private var counts: [DatasetSplit: Int] = [:]
    private var shardsWritten: [DatasetSplit: Int] = [:]

    init(files: DatasetFiles, description: DatasetDescription) throws(DatasetError) {
        self.files = files
        layout = files.layout
        shardSize = max(1, description.shardSize)
        for split in DatasetSplit.allCases { try files.makeDirectory(layout.webDatasetFolder(split)) }
    }

    func add(_ clip: FinishedClip) throws(DatasetError) {
        let split = clip.split
        let path = layout.audioPath(clip.summary.audioFile)
        // Read without following a link: a link planted in audio/ never pulls a foreign file in.
        let wav = try files.read(path, limit: 1 << 31)
        let writer: TarFileWriter
        if let current = open[split] {
            writer = current
        } else {
            writer = try TarFileWriter(files: files, path: layout.webDatasetShard(split, number: shardsWritten[split, default: 0]))
            open[split] = writer
            counts[split] = 0
        }
        let key = layout.key(id: clip.id)
        try writer.add(name: key + ".wav", bytes: wav)
        try writer.add(name: key + ".txt", bytes: clip.summary.text.utf8)
        try writer.add(name: key + ".json", bytes: clip.record)
        counts[split, default: 0] += 1
        if counts[split, default: 0] >= shardSize { try close(split) }
    }

    private func close(_ split: DatasetSplit) throws(DatasetError) {
        guard let writer = open.removeValue(forKey: split) else { return }
        try writer.finish()
        shardsWritten[split, default: 0] += 1
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
    }

    func abandon() {
        for writer in open.values { writer.abandon() }
        open.removeAll()
    }

    static let rootEntries = ["webdataset"]

    static func temporaryFolders(_ layout: DatasetLayout) -> [String] { DatasetSplit.allCases.map(layout.webDatasetFolder) }

    static let huggingFaceDataDirectory: String? = "webdataset"

    static func loading(_ description: DatasetDescription) -> String {
        """
        WebDataset shards of \(description.shardSize) clips are in `webdataset/{split}/shard-NNNNNN.tar`; each clip
        is `<key>.wav`, `<key>.txt` (the transcript) and `<key>.json` (its full metadata), key `morse_000042`:

        ```python
        from datasets import load_dataset
        ds = load_dataset("webdataset", data_dir="path/to/this/folder/webdataset")
        ```
        """
    }

    static func describe(_ description: DatasetDescription, into info: inout JSONObject) {
        info.add("webdataset_shard_size", description.shardSize)
    }
}
