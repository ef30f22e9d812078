import Foundation
import MorseDatasetFormat

/// Where finished clips are recorded as they complete: one JSON line per clip, appended after the
/// clip's audio has been renamed into place. It is the dataset's memory across interruptions:
/// a clip counts as done only when its line is here and its file has the right size.
///
/// Each line is the clip's full metadata record (what `metadata/{split}.jsonl` holds) sealed
/// with its own checksum (see ``JournalLine``), and starts with `{"id": N,` so the journal can be
/// indexed without parsing every line. A line whose seal does not verify counts as damage.
///
/// Memory grows with the clips finished, not with the dataset size: a new run of 10⁸ clips starts
/// with an empty index (the table grows to the highest id seen).
public struct JournalIndex: Sendable {
    /// One journal line's place: which file, where, how long.
    public struct Entry: Sendable, Hashable {
        public var file: Int
        public var offset: Int
        public var length: Int
    }

    /// Journal files, in the order their entries were indexed (later entries win).
    public private(set) var files: [String] = []
    /// The newest entry for each clip id seen so far, indexed by id (ids above its end have none).
    private var stored: [Entry?] = []
    /// Ids `0..<count` can be indexed; lines of other ids are ignored.
    public let count: Int

    public init(count: Int) {
        self.count = count
    }

    /// The newest verified entry of clip `id`, or nil when the clip is not done.
    public func entry(_ id: Int) -> Entry? {
        id >= 0 && id < stored.count ? stored[id] : nil
    }

    /// Ids below this may have an entry; none at or above it has.
    public var indexedEnd: Int { stored.count }

    public var finishedCount: Int { stored.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    /// Lines that did not start with `{"id": N` or whose checksum does not verify (damage from a
    /// power loss, or an edit); their clips count as not done, so a resumed run makes them again.
    public private(set) var damagedLines = 0

    /// Indexes every journal in `paths`, in order (later entries win; a clip's line is the same in
    /// every journal that holds it, as a clip is a pure function of (config, seed, id)).
    public mutating func add(journals paths: [String]) throws(DatasetError) {
        for path in paths { try add(journal: path) }
    }

    /// Indexes every complete line of `path`. A final line without its newline (a write cut off by
    /// a crash, or a line another process is writing right now) is ignored, and the length of the
    /// valid part is returned so the caller can truncate the rest away.
    /// - Returns: the byte length of the valid part of the file.
    @discardableResult
    public mutating func add(journal path: String) throws(DatasetError) -> Int {
        let handle = try JournalFile.openForReading(path)
        defer { try? handle.close() }
        let fileNumber = files.count
        files.append(path)
        var offset = 0
        var pending: [UInt8] = []
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw .io(path: path, errno: EIO, action: "read")
            }
            if chunk.isEmpty { break }
            pending.append(contentsOf: chunk)
            var start = 0
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                let line = pending[start..<newline]
                if let id = Self.leadingID(line), JournalLine.verifiedRecord(line) != nil {
                    if id >= 0 && id < count {
                        if id >= stored.count { stored += Array(repeating: nil, count: id + 1 - stored.count) }
                        stored[id] = Entry(file: fileNumber, offset: offset, length: line.count)
                    }
                } else {
                    damagedLines += 1
                }
                offset += line.count + 1
                start = newline + 1
            }
            pending.removeFirst(start)
        }
        return offset
    }

    /// Reads the journal line of `entry`.
    public func line(_ entry: Entry, handles: inout [Int: FileHandle]) throws(DatasetError) -> Data {
        let path = files[entry.file]
        let handle: FileHandle
        if let open = handles[entry.file] {
            handle = open
        } else {
            let opened = try JournalFile.openForReading(path)
            handles[entry.file] = opened
            handle = opened
        }
        do {
            try handle.seek(toOffset: UInt64(entry.offset))
            return try handle.read(upToCount: entry.length) ?? Data()
        } catch {
            throw .io(path: path, errno: EIO, action: "read")
        }
    }

    /// The clip record of `entry`'s line (its seal checked again and removed), or nil when the
    /// line changed since it was indexed and no longer verifies.
    public func record(_ entry: Entry, handles: inout [Int: FileHandle]) throws(DatasetError) -> Data? {
        let line = try self.line(entry, handles: &handles)
        return JournalLine.verifiedRecord(line)
    }

    /// Parses the `N` of a line starting `{"id": N`.
    static func leadingID<C: Collection>(_ line: C) -> Int? where C.Element == UInt8 {
        let prefix = Array("{\"id\": ".utf8)
        guard line.count > prefix.count, line.starts(with: prefix) else { return nil }
        var value = 0
        var digits = 0
        for byte in line.dropFirst(prefix.count) {
            guard byte >= 0x30 && byte <= 0x39 else { break }
            // More digits than any clip id has is damage, not a number to overflow on.
            guard digits < 18 else { return nil }
            value = value * 10 + Int(byte - 0x30)
            digits += 1
        }
        return digits > 0 ? value : nil
    }
}

extension DatasetLayout {
    /// The journal that `shard` appends to (`journal.jsonl` for the whole dataset).
    public func journalFile(_ shard: DatasetShard) -> String { stateFolder + "/" + shard.journalName }

    /// Every journal in the state folder (the whole run's and each shard's), sorted by name.
    public func journalFiles() -> [String] {
        return JournalFile.names(in: stateFolder).filter { $0.hasPrefix("journal") && $0.hasSuffix(".jsonl") }.sorted()
            .map { stateFolder + "/" + $0 }
    }
}
