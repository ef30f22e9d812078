import Foundation
import MorseCode
import MorseDatasetFormat
import MorseFileSystem
import MorseSignal

/// One clip of a dataset with its labels: the metadata row and the per-character times.
public struct LabelledClip: Sendable {
    public var row: MetadataRow
    /// Each keyed character with start and end in seconds from the start of the audio.
    public var characters: [KeyedTimeline.Span]
    /// Path of the clip's WAV file (under `audio/`; see ``audio`` for where it really is).
    public var audioPath: String
    /// Where the dataset's audio is: loose WAVs, or the members of its WebDataset shards.
    public var audio: ClipAudioStore

    /// The clip's audio, from its WAV file or its shard member.
    public func readAudio() throws(InspectionError) -> WAVAudio { try audio.read(row.audioFile) }

    /// Finds clip `id` in the dataset at `root`: its row in `metadata.csv`, then its character
    /// times in `metadata/{split}.jsonl` (both read line by line until found).
    public static func find(id: Int, root: String) throws(InspectionError) -> LabelledClip {
        let files = DatasetLayout(reading: root)
        var found: MetadataRow?
        guard let reader = LineReader(path: files.metadataCSV), let header = reader.next(),
            case let .success(columns) = MetadataRow.Columns.parse(header)
        else { throw .unreadableManifest(path: files.metadataCSV, problem: "is missing or has no usable header") }
        let prefix = "\(id),"
        // While looking, note the ids there are, so a miss can say which ids are valid.
        var listed = 0, first = Int.max, last = Int.min, line = 1
        while let text = reader.next() {
            line += 1
            if text.hasPrefix(prefix), case let .success(row) = MetadataRow.parse(text, columns: columns), row.id == id
            {
                found = row
                break
            }
            if let known = Int(text.prefix { $0 != "," }) {
                listed += 1
                first = min(first, known)
                last = max(last, known)
            }
        }
        guard let row = found else {
            throw .unknownClip(id: id, path: files.metadataCSV, listed: listed, ids: listed > 0 ? first...last : nil)
        }
        guard let split = DatasetSplit(name: row.split) else {
            throw .malformedRow(
                path: files.metadataCSV, line: line,
                problem: "of clip \(id) names split '\(row.split)'; expected train, validation or test")
        }
        var characters: [KeyedTimeline.Span] = []
        if let records = LineReader(path: files.records(split)) {
            let marker = "{\"id\": \(id),"
            struct Record: Decodable { var id: Int; var characters: [KeyedTimeline.Span] }
            while let line = records.next() {
                guard line.hasPrefix(marker) else { continue }
                if let record = try? JSONDecoder().decode(Record.self, from: Data(line.utf8)), record.id == id {
                    characters = record.characters
                }
                break
            }
        }
        if characters.isEmpty { characters = lhotseCharacters(files, split: split, id: id) }
        let audio = ClipAudioStore(root: root)
        // A WebDataset dataset without the folder layout has the record only in its shards (its
        // loose WAVs may have been kept, so the shards are looked up even then).
        if characters.isEmpty, FileManager.default.fileExists(atPath: files.webDatasetFolder),
            let found = (audio.shards ?? ShardIndex(layout: files)).clips[id]?.first(where: { $0.split == split })
        {
            characters = shardCharacters(audio, shard: found.shard, wav: found.member, id: id)
        }
        return LabelledClip(
            row: row, characters: characters, audioPath: files.audioPath(row.audioFile), audio: audio)
    }

    /// The character times of a Lhotse supervision's `char` alignment (`[symbol, start, duration]`),
    /// for a Lhotse-only dataset, which has no `metadata/{split}.jsonl`.
    static func lhotseCharacters(_ files: DatasetLayout, split: DatasetSplit, id: Int) -> [KeyedTimeline.Span] {
        struct Supervision: Decodable {
            struct Alignment: Decodable { var char: [Item] }
            struct Item: Decodable {
                var symbol: String, start: Double, duration: Double
                init(from decoder: any Decoder) throws {
                    var fields = try decoder.unkeyedContainer()
                    symbol = try fields.decode(String.self)
                    start = try fields.decode(Double.self)
                    duration = try fields.decode(Double.self)
                }
            }
            var id: String
            var alignment: Alignment?
        }
        let key = files.key(id: id)
        guard let lines = LineReader(path: files.lhotseManifest("supervisions", split)) else { return [] }
        let marker = "{\"id\": \"\(key)\","
        while let line = lines.next() {
            guard line.hasPrefix(marker) else { continue }
            guard let found = try? JSONDecoder().decode(Supervision.self, from: Data(line.utf8)), found.id == key else {
                return []
            }
            return (found.alignment?.char ?? []).map {
                KeyedTimeline.Span(text: $0.symbol, start: $0.start, end: $0.start + $0.duration)
            }
        }
        return []
    }

    /// The character times in the clip's `.json` member, the one after its `.wav` in the shard.
    static func shardCharacters(_ audio: ClipAudioStore, shard: String, wav: TarReader.Member, id: Int)
        -> [KeyedTimeline.Span]
    {
        struct Record: Decodable { var id: Int; var characters: [KeyedTimeline.Span] }
        guard let root = try? DatasetRoot.open(audio.layout.root), let file = try? root.openForReading(shard),
            let members = try? TarReader.members(of: file),
            let json = members.first(where: { $0.name == audio.layout.key(id: id) + ".json" }),
            json.size <= 1 << 26,
            let bytes = try? audio.bytes(shard: shard, member: json),
            let record = try? JSONDecoder().decode(Record.self, from: Data(bytes)), record.id == id
        else { return [] }
        return record.characters
    }
}
