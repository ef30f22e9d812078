/// Text ready to key: normalised, checked against the alphabet, split into words of symbols.
///
/// Parsing upper-cases the input and collapses runs of whitespace into single word spaces.
/// Prosigns are written in angle brackets (`<AR>`); plain letters are never read as a prosign,
/// so `ARRL` is the four letters A R R L.
public struct MorseText: Hashable, Sendable, CustomStringConvertible {
    /// Words in order; each word is a non-empty list of symbols.
    public let words: [[MorseSymbol]]

    /// What to do with characters that cannot be keyed.
    public enum UnknownCharacterPolicy: Sendable {
        /// Throw ``MorseTextError`` naming the first unknown character or prosign.
        case reject
        /// Leave them out and report them in ``dropped``.
        case drop
    }

    /// Characters or prosigns left out under ``UnknownCharacterPolicy/drop``, with their 1-based positions.
    public let dropped: [(text: String, position: Int)]

    public init(words: [[MorseSymbol]]) {
        self.words = words.filter { !$0.isEmpty }
        self.dropped = []
    }

    /// Parses and normalises `text`.
    /// - Parameters:
    ///   - text: Free text; case and whitespace do not matter.
    ///   - unknown: Whether an unknown character is an error (default) or is dropped.
    /// - Throws: ``MorseTextError`` naming the offending character and its 1-based position.
    public init(_ text: String, unknown: UnknownCharacterPolicy = .reject) throws(MorseTextError) {
        if let words = Self.plainWords(text) {
            self.words = words
            self.dropped = []
        } else {
            (words, dropped) = try Self.parse(text, unknown: unknown)
        }
    }

    /// The general parser: any text, character by character, with the errors and drops it reports.
    static func parse(_ text: String, unknown: UnknownCharacterPolicy) throws(MorseTextError) -> (
        words: [[MorseSymbol]], dropped: [(text: String, position: Int)]
    ) {
        var words: [[MorseSymbol]] = []
        var current: [MorseSymbol] = []
        var dropped: [(String, Int)] = []
        let characters = Array(text)
        var index = 0
        func fail(_ error: MorseTextError, text: String) throws(MorseTextError) {
            if unknown == .reject { throw error }
            dropped.append((text, index + 1))
        }
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                if !current.isEmpty { words.append(current); current = [] }
                index += 1
                continue
            }
            if character == "<" {
                guard let close = characters[index...].firstIndex(of: ">") else {
                    try fail(.unterminatedProsign(position: index + 1), text: "<")
                    index += 1
                    continue
                }
                let name = String(characters[(index + 1)..<close]).uppercased()
                if let symbol = MorseAlphabet.prosign(named: name) {
                    current.append(symbol)
                } else {
                    try fail(.unknownProsign(name, position: index + 1), text: "<\(name)>")
                }
                index = close + 1
                continue
            }
            // Some letters upper-case to several ("ß" → "SS", "ﬁ" → "FI"): no one symbol keys them.
            let upper = character.uppercased()
            if upper.count == 1, let letter = upper.first, let symbol = MorseAlphabet.symbol(for: letter) {
                current.append(symbol)
            } else {
                try fail(.unknownCharacter(character, position: index + 1), text: String(character))
            }
            index += 1
        }
        if !current.isEmpty { words.append(current) }
        return (words, dropped)
    }

    /// The words of an ASCII text in which every character and prosign can be keyed, read byte by
    /// byte; nil for any other text, which the general parser then reads (and reports).
    ///
    /// Clip planning parses some 10⁵ texts a second, nearly all of them plain ASCII. In ASCII every
    /// byte is one `Character` except CR LF, which is whitespace either way, and the tables give
    /// each byte the meaning the general parser gives its character (see ``MorseAlphabet``).
    static func plainWords(_ text: String) -> [[MorseSymbol]]? {
        var text = text
        return text.withUTF8 { bytes -> [[MorseSymbol]]? in
            var words: [[MorseSymbol]] = []
            var current: [MorseSymbol] = []
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte < 0x80 else { return nil }
                if MorseAlphabet.asciiWhitespace[Int(byte)] {
                    if !current.isEmpty {
                        words.append(current)
                        current = []
                    }
                    index += 1
                    continue
                }
                if byte == UInt8(ascii: "<") {
                    guard let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                    let name = String(
                        decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<close]), as: UTF8.self)
                    guard name.utf8.allSatisfy({ $0 < 0x80 }),
                        let symbol = MorseAlphabet.prosign(named: name.uppercased())
                    else { return nil }
                    current.append(symbol)
                    index = close + 1
                    continue
                }
                guard let symbol = MorseAlphabet.asciiSymbols[Int(byte)] else { return nil }
                current.append(symbol)
                index += 1
            }
            if !current.isEmpty { words.append(current) }
            return words
        }
    }

    /// The normalised text: symbols of a word run together, words separated by one space.
    public var description: String {
        words.map { $0.map(\.text).joined() }.joined(separator: " ")
    }

    /// The text with every symbol in its canonical spelling (see ``MorseAlphabet``): what the audio
    /// says unambiguously, e.g. `+` becomes `<AR>`.
    public var canonical: String {
        words.map { word in
            word.map { MorseAlphabet.symbol(matching: $0.pattern)?.text ?? $0.text }.joined()
        }.joined(separator: " ")
    }

    /// Total number of symbols.
    public var symbolCount: Int { words.reduce(0) { $0 + $1.count } }

    public var isEmpty: Bool { words.isEmpty }

    public static func == (lhs: MorseText, rhs: MorseText) -> Bool { lhs.words == rhs.words }
    public func hash(into hasher: inout Hasher) { hasher.combine(words) }
}

/// Why a text cannot be keyed.
public enum MorseTextError: Error, Equatable, CustomStringConvertible {
    case unknownCharacter(Character, position: Int)
    case unknownProsign(String, position: Int)
    case unterminatedProsign(position: Int)

    public var description: String {
        switch self {
        case let .unknownCharacter(character, position):
            let scalar = character.unicodeScalars.first.map { String($0.value, radix: 16, uppercase: true) } ?? "?"
            return
                "unknown character '\(character)' (U+\(scalar)) at position \(position); use \(MorseAlphabet.summary), or drop unknown characters"
        case let .unknownProsign(name, position):
            return "unknown prosign '<\(name)>' at position \(position); known prosigns are "
                + MorseAlphabet.prosigns.map { "<\($0.0)>" }.joined(separator: " ")
        case let .unterminatedProsign(position):
            return "'<' at position \(position) opens a prosign that is never closed with '>'; write prosigns like <AR>"
        }
    }
}
