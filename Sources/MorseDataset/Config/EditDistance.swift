/// Spelling suggestions for unknown keys and names.
enum EditDistance {
    /// Optimal-string-alignment distance (insertions, deletions, substitutions and swaps of two
    /// neighbouring characters each cost 1), ignoring case.
    static func distance(_ a: String, _ b: String) -> Int {
        let s = Array(a.lowercased()), t = Array(b.lowercased())
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var previous2 = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    best = min(best, previous2[j - 2] + 1)
                }
                current[j] = best
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[t.count]
    }

    /// The candidate nearest to `word`, if it is close enough to be a plausible typo: within 1 edit
    /// for words of up to 3 characters, 2 for up to 5, otherwise a third of the length (at least 2).
    static func nearest(to word: String, among candidates: [String]) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let d = distance(word, candidate)
            if d < (best?.distance ?? .max) { best = (candidate, d) }
        }
        guard let best else { return nil }
        let length = max(word.count, best.name.count)
        let limit = length <= 3 ? 1 : length <= 5 ? 2 : max(2, length / 3)
        return best.distance <= limit ? best.name : nil
    }
}
