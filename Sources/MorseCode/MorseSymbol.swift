/// One keyed character: a letter, digit, punctuation mark or prosign.
public struct MorseSymbol: Hashable, Sendable, CustomStringConvertible {
    /// How the symbol is written in a transcript: `A`, `5`, `?` or a prosign in brackets such as `<AR>`.
    public let text: String
    /// Its dits and dahs.
    public let pattern: MorsePattern

    public init(text: String, pattern: MorsePattern) {
        self.text = text
        self.pattern = pattern
    }

    /// Whether this is a prosign written in angle brackets.
    public var isProsign: Bool { text.hasPrefix("<") }

    public var description: String { text }
}
