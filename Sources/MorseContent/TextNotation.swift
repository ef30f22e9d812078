/// The text notation of a keyed clip: upper case, single spaces, the Morse character set, and
/// prosigns only in angle brackets (`<AR>`), so that plain letters such as `ARRL` are never a prosign.
public enum TextNotation {
    /// Prosigns the notation knows, by name without brackets.
    public static let prosignNames: [String] = [
        "AR", "AS", "BK", "BT", "CL", "CT", "DO", "HH", "KA", "KN", "SK", "SN", "SOS",
    ]

    /// Characters that may appear outside a prosign.
    public static let characters: Set<Character> = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,?/=+-()':\"@!&;")

    /// Upper-cases `text` and collapses runs of white space to one space, trimming both ends.
    public static func normalised(_ text: String) -> String {
        text.uppercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The first thing in a normalised `text` that cannot be keyed, or nil when all of it can.
    /// - Returns: the offending character or bracketed token.
    public static func firstUnkeyable(in text: String) -> String? {
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if word.isEmpty { return " " }
            var rest = Substring(word)
            while let first = rest.first {
                if first == "<" {
                    guard let close = rest.firstIndex(of: ">") else { return String(rest) }
                    let name = rest[rest.index(after: rest.startIndex)..<close]
                    guard prosignNames.contains(String(name)) else { return String(rest[...close]) }
                    rest = rest[rest.index(after: close)...]
                } else if characters.contains(first) {
                    rest = rest.dropFirst()
                } else {
                    return String(first)
                }
            }
        }
        return nil
    }

    /// A prosign token in bracket notation, e.g. `<KN>`.
    static func prosign(_ name: String) -> String { "<\(name)>" }
}
