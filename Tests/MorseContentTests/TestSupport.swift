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
        "DO": "-..---", "HH": "........", "KA": "-.-.-", "KN": "-.--.", "SK": "...-.-", "SN": "...-.",
        "SOS": "...---...",
    ]

    /// Units of one pattern (elements and the gaps between them).
    static func units(_ pattern: String) -> Int {
        pattern.reduce(0) { $0 + ($1 == "." ? 1 : 3) } + max(0, pattern.count - 1)
    }

    static let characterUnits: [Character: Int] = patterns.mapValues(units)
    static let prosignUnits: [Substring: Int] = Dictionary(
        uniqueKeysWithValues: prosigns.map { (Substring($0.key), units($0.value)) })

    /// Units of a normalised text; nil if something cannot be keyed.
    static func units(of text: String) -> Int? {
        var total = 0
        for (wordIndex, word) in text.split(separator: " ").enumerated() {
            if wordIndex > 0 { total += 7 }
            var count = 0
            var rest = Substring(word)
            while let first = rest.first {
                if first == "<" {
                    guard let close = rest.firstIndex(of: ">"),
                        let units = prosignUnits[rest[rest.index(after: rest.startIndex)..<close]]
                    else { return nil }
                    total += units
                    rest = rest[rest.index(after: close)...]
                } else {
                    guard let units = characterUnits[first] else { return nil }
                    total += units
                    rest = rest.dropFirst()
                }
                count += 1
            }
            total += 3 * max(0, count - 1)
        }
        return total
    }

    func seconds(_ text: String) -> Double {
        Double(Self.units(of: text) ?? 1_000_000) * 1.2 / wpm
    }
}

/// Shared helpers for the content tests.
enum Fixture {
    /// The reference configuration with some changes.
    static func config(_ change: (inout ContentConfiguration) -> Void = { _ in }) -> ContentConfiguration {
        var config = ContentConfiguration.reference
        change(&config)
        return config
    }

    /// `count` clips at random budgets (`budgets`) and speeds (15–40 WPM) under PARIS timing.
    static func clips(
        _ config: ContentConfiguration, count: Int, seed: UInt64, budgets: ClosedRange<Double> = 3...28
    ) throws -> [(clip: ClipContent, budget: Double, wpm: Double)] {
        let generator = try ContentGenerator(config)
        var rng = SplitMix64(seed: seed)
        var result: [(ClipContent, Double, Double)] = []
        for _ in 0..<count {
            let budget = Double.random(in: budgets, using: &rng)
            let wpm = Double.random(in: 15...40, using: &rng)
            let clip = generator.clip(
                maxKeyedDuration: budget, using: &rng, keyedDuration: ParisTiming(wpm: wpm).seconds)
            result.append((clip, budget, wpm))
        }
        return result
    }

    /// Words of a text.
    static func words(_ text: String) -> [String] { text.split(separator: " ").map(String.init) }

    /// How many standard deviations `observed` of `n` trials is from probability `p`.
    static func sigmas(observed: Int, n: Int, p: Double) -> Double {
        let sd = (Double(n) * p * (1 - p)).squareRoot()
        return sd == 0
            ? (Double(observed) == Double(n) * p ? 0 : .infinity) : abs(Double(observed) - Double(n) * p) / sd
    }

    /// ITU-shaped callsign: optional `PREFIX/`, prefix with a letter + 1–4 digits + 1–4 letters,
    /// optional `/P`, `/M`, `/MM`, `/AM`, `/QRP`, `/digit`, `/state`, `/W1`, `/VE3`.
    nonisolated(unsafe) static let callsign = try! Regex(
        #"^(?:(?:[A-Z]{1,2}[0-9]?|[0-9][A-Z][0-9]?)/)?(?:[A-Z]{1,2}|[0-9][A-Z])[0-9]{1,4}[A-Z]{1,4}(?:/(?:P|M|MM|AM|QRP|[0-9]|[A-Z]{2}|[A-Z]{1,2}[0-9]))?$"#
    )

    static func isCallsign(_ text: String) -> Bool { (try? callsign.wholeMatch(in: text)) != nil }
}

extension TextNotation {
    /// Whether `text` is normalised and every character or prosign in it can be keyed (test-only).
    static func isKeyable(_ text: String) -> Bool {
        text == normalised(text) && firstUnkeyable(in: text) == nil
    }
}
