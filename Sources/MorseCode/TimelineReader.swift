/// Reads key-down marks back into characters, given where a dit ends and where gaps change class.
///
/// Marks longer than ``ditDah`` are dahs; a gap longer than ``elementCharacter`` ends a character
/// and one longer than ``characterWord`` also ends a word. Each pattern is written in its canonical
/// spelling (``MorseAlphabet``); a pattern no symbol has is written as `*`. The one reader of
/// marks into text: the labels' round trip (``KeyedTimeline/readText(timing:)``) and the reference
/// decoder (with thresholds it estimates from the audio) both use it.
public struct TimelineReader: Hashable, Sendable {
    /// Marks longer than this (seconds) are dahs.
    public var ditDah: Double
    /// Gaps longer than this end a character.
    public var elementCharacter: Double
    /// Gaps longer than this end a word.
    public var characterWord: Double

    public init(ditDah: Double, elementCharacter: Double, characterWord: Double) {
        self.ditDah = ditDah
        self.elementCharacter = elementCharacter
        self.characterWord = characterWord
    }

    /// The reader for marks keyed at `timing`: thresholds between the nominal lengths.
    public init(timing: MorseTiming) {
        let thresholds = DecisionThresholds(timing)
        self.init(
            ditDah: thresholds.ditDah, elementCharacter: thresholds.elementCharacter,
            characterWord: thresholds.characterWord)
    }

    /// The characters `marks` spell, each from its first key-down to its last key-up; words are
    /// separated by a span whose text is a single space (the word gap).
    public func spans(_ marks: [KeyedTimeline.Interval]) -> [KeyedTimeline.Span] {
        var spans: [KeyedTimeline.Span] = []
        var pattern = MorsePattern(bits: 0, count: 0)
        var characterStart = 0.0, characterEnd = 0.0
        func flush() {
            guard pattern.count > 0 else { return }
            let text = MorseAlphabet.symbol(matching: pattern)?.text ?? "*"
            spans.append(KeyedTimeline.Span(text: text, start: characterStart, end: characterEnd))
            pattern = MorsePattern(bits: 0, count: 0)
        }
        for (index, mark) in marks.enumerated() {
            if index > 0 {
                let gap = mark.start - marks[index - 1].end
                if gap > elementCharacter {
                    flush()
                    if gap > characterWord {
                        spans.append(KeyedTimeline.Span(text: " ", start: marks[index - 1].end, end: mark.start))
                    }
                }
            }
            if pattern.count == 0 { characterStart = mark.start }
            // A pattern holds 16 elements; longer runs (noise, not keying) read as `*` anyway.
            if pattern.count < 16 { pattern = pattern.appending(dah: mark.length > ditDah) }
            characterEnd = mark.end
        }
        flush()
        return spans
    }

    /// The text `marks` spell.
    public func text(_ marks: [KeyedTimeline.Interval]) -> String {
        spans(marks).map(\.text).joined()
    }
}

extension KeyedTimeline {
    /// Reads the key-down intervals back into text, knowing only the timing they were keyed at.
    /// For any fist this returns ``MorseText/canonical`` of the keyed text.
    public func readText(timing: MorseTiming) -> String {
        TimelineReader(timing: timing).text(marks)
    }
}
