import Testing

@testable import MorseCode

@Suite struct TimingTests {
    /// "PARIS " is 50 units, so N words at W WPM last exactly N × 60 / W seconds.
    @Test(arguments: [5.0, 7.5, 13, 18, 20, 25, 33, 40, 50, 60])
    func parisWordLastsSixtyOverWPM(wpm: Double) {
        let words = 5
        let text = parsed(Array(repeating: "PARIS", count: words).joined(separator: " "))
        let timing = MorseTiming(wpm: wpm)
        var rng = SeededGenerator(seed: 1)
        let timeline = Keyer(timing: timing, fist: .exact).key(text, using: &rng)
        let measured = timeline.duration + timing.wordGap  // each word ends with its word space
        let expected = Double(words) * 60 / wpm
        #expect(abs(measured - expected) < 1e-9, "\(wpm) WPM: expected \(expected) s, measured \(measured) s")
    }

    @Test(arguments: [FistKind.keyer, .paddle, .bug, .straight])
    func everyFistKeysExactlyAtZeroSloppiness(kind: FistKind) {
        let text = parsed("CQ TEST DE K1ABC <KN>")
        let timing = MorseTiming(wpm: 27)
        var a = SeededGenerator(seed: 3)
        var b = SeededGenerator(seed: 99)
        let exact = Keyer(timing: timing, fist: .exact).key(text, using: &a)
        let human = Keyer(timing: timing, fist: Fist(kind: kind, sloppiness: 0)).key(text, using: &b)
        #expect(exact == human)
    }

    /// Farnsworth keeps elements at the character speed and stretches only character and word gaps,
    /// by ta = (60c − 37.2s)/(cs), 3/19 and 7/19 of it.
    @Test(arguments: [(18.0, 5.0), (20, 10), (25, 15), (30, 18), (20, 20)])
    func farnsworthStretchesOnlyGaps(character: Double, effective: Double) {
        let plain = MorseTiming(wpm: character)
        let farnsworth = MorseTiming(wpm: character, effectiveWPM: effective)
        let ta = (60 * character - 37.2 * effective) / (character * effective)
        #expect(farnsworth.dit == plain.dit)
        #expect(farnsworth.dah == plain.dah)
        #expect(farnsworth.elementGap == plain.elementGap)
        #expect(abs(farnsworth.characterGap - 3 * ta / 19) < 1e-12)
        #expect(abs(farnsworth.wordGap - 7 * ta / 19) < 1e-12)
        // And the text as a whole runs at the effective speed: 60 / s seconds per PARIS.
        var rng = SeededGenerator(seed: 1)
        let timeline = Keyer(timing: farnsworth).key(parsed("PARIS PARIS PARIS"), using: &rng)
        #expect(abs(timeline.duration + farnsworth.wordGap - 3 * 60 / effective) < 1e-9)
        // Marks are identical to the plain timing's.
        var rng2 = SeededGenerator(seed: 1)
        let plainLine = Keyer(timing: plain).key(parsed("PARIS PARIS PARIS"), using: &rng2)
        #expect(zip(timeline.marks, plainLine.marks).allSatisfy { abs($0.length - $1.length) < 1e-12 })
    }

    @Test(arguments: [30.0, 40, 60, 70])
    func weightingShiftsMarkAndSpaceKeepingSpeed(weighting: Double) {
        let timing = MorseTiming(wpm: 20, weighting: weighting)
        let shift = (weighting - 50) / 50 * timing.unit
        #expect(abs(timing.dit - (timing.unit + shift)) < 1e-12)
        #expect(abs(timing.elementGap - (timing.unit - shift)) < 1e-12)
        var rng = SeededGenerator(seed: 1)
        let timeline = Keyer(timing: timing).key(parsed("PARIS PARIS"), using: &rng)
        #expect(abs(timeline.duration + timing.wordGap - 2 * 60 / 20) < 1e-9)
    }

    @Test func dashRatioSetsDahLength() {
        let timing = MorseTiming(wpm: 20, dashRatio: 4)
        #expect(abs(timing.dah / timing.dit - 4) < 1e-12)
    }

    @Test(arguments: [
        (MorseTiming(wpm: 4), "wpm 4"), (MorseTiming(wpm: 61), "wpm 61"),
        (MorseTiming(wpm: 20, effectiveWPM: 25), "Farnsworth speed 25"),
        (MorseTiming(wpm: 20, dashRatio: 2), "dash ratio 2"), (MorseTiming(wpm: 20, weighting: 90), "weighting 90"),
    ])
    func invalidTimingNamesTheValue(timing: MorseTiming, mention: String) {
        do {
            _ = try timing.validated()
            Issue.record("expected \(mention) to be rejected")
        } catch {
            #expect(error.description.contains(mention), "\(error.description)")
        }
    }
}
