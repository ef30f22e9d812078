/// Code-practice text: random five-character groups, and plain-language lines supplied by the user.
enum PracticeText {
    /// One code group of `length` characters: letters only, or letters and digits when `mixed`.
    static func group(length: Int, mixed: Bool, using rng: inout some RandomNumberGenerator) -> String {
        let alphabet = Array(mixed ? "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" : "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return String((0..<length).map { _ in alphabet.pick(using: &rng) })
    }

    /// Five-character groups until the next does not fit (a shorter first group if a five does not).
    static func fitGroups(
        into fit: inout DurationFit, using rng: inout some RandomNumberGenerator, measure: (String) -> Double
    ) {
        let mixed = Draw.chance(0.3, using: &rng)
        while !fit.isFull {
            let group = group(length: 5, mixed: mixed, using: &rng)
            guard let seconds = fit.durationIfFits([group], measure: measure) else { break }
            fit.appendChecked([group], seconds: seconds, kind: .practiceGroups)
        }
        if fit.isEmpty {
            for length in [3, 2, 1] {
                let group = group(length: length, mixed: mixed, using: &rng)
                if let seconds = fit.durationIfFits([group], measure: measure) {
                    fit.appendChecked([group], seconds: seconds, kind: .practiceGroups)
                    break
                }
            }
        }
    }

    /// Whole lines drawn from `lines` until none of a few tries fits; a first line too long for the
    /// budget is shortened at a word boundary.
    static func fitLines(
        _ lines: [String], into fit: inout DurationFit, using rng: inout some RandomNumberGenerator,
        measure: (String) -> Double
    ) {
        guard !lines.isEmpty else { return }
        var misses = 0
        while misses < 3, !fit.isFull {
            let words = lines.pick(using: &rng).split(separator: " ").map(String.init)
            if let seconds = fit.durationIfFits(words, measure: measure) {
                fit.appendChecked(words, seconds: seconds, kind: .plainText)
            } else if fit.isEmpty {
                var count = words.count - 1
                while count > 0, fit.durationIfFits(Array(words.prefix(count)), measure: measure) == nil { count -= 1 }
                if count > 0, let seconds = fit.durationIfFits(Array(words.prefix(count)), measure: measure) {
                    fit.appendChecked(Array(words.prefix(count)), seconds: seconds, kind: .plainText)
                    return
                }
                misses += 1
            } else {
                misses += 1
            }
        }
    }
}
