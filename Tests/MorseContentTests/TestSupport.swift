import MorseContent

/// SplitMix64: a tiny seeded generator, so every test draw is repeatable.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// PARIS timing from a dit/dah table: dot 1 unit, dash 3, gaps 1 / 3 / 7, unit = 1.2 / WPM seconds.
/// A bracketed prosign is one character.
struct ParisTiming {
    var wpm: Double

    static let patterns: [Character: String] = [
        "A": ".-", "B": "-...", "C": "-.-.", "D": "-..", "E": ".", "F": "..-.", "G": "--.", "H": "....",
        "I": "..", "J": ".---", "K": "-.-", "L": ".-..", "M": "--", "N": "-.", "O": "---", "P": ".--.",
        "Q": "--.-", "R": ".-.", "S": "...", "T": "-", "U": "..-", "V": "...-", "W": ".--", "X": "-..-",
        "Y": "-.--", "Z": "--..", "0": "-----", "1": ".----", "2": "..---", "3": "...--", "4": "....-",
        "5": ".....", "6": "-....", "7": "--...", "8": "---..", "9": "----.", ".": ".-.-.-", ",": "--..--",
        "?": "..--..", "/": "-..-.", "=": "-...-", "+": ".-.-.", "-": "-....-", "(": "-.--.", ")": "-.--.-",
        "'": ".----.", ":": "---...", "\"": ".-..-.", "@": ".--.-.", "!": "-.-.--", "&": ".-...", ";": "-.-.-.",
    ]

    static let prosigns: [String: String] = [
        "AR": ".-.-.", "AS": ".-...", "BK": "-...-.-", "BT": "-...-", "CL": "-.-..-..", "CT": "-.-.-",
        "DO": "-..---", "HH": "........", "KA": "-.-.-", "KN": "-.--.", "SK": "...-.-", "SN": "...-.", "SOS": "...---...",
    ]

    /// Units of one pattern (elements and the gaps between them).
    static func units(_ pattern: String) -> Int {
        pattern.reduce(0) { $0 + ($1 == "." ? 1 : 3) } + max(0, pattern.count - 1)
    }

    /// Units of a normalised text; nil if something cannot be keyed.
    static func units(of text: String) -> Int? {
        var total = 0
        for (wordIndex, word) in text.split(separator: " ").enumerated() {
            if wordIndex > 0 { total += 7 }
            var characters: [String] = []
            var rest = Substring(word)
            while let first = rest.first {
                if first == "<" {
                    guard let close = rest.firstIndex(of: ">"),
                          let pattern = prosigns[String(rest[rest.index(after: rest.startIndex)..<close])] else { return nil }
                    characters.append(pattern)
                    rest = rest[rest.index(after: close)...]
                } else {
                    guard let pattern = patterns[first] else { return nil }
                    characters.append(pattern)
                    rest = rest.dropFirst()
                }
            }
            total += characters.reduce(0) { $0 + units($1) } + 3 * max(0, characters.count - 1)
        }
        return total
    }

    func seconds(_ text: String) -> Double {
        Double(Self.units(of: text) ?? 1_000_000) * 1.2 / wpm
    }
}
