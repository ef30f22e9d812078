import MorseCode

/// Character error rate: the Levenshtein distance between two transcripts in symbols, over the
/// reference's length.
///
/// Both texts are compared in canonical spelling (``MorseText/canonical``: `+` and `<AR>` are the
/// same sound), a prosign counts as one symbol, and a word space as one.
public enum CharacterErrorRate {
    /// The symbols of `text`: each prosign in brackets, each other character, and one `" "` per run of spaces.
    public static func symbols(_ text: String) -> [String] {
        let canonical = (try? MorseText(text, unknown: .reject).canonical) ?? text
        var result: [String] = []
        var prosign: String?
        for character in canonical {
            if var open = prosign {
                open.append(character)
                if character == ">" { result.append(open); prosign = nil } else { prosign = open }
            } else if character == "<" {
                prosign = "<"
            } else if character.isWhitespace {
                if let last = result.last, last != " " { result.append(" ") }
            } else {
                result.append(String(character).uppercased())
            }
        }
        if let open = prosign { result.append(contentsOf: open.map { String($0) }) }
        if result.last == " " { result.removeLast() }
        return result
    }

    /// Edit distance (insertions, deletions, substitutions) between two symbol lists.
    ///
    /// Complexity: O(m·n) time, O(n) memory.
    public static func distance(_ reference: [String], _ hypothesis: [String]) -> Int {
        guard !reference.isEmpty else { return hypothesis.count }
        guard !hypothesis.isEmpty else { return reference.count }
        var previous = Array(0...hypothesis.count)
        var current = previous
        for (i, r) in reference.enumerated() {
            current[0] = i + 1
            for (j, h) in hypothesis.enumerated() {
                current[j + 1] = min(previous[j] + (r == h ? 0 : 1), previous[j + 1] + 1, current[j] + 1)
            }
            swap(&previous, &current)
        }
        return previous[hypothesis.count]
    }

    /// Errors and reference length for one pair of texts.
    public static func errors(reference: String, hypothesis: String) -> (errors: Int, length: Int) {
        let r = symbols(reference), h = symbols(hypothesis)
        return (distance(r, h), r.count)
    }

    /// The rate for one pair: errors over reference symbols (errors alone when the reference is empty).
    public static func rate(reference: String, hypothesis: String) -> Double {
        let (errors, length) = errors(reference: reference, hypothesis: hypothesis)
        return Double(errors) / Double(max(1, length))
    }
}
