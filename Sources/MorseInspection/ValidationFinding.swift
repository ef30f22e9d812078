/// One problem `validate` found, naming the file and row and what is wrong.
public struct ValidationFinding: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of damage validation tells apart.
    public enum Kind: String, Sendable, CaseIterable, Hashable {
        /// A manifest or the dataset info is missing or has a header we cannot use.
        case missingManifest = "missing-manifest"
        /// A row that cannot be parsed.
        case malformedRow = "malformed-row"
        /// A row whose audio file does not exist.
        case missingAudio = "missing-audio"
        /// An audio file that cannot be read: not a WAV, truncated, no data.
        case unreadableAudio = "unreadable-audio"
        /// An audio file that is not 16 kHz (or the dataset's rate) mono 16-bit PCM or 32-bit float.
        case wrongFormat = "wrong-format"
        /// An audio file whose bytes do not match the CRC-32C its row states (`checksum` column).
        case checksumMismatch = "checksum-mismatch"
        /// A stated duration that differs from the audio's.
        case durationMismatch = "duration-mismatch"
        /// A clip longer than the dataset's maximum duration.
        case overMaxDuration = "over-max-duration"
        /// An audio file no manifest row lists.
        case orphanAudio = "orphan-audio"
        /// An id listed twice in one manifest.
        case duplicateID = "duplicate-id"
        /// An id in more than one split.
        case splitOverlap = "split-overlap"
        /// A transcript with a character or prosign outside our alphabet.
        case outsideAlphabet = "outside-alphabet"
        /// Manifests that disagree about a clip (text, split, path, presence) or with `dataset_info.json`.
        case manifestDisagreement = "manifest-disagreement"
        /// The reference decoder hears something clearly different from the label on a clean clip.
        case labelDisagreesWithAudio = "label-disagrees-with-audio"
    }

    public var kind: Kind
    /// Where: a file, optionally with its line, e.g. `metadata.csv:7 (id 5)`.
    public var location: String
    /// What is wrong, with the values involved and, where useful, the fix.
    public var message: String

    public init(_ kind: Kind, _ location: String, _ message: String) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    public var description: String { "\(kind.rawValue): \(location): \(message)" }
}
