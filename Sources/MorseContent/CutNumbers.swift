/// Cut numbers as operators key them: `T` for 0, `N` for 9, `A` for 1 where customary, `5NN` for 599.
///
/// Every cut form maps back to exactly one number: `value(of: keyed(n, style))` is `n` for every
/// style (the reference's `T034` for 1034 is the garble this avoids).
public enum CutNumbers {
    /// How one station cuts its numbers.
    public struct Style: Sendable, Hashable {
        /// Key 0 as `T`.
        public var cutZero: Bool
        /// Key 9 as `N`.
        public var cutNine: Bool
        /// Key 1 as `A`.
        public var cutOne: Bool
        /// Pad with leading zeros to this many digits (`001`); 1 = no padding.
        public var minimumDigits: Int

        public init(cutZero: Bool, cutNine: Bool, cutOne: Bool = false, minimumDigits: Int = 1) {
            self.cutZero = cutZero
            self.cutNine = cutNine
            self.cutOne = cutOne
            self.minimumDigits = minimumDigits
        }

        /// Plain digits, no padding.
        public static let plain = Style(cutZero: false, cutNine: false)

        /// This style without padding (for zones, ages and other fixed-length numbers).
        var unpadded: Style {
            var copy = self
            copy.minimumDigits = 1
            return copy
        }
    }

    /// `value` (≥ 0) as keyed in `style`, e.g. 1 → `TT1` with padding to 3 and cut zeros.
    public static func keyed(_ value: Int, style: Style) -> String {
        var digits = String(max(0, value))
        if digits.count < style.minimumDigits {
            digits = String(repeating: "0", count: style.minimumDigits - digits.count) + digits
        }
        return String(
            digits.map { digit -> Character in
                switch digit {
                case "0" where style.cutZero: "T"
                case "9" where style.cutNine: "N"
                case "1" where style.cutOne: "A"
                default: digit
                }
            })
    }

    /// The number a keyed (possibly cut) number means, or nil if it is not a number.
    /// Accepts digits and the cut letters `T`/`O` (0), `N` (9), `A` (1) and `E` (5).
    public static func value(of keyed: String) -> Int? {
        guard !keyed.isEmpty, keyed.count <= 9 else { return nil }
        var result = 0
        for character in keyed {
            let digit: Int
            switch character {
            case "T", "O": digit = 0
            case "N": digit = 9
            case "A": digit = 1
            case "E": digit = 5
            default:
                guard let value = character.wholeNumberValue, character.isASCII else { return nil }
                digit = value
            }
            result = result * 10 + digit
        }
        return result
    }

    /// A signal report as keyed: `5NN` for 599 when cut, otherwise the digits.
    public static func keyedReport(_ rst: Int, cut: Bool) -> String {
        keyed(rst, style: Style(cutZero: false, cutNine: cut))
    }
}
