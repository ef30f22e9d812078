import Foundation

/// Writes WebDataset shards: `webdataset/{split}/shard-000000.tar`, … with `shardSize` clips each,
/// every clip as `<key>.wav`, `<key>.txt` (the transcript) and `<key>.json` (its full metadata
/// record), where the key is `morse_000042` (no dots, so every reader finds the extensions).
///
/// Clips must be added in id order; the shards are then the same bytes whatever the number of
/// workers or machines that made the clips. One archive per split is open at a time.
final class WebDatasetWriter {
    let layout: DatasetLayout
    let shardSize: Int
    private var open: [DatasetSplit: TarFileWriter] = [:]
    private var counts: [DatasetSplit: Int] = [:]
    private var shardsWritten: [DatasetSplit: Int] = [:]

    init(layout: DatasetLayout, shardSize: Int) throws(DatasetError) {
        self.layout = layout
        self.shardSize = max(1, shardSize)
        for split in DatasetSplit.allCases { try FileSystem.makeDirectory(layout.webDatasetFolder(split)) }
    }

    static func shardName(_ number: Int) -> String {
        let digits = String(number)
        return "shard-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits + ".tar"
    }

    /// Adds clip `id` of `split`.
    func add(id: Int, split: DatasetSplit, wav: [UInt8], text: String, record: some Collection<UInt8>) throws(DatasetError) {
        let writer: TarFileWriter
        if let current = open[split] {
            writer = current
        } else {
            let number = shardsWritten[split, default: 0]
            writer = try TarFileWriter(path: layout.webDatasetFolder(split) + "/" + Self.shardName(number))
            open[split] = writer
            counts[split] = 0
        }
        let key = layout.key(id: id)
        try writer.add(name: key + ".wav", bytes: wav)
        try writer.add(name: key + ".txt", bytes: Array(text.utf8))
        try writer.add(name: key + ".json", bytes: record)
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
            let keep = Set((0..<shardsWritten[split, default: 0]).map(Self.shardName))
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            where name.hasPrefix("shard-") && name.hasSuffix(".tar") && !keep.contains(name) {
                unlink(folder + "/" + name)
            }
        }
    }

    /// Removes the temporary files of the shards still open after a failure.
    func abandon() {
        for writer in open.values { writer.abandon() }
        open.removeAll()
    }
}
