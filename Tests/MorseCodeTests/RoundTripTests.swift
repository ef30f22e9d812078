import Testing

@testable import MorseCode

@Suite struct RoundTripTests {
    /// Thousands of random texts through every fist at 5–60 WPM read back exactly from the key-down
    /// intervals alone (patterns shared by several symbols come back in their canonical spelling).
    @Test(arguments: FistKind.allCases)
    func timelineReadsBackAsTheText(kind: FistKind) {
        var rng = SeededGenerator(seed: 2024, stream: UInt64(kind.hashValue & 0xFFFF))
        var failures = 0
        for trial in 0..<1500 {
            let text = parsed(randomText(using: &rng))
            let wpm = Double.random(in: 5...60, using: &rng)
            let farnsworth: Double? = trial % 4 == 0 ? Double.random(in: 5...wpm, using: &rng) : nil
            let timing = MorseTiming(
                wpm: wpm, effectiveWPM: farnsworth, dashRatio: Double.random(in: 2.5...4.5, using: &rng),
                weighting: Double.random(in: 30...70, using: &rng))
            let fist = Fist(kind: kind, sloppiness: Double.random(in: 0...1, using: &rng))
            let timeline = Keyer(timing: timing, fist: fist).key(text, using: &rng)
            let read = timeline.readText(timing: timing)
            if read != text.canonical {
                failures += 1
                if failures <= 3 { Issue.record("\(kind) \(timing): keyed '\(text.canonical)' read '\(read)'") }
            }
        }
        #expect(failures == 0)
    }

    @Test func spansLabelTheTimeline() {
        var rng = SeededGenerator(seed: 5)
        let text = parsed("CQ TEST DE K1ABC <KN>")
        let timeline = Keyer(timing: MorseTiming(wpm: 22), fist: Fist(kind: .straight, sloppiness: 0.7)).key(
            text, using: &rng)
        #expect(timeline.text == "CQ TEST DE K1ABC <KN>")
        #expect(timeline.characters.map(\.text).joined() == "CQTESTDEK1ABC<KN>")
        #expect(timeline.words.map(\.text) == ["CQ", "TEST", "DE", "K1ABC", "<KN>"])
        // Characters start with their first mark, end with their last, and never overlap.
        #expect(timeline.characters.first?.start == timeline.marks.first?.start)
        #expect(timeline.characters.last?.end == timeline.marks.last?.end)
        for (a, b) in zip(timeline.characters, timeline.characters.dropFirst()) {
            #expect(a.start < a.end && a.end < b.start)
        }
        let marksInCharacters = text.words.flatMap { $0 }.reduce(0) { $0 + $1.pattern.count }
        #expect(timeline.marks.count == marksInCharacters)
    }
}

@Suite struct FistTests {
    @Test(arguments: [FistKind.paddle, .bug, .straight])
    func sameSeedSameTimingDifferentSeedDifferentTiming(kind: FistKind) {
        let keyer = Keyer(timing: MorseTiming(wpm: 25), fist: Fist(kind: kind, sloppiness: 0.5))
        let text = parsed("CQ CQ DE DL1ABC DL1ABC K")
        var a = SeededGenerator(seed: 7), b = SeededGenerator(seed: 7), c = SeededGenerator(seed: 8)
        let first = keyer.key(text, using: &a)
        #expect(first == keyer.key(text, using: &b))
        #expect(first != keyer.key(text, using: &c))
    }

    @Test func keyerElementsStayExactAtAnySloppiness() {
        let timing = MorseTiming(wpm: 30)
        var rng = SeededGenerator(seed: 11)
        let timeline = Keyer(timing: timing, fist: Fist(kind: .keyer, sloppiness: 1)).key(
            parsed("TEST TEST"), using: &rng)
        for mark in timeline.marks {
            let nearest = min(abs(mark.length - timing.dit), abs(mark.length - timing.dah))
            #expect(nearest < 1e-12)
        }
    }

    /// Bug operators' dits come from the machine (one length per transmission, the standard dit
    /// moved only by the keying weight); their dahs are human and on average heavy.
    @Test func bugHasMachineDitsAndHeavyDahs() {
        let timing = MorseTiming(wpm: 25)
        let sloppiness = 0.8
        var dahRatios: [Double] = []
        for seed in 0..<200 {
            var rng = SeededGenerator(seed: UInt64(seed))
            let timeline = Keyer(timing: timing, fist: Fist(kind: .bug, sloppiness: sloppiness)).key(
                parsed("TEST OK"), using: &rng)
            let threshold = DecisionThresholds(timing).ditDah
            let dits = timeline.marks.map(\.length).filter { $0 < threshold }
            let dahs = timeline.marks.map(\.length).filter { $0 >= threshold }
            let first = dits.first ?? timing.dit
            #expect(dits.allSatisfy { abs($0 - first) < 1e-12 }, "machine dits differ: \(dits)")
            #expect(abs(first - timing.dit) <= FistTiming.bug.weight * sloppiness * timing.unit + 1e-12)
            dahRatios += dahs.map { $0 / first }
        }
        let mean = dahRatios.reduce(0, +) / Double(dahRatios.count)
        #expect(mean > 3.3, "mean dah/dit \(mean) should be heavier than 3")
    }

    /// Human timing is correlated from element to element, not white noise.
    @Test func straightKeyJitterIsCorrelated() {
        let timing = MorseTiming(wpm: 20)
        var deviations: [Double] = []
        var rng = SeededGenerator(seed: 42)
        let text = parsed(Array(repeating: "EEEEE", count: 60).joined(separator: " "))
        let timeline = Keyer(timing: timing, fist: Fist(kind: .straight, sloppiness: 0.6)).key(text, using: &rng)
        deviations = timeline.marks.map { $0.length / timing.dit - 1 }
        let mean = deviations.reduce(0, +) / Double(deviations.count)
        let centred = deviations.map { $0 - mean }
        let variance = centred.map { $0 * $0 }.reduce(0, +)
        let lag1 = zip(centred, centred.dropFirst()).map(*).reduce(0, +)
        #expect(lag1 / variance > 0.25, "lag-1 autocorrelation \(lag1 / variance)")
        #expect(variance / Double(centred.count) > 1e-4, "a sloppy straight key must vary")
    }

    /// Each operator has persistent habits: the mean dit length differs between operators by more
    /// than the sampling error of one operator's mean.
    @Test func operatorsHavePersistentHabits() {
        let timing = MorseTiming(wpm: 20)
        let text = parsed(Array(repeating: "EEEEE", count: 40).joined(separator: " "))
        let means = (0..<30).map { seed -> Double in
            var rng = SeededGenerator(seed: UInt64(seed))
            let marks = Keyer(timing: timing, fist: Fist(kind: .straight, sloppiness: 0.6)).key(text, using: &rng).marks
            return marks.map(\.length).reduce(0, +) / Double(marks.count) / timing.dit
        }
        let grand = means.reduce(0, +) / Double(means.count)
        let spread = (means.map { ($0 - grand) * ($0 - grand) }.reduce(0, +) / Double(means.count - 1)).squareRoot()
        #expect(spread > 0.02, "operator means spread \(spread)")
    }
}
