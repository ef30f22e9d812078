/// The characters and prosigns we can key, and how each pattern is written back as text.
///
/// Several symbols share a pattern (`+` and `<AR>`, `=` and `<BT>`, `(` and `<KN>`, `&` and `<AS>`,
/// `<CT>` and `<KA>`). Audio cannot tell them apart, so each pattern has one canonical spelling,
/// used when a timeline is read back and by ``MorseText/canonical``: the prosign.
public enum MorseAlphabet {
    /// Plain characters in the order we document them.
    public static let characters: [(Character, String)] = [
        ("A", ".-"), ("B", "-..."), ("C", "-.-."), ("D", "-.."), ("E", "."), ("F", "..-."),
        ("G", "--."), ("H", "...."), ("I", ".."), ("J", ".---"), ("K", "-.-"), ("L", ".-.."),
        ("M", "--"), ("N", "-."), ("O", "---"), ("P", ".--."), ("Q", "--.-"), ("R", ".-."),
        ("S", "..."), ("T", "-"), ("U", "..-"), ("V", "...-"), ("W", ".--"), ("X", "-..-"),
        ("Y", "-.--"), ("Z", "--.."),
        ("0", "-----"), ("1", ".----"), ("2", "..---"), ("3", "...--"), ("4", "....-"),
        ("5", "....."), ("6", "-...."), ("7", "--..."), ("8", "---.."), ("9", "----."),
        (".", ".-.-.-"), (",", "--..--"), ("?", "..--.."), ("/", "-..-."), ("=", "-...-"),
        ("+", ".-.-."), ("-", "-....-"), ("(", "-.--."), (")", "-.--.-"), ("'", ".----."),
        (":", "---..."), ("\"", ".-..-."), ("@", ".--.-."), ("!", "-.-.--"), ("&", ".-..."),
        (";", "-.-.-."),
    ]

    /// Prosigns by name (written `<NAME>` in text), each keyed as one run-together character.
    public static let prosigns: [(String, String)] = [
        ("AR", ".-.-."), ("AS", ".-..."), ("BK", "-...-.-"), ("BT", "-...-"), ("CL", "-.-..-.."),
        ("CT", "-.-.-"), ("DO", "-..---"), ("HH", "........"), ("KA", "-.-.-"), ("KN", "-.--."),
        ("SK", "...-.-"), ("SN", "...-."), ("SOS", "...---..."),
    ]

    /// Patterns whose canonical spelling is not the first symbol that has them.
    static let preferredSpelling: [String: String] = [
        ".-.-.": "<AR>", ".-...": "<AS>", "-...-": "<BT>", "-.--.": "<KN>", "-.-.-": "<KA>",
    ]

    static let byCharacter: [Character: MorseSymbol] = Dictionary(
        uniqueKeysWithValues: characters.map { ($0.0, MorseSymbol(text: String($0.0), pattern: MorsePattern($0.1))) })

    static let byProsign: [String: MorseSymbol] = Dictionary(
        uniqueKeysWithValues: prosigns.map { ($0.0, MorseSymbol(text: "<\($0.0)>", pattern: MorsePattern($0.1))) })

    static let canonicalByPattern: [MorsePattern: MorseSymbol] = {
        var table: [MorsePattern: MorseSymbol] = [:]
        for symbol in byCharacter.values where table[symbol.pattern] == nil { table[symbol.pattern] = symbol }
        for (pattern, spelling) in preferredSpelling {
            let name = String(spelling.dropFirst().dropLast())
            table[MorsePattern(pattern)] = byProsign[name]
        }
        for symbol in byProsign.values where table[symbol.pattern] == nil { table[symbol.pattern] = symbol }
        return table
    }()

    /// The symbol each ASCII byte keys as in ``MorseText``'s parser (its character upper-cased),
    /// or nil: built from the same functions, so a table look-up means what the parser does.
    static let asciiSymbols: [MorseSymbol?] = (0..<128).map { byte in
        let upper = Character(Unicode.Scalar(UInt8(byte))).uppercased()
        guard upper.count == 1, let letter = upper.first else { return nil }
        return symbol(for: letter)
    }

    /// Whether each ASCII byte is whitespace to ``MorseText``'s parser (`Character.isWhitespace`).
    static let asciiWhitespace: [Bool] = (0..<128).map { Character(Unicode.Scalar(UInt8($0))).isWhitespace }

    /// The symbol for a plain character (upper case), or nil if we cannot key it.
    public static func symbol(for character: Character) -> MorseSymbol? { byCharacter[character] }

    /// The symbol for a prosign name without brackets (`"AR"`), or nil if unknown.
    public static func prosign(named name: String) -> MorseSymbol? { byProsign[name] }

    /// The canonical symbol for a pattern, or nil if no symbol has it.
    public static func symbol(matching pattern: MorsePattern) -> MorseSymbol? { canonicalByPattern[pattern] }

    /// A one-line list of what may be keyed, for error messages.
    public static let summary =
        "A–Z, 0–9, the punctuation . , ? / = + - ( ) ' : \" @ ! & ; and the prosigns "
        + prosigns.map { "<\($0.0)>" }.joined(separator: " ")
}
