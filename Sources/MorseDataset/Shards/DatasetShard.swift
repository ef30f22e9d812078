/// One of `count` parts of a dataset, made by its own process (a cluster task) and merged later.
///
/// Shard `index` makes the contiguous block of clip ids `[index·N/count, (index+1)·N/count)`, so
/// the shards cover every id exactly once, and each writes its own journal
/// (`.morse-dataset/journal.shard-0003-of-0008.jsonl`); several shards may therefore share one folder.
/// Because a clip is a pure function of (config, seed, id), the merged shards equal a single run.
public struct DatasetShard: Sendable, Hashable, CustomStringConvertible {
    /// Zero-based shard number, below ``count``.
    public let index: Int
    /// Number of shards the dataset is split into (1 = the whole dataset in one run).
    public let count: Int

    /// The whole dataset as one shard.
    public static let whole = DatasetShard(uncheckedIndex: 0, count: 1)

    /// A shard, or an error naming the bad value and the fix.
    public init(index: Int, count: Int) throws(DatasetError) {
        guard count >= 1 else { throw .invalidSetting("\(RunOption.numShards) \(count) must be at least 1") }
        guard (0..<count).contains(index) else {
            throw .invalidSetting(
                "\(RunOption.shardIndex) \(index) is out of range for \(RunOption.numShards) \(count); use 0 to \(count - 1)"
            )
        }
        self.init(uncheckedIndex: index, count: count)
    }

    private init(uncheckedIndex index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    public var isWhole: Bool { count == 1 }

    /// The clip ids this shard makes, out of `total`.
    public func ids(of total: Int) -> Range<Int> {
        Self.bound(index, count: count, total: total)..<Self.bound(index + 1, count: count, total: total)
    }

    static func bound(_ index: Int, count: Int, total: Int) -> Int {
        Int((Int64(index) * Int64(total)) / Int64(count))
    }

    /// The journal's file name: `journal.jsonl` for the whole dataset, else
    /// `journal.shard-0003-of-0008.jsonl`.
    public var journalName: String {
        isWhole ? "journal.jsonl" : "journal.shard-\(Self.pad4(index))-of-\(Self.pad4(count)).jsonl"
    }

    /// The shard a journal file name belongs to, or nil for `journal.jsonl` and other names.
    public static func fromJournalName(_ name: String) -> DatasetShard? {
        let parts = name.split(separator: ".")
        guard parts.count == 3, parts[0] == "journal", parts[2] == "jsonl" else { return nil }
        let fields = parts[1].split(separator: "-")
        guard fields.count == 4, fields[0] == "shard", fields[2] == "of", let index = Int(fields[1]),
            let count = Int(fields[3])
        else {
            return nil
        }
        return try? DatasetShard(index: index, count: count)
    }

    public var description: String { "shard \(index) of \(count)" }

    private static func pad4(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
