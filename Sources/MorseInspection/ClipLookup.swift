import Foundation
import MorseCode
import MorseDatasetFormat

/// One clip of a dataset with its labels: the metadata row and the per-character times.
public struct LabelledClip: Sendable {
    public var row: MetadataRow
    /// Each keyed character with start and end in seconds from the start of the audio.
    public var characters: [KeyedTimeline.Span]
    /// Path of the clip's WAV file.
    public var audioPath: String

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
        return LabelledClip(row: row, characters: characters, audioPath: files.audioPath(row.audioFile))
    }
}
