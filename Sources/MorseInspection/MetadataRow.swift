import MorseDatasetFormat

/// One row of `metadata.csv` (or `splits/{split}.csv`), read by column name.
public struct MetadataRow: Sendable, Hashable {
    public var id: Int
    /// Path under `audio/`, e.g. `train/morse_000042.wav`.
    public var audioFile: String
    public var text: String
    public var split: String
    /// Stated duration in seconds.
    public var duration: Double
    public var isNoiseOnly: Bool
    public var contestType: String
    public var sampleType: String
    public var condition: String
    /// Character speed in WPM (0 for noise-only clips).
    public var wpm: Double
    /// Operator's key kind (empty for noise-only clips).
    public var fist: String
    /// Tone frequency in Hz.
    public var tone: Double?
    /// Signal-to-noise ratio in dB in 500 Hz.
    public var snr500: Double?
    /// CRC-32C of the audio file's bytes (8 hex digits); nil when the manifest has no checksum column.
    public var checksum: String?

    /// Column positions of a CSV header, checked once.
    public struct Columns: Sendable {
        let index: [String: Int]
        let count: Int

        /// The columns every row must have.
        public static let required: [ClipField] = [.id, .audioFile, .text, .duration, .isNoiseOnly, .split]

        /// Positions of the header's columns, or the names of the required columns it lacks.
        public static func parse(_ header: String) -> Result<Columns, MissingColumns> {
            let names = CSV.fields(header) ?? []
            let index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            let missing = required.filter { index[$0.rawValue] == nil }
            guard missing.isEmpty else { return .failure(MissingColumns(names: missing.map(\.rawValue))) }
            return .success(Columns(index: index, count: names.count))
        }
    }

    /// Required columns a header lacks.
    public struct MissingColumns: Error, Hashable {
        public var names: [String]
    }

    /// Parses one data line, or returns a sentence saying what is wrong with it.
    public static func parse(_ line: String, columns: Columns) -> Result<MetadataRow, RowProblem> {
        guard let fields = CSV.fields(line) else { return .failure(RowProblem("has an unterminated quoted field")) }
        guard fields.count == columns.count else {
            return .failure(RowProblem("has \(fields.count) fields but the header has \(columns.count)"))
        }
        func field(_ name: ClipField) -> String { columns.index[name.rawValue].map { fields[$0] } ?? "" }
        guard let id = Int(field(.id)), id >= 0 else {
            return .failure(RowProblem("has id '\(field(.id))', not a whole number ≥ 0"))
        }
        guard let duration = Double(field(.duration)), duration.isFinite else {
            return .failure(RowProblem("has duration '\(field(.duration))', not a number of seconds"))
        }
        let noise = field(.isNoiseOnly)
        guard noise == "True" || noise == "False" else {
            return .failure(RowProblem("has is_noise_only '\(noise)'; expected True or False"))
        }
        return .success(
            MetadataRow(
                id: id, audioFile: field(.audioFile), text: field(.text), split: field(.split), duration: duration,
                isNoiseOnly: noise == "True", contestType: field(.contestType), sampleType: field(.sampleType),
                condition: field(.condition), wpm: Double(field(.wpm)) ?? 0, fist: field(.fist),
                tone: Double(field(.tone)),
                snr500: Double(field(.snr500)), checksum: field(.checksum).isEmpty ? nil : field(.checksum)))
    }

    /// What is wrong with a row, as a sentence fragment.
    public struct RowProblem: Error, Hashable, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}

/// Reads every row of a metadata CSV in order, calling `body` with the 1-based line number and the
/// row or its problem. Returns false if the file cannot be opened, and the header's problem if any.
func forEachMetadataRow(
    path: String, _ body: (Int, Result<MetadataRow, MetadataRow.RowProblem>) -> Void
) -> Result<Void, DatasetReadProblem> {
    guard let reader = LineReader(path: path) else { return .failure(.missing) }
    guard let header = reader.next() else { return .failure(.empty) }
    let columns: MetadataRow.Columns
    switch MetadataRow.Columns.parse(header) {
    case let .success(parsed): columns = parsed
    case let .failure(missing): return .failure(.missingColumns(missing.names))
    }
    while let line = reader.next() {
        guard !line.isEmpty else { continue }
        body(reader.lineNumber, MetadataRow.parse(line, columns: columns))
    }
    return .success(())
}

/// Why a manifest cannot be read at all.
public enum DatasetReadProblem: Error, Hashable, CustomStringConvertible {
    case missing
    case empty
    case missingColumns([String])

    public var description: String {
        switch self {
        case .missing: "is missing or unreadable"
        case .empty: "is empty (no header line)"
        case let .missingColumns(names):
            "lacks the column\(names.count == 1 ? "" : "s") \(names.joined(separator: ", ")) in its header"
        }
    }
}
