import MorseCode

/// What the decoder heard in a clip: the text, each character's time and what it measured.
public struct DecodedTranscript: Sendable, Hashable {
    /// Canonical text (prosigns in brackets, `*` for a pattern no symbol has), words separated by one space.
    public var text: String
    /// Each decoded character with its first key-down and last key-up, in seconds from the start of the audio.
    public var characters: [KeyedTimeline.Span]
    /// Key-down intervals in seconds.
    public var marks: [KeyedTimeline.Interval]
    /// Tone frequency in Hz at the start of the clip.
    public var tone: Double
    /// Tone drift in Hz per second.
    public var driftRate: Double
    /// Character speed in WPM (PARIS) from the estimated dit length; 0 without marks.
    public var wpm: Double
    /// Mark level over the noise floor of the envelope, in dB.
    public var contrast: Double

    public init(
        text: String, characters: [KeyedTimeline.Span], marks: [KeyedTimeline.Interval], tone: Double,
        driftRate: Double,
        wpm: Double, contrast: Double
    ) {
        self.text = text
        self.characters = characters
        self.marks = marks
        self.tone = tone
        self.driftRate = driftRate
        self.wpm = wpm
        self.contrast = contrast
    }
}
