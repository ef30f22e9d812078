/// The ground truth of a keyed transmission: when the key was down, and when each character and
/// word began and ended, in seconds from the start of the first mark.
public struct KeyedTimeline: Hashable, Sendable, Codable {
    /// A closed stretch of time in seconds.
    public struct Interval: Hashable, Sendable, Codable {
        public var start: Double
        public var end: Double
        public init(start: Double, end: Double) {
            self.start = start
            self.end = end
        }
        public var length: Double { end - start }
    }

    /// A labelled stretch: a character or a word, from its first key-down to its last key-up.
    public struct Span: Hashable, Sendable, Codable {
        public var text: String
        public var start: Double
        public var end: Double
        public init(text: String, start: Double, end: Double) {
            self.text = text
            self.start = start
            self.end = end
        }
    }

    /// Key-down intervals in order.
    public var marks: [Interval]
    /// One span per keyed symbol, in order.
    public var characters: [Span]
    /// One span per word, in order.
    public var words: [Span]

    public init(marks: [Interval], characters: [Span], words: [Span]) {
        self.marks = marks
        self.characters = characters
        self.words = words
    }

    /// Seconds from the first key-down to the last key-up.
    public var duration: Double { marks.last?.end ?? 0 }

    /// The transcript this timeline was keyed from.
    public var text: String { words.map(\.text).joined(separator: " ") }

    /// The same timeline with every time moved by `offset` seconds (e.g. by the leading silence).
    public func shifted(by offset: Double) -> KeyedTimeline {
        KeyedTimeline(
            marks: marks.map { Interval(start: $0.start + offset, end: $0.end + offset) },
            characters: characters.map { Span(text: $0.text, start: $0.start + offset, end: $0.end + offset) },
            words: words.map { Span(text: $0.text, start: $0.start + offset, end: $0.end + offset) })
    }
}
