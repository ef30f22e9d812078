import Testing

@testable import MorseCode

@Suite struct KeyedLengthMeterTests {
    /// Texts in the order a fit measures them: each a remembered text plus words, candidates that
    /// are dropped (the next text extends an older one), texts that extend nothing remembered, and
    /// texts that cannot be keyed or are not ASCII.
    static let texts = [
        "CQ", "CQ TEST", "CQ TEST K1ABC", "CQ TEST K1ABC K1ABC K", "CQ TEST DL1XYZ", "CQ TEST DL1XYZ 5NN",
        "CQ TEST DL1XYZ 5NN 001", "cq test dl1xyz 5nn 001 tu", "CQ TEST DL1XYZ 5NN <AR>", "CQ TEST DL1XYZ 5NN <AR> #",
        "CQ TEST DL1XYZ 5NN <AR> TU", "CQ TEST DL1XYZ 5NN <AR> TU ü", "CQ TEST DL1XYZ 5NN <AR> TU  73",
        "CQ TEST DL1XYZ 5NN <AR> TU\t73 E", "CQ TEST DL1XYZ 5NN <AR> TU 73 <SK", "CQ TEST DL1XYZ 5NN <AR> TU 73 <SK>",
        "", " ", "  E", "  E T", "E", "E E E E E E E E E E E E E E E E", "E E E E E E E E E E E E E E E E TEST",
    ]

    /// Every length equals the keyed timeline's duration with a fresh copy of the generator (the
    /// same bits), or is nil exactly when the text cannot be parsed.
    @Test(arguments: FistKind.allCases)
    func lengthsAreTheKeyersForEveryText(kind: FistKind) {
        let keyer = Keyer(
            timing: MorseTiming(wpm: 27, effectiveWPM: 18, dashRatio: 3.3), fist: Fist(kind: kind, sloppiness: 0.8))
        let generator = SeededGenerator(seed: 11, stream: 4, purpose: 3)
        var meter = KeyedLengthMeter(keyer: keyer, generator: generator)
        for round in 0..<2 {  // the second round finds every text remembered or extending one
            for text in Self.texts {
                var copy = generator
                let expected = (try? MorseText(text)).map { keyer.key($0, using: &copy).duration }
                let measured = meter.duration(of: text)
                #expect(measured == expected, "round \(round), '\(text)': \(String(describing: measured))")
            }
        }
    }

    /// Continuing a text must key the new words with the generator where the old text left it:
    /// with a sloppy hand two different continuations of one text give different lengths.
    @Test func continuationsUseTheGeneratorWhereTheTextLeftIt() {
        let keyer = Keyer(timing: MorseTiming(wpm: 20), fist: Fist(kind: .straight, sloppiness: 1))
        var meter = KeyedLengthMeter(keyer: keyer, generator: SeededGenerator(seed: 3))
        let base = meter.duration(of: "CQ DE K1ABC") ?? 0
        let longer = meter.duration(of: "CQ DE K1ABC K1ABC") ?? 0
        var copy = SeededGenerator(seed: 3)
        let whole = keyer.key((try? MorseText("CQ DE K1ABC K1ABC")) ?? MorseText(words: []), using: &copy).duration
        #expect(base > 0 && longer > base)
        #expect(longer == whole)
    }
}
