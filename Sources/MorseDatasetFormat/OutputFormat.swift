/// The layouts a dataset can be written in. The CLI's `--format` and the config's `output.formats`
/// both take these names; adding a format is one case here plus one sink file (the compiler then
/// points at the one factory switch, `OutputFormat.sink`).
public enum OutputFormat: String, CaseIterable, Codable, Sendable {
    /// The reference layout: WAVs under `audio/{split}/` with the Hugging Face, MorseWhisper and
    /// NeMo manifests.
    case folder
    /// WebDataset tar shards under `webdataset/{split}/`.
    case webdataset
    /// Lhotse JSONL manifests (recordings, supervisions with alignments, cuts) under `lhotse/`.
    case lhotse

    /// Names that stand for several formats: `both` is folder and WebDataset (the CLI's first spelling).
    public static let aliases: [String: [OutputFormat]] = ["both": [.folder, .webdataset]]

    /// Every name a list may hold: the formats in order, then the aliases.
    public static var vocabulary: [String] { allCases.map(\.rawValue) + aliases.keys.sorted() }

    /// The formats of a comma-separated list such as `folder,webdataset` (spaces around names are
    /// ignored; an alias adds its formats; repeats are dropped, first mention first).
    /// - Throws: ``UnknownName`` for an empty list or a name that is neither a format nor an alias.
    public static func list(_ text: String) throws(UnknownName) -> [OutputFormat] {
        var formats: [OutputFormat] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = String(part.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
            guard let named = OutputFormat(rawValue: name).map({ [$0] }) ?? aliases[name] else {
                throw UnknownName(name: name)
            }
            for format in named where !formats.contains(format) { formats.append(format) }
        }
        return formats
    }

    /// A name in a format list that is no format.
    public struct UnknownName: Error, Sendable, CustomStringConvertible {
        public var name: String
        public var description: String {
            "unknown output format '\(name)'; use one or more of \(OutputFormat.vocabulary.joined(separator: ", ")), separated by commas"
        }
    }
}
