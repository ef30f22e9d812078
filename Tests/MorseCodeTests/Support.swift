import MorseCode

/// Random keyable text: letters, digits, punctuation and prosigns in words of 1–7 symbols.
func randomText(using rng: inout SeededGenerator, words: ClosedRange<Int> = 1...6) -> String {
    let plain = MorseAlphabet.characters.map { String($0.0) }
    let prosigns = MorseAlphabet.prosigns.map { "<\($0.0)>" }
    let count = Int.random(in: words, using: &rng)
    return (0..<count).map { _ in
        (0..<Int.random(in: 1...7, using: &rng)).map { _ in
            Double.random(in: 0..<1, using: &rng) < 0.1
                ? prosigns.randomElement(using: &rng)! : plain.randomElement(using: &rng)!
        }.joined()
    }.joined(separator: " ")
}

func parsed(_ text: String) -> MorseText {
    do { return try MorseText(text) } catch { fatalError("test text must parse: \(error)") }
}
