import MorseCode
import RealModule
import Testing

@testable import MorseSignal

@Suite struct ToneRendererTests {
    func timeline(_ text: String, wpm: Double, fist: Fist = .exact, seed: UInt64 = 1) throws -> KeyedTimeline {
        var rng = SeededGenerator(seed: seed)
        return Keyer(timing: MorseTiming(wpm: wpm), fist: fist).key(try MorseText(text), using: &rng)
    }

    /// Key-down intervals found in the audio by an envelope detector match the timeline within one
    /// rise time (here far closer: the 50 % points are placed on the timeline's times).
    @Test(arguments: [
        (500.0, 32, 15.0, EnvelopeShape.raisedCosine, FistKind.keyer),
        (700, 160, 25, .blackmanHarris, .bug), (1000, 16, 40, .raisedCosine, .straight),
        (1000, 16, 60, .blackmanHarris, .paddle),
    ])
    func detectedIntervalsMatchTimeline(
        frequency: Double, window: Int, wpm: Double, shape: EnvelopeShape, fist: FistKind
    ) throws {
        let keyed = try timeline("CQ TEST DE K1ABC 5NN <KN>", wpm: wpm, fist: Fist(kind: fist, sloppiness: 0.6))
        let tone = ToneParameters(frequency: frequency, amplitude: 0.5, riseTime: 0.005, shape: shape)
        let renderer = ToneRenderer(sampleRate: 16_000)
        let samples = renderer.render(keyed, tone: tone, leadingSilence: 0.3, trailingSilence: 0.3)
        let detected = EnvelopeDetector(sampleRate: 16_000, frequency: frequency, window: window).intervals(
            samples, threshold: 0.25)
        let expected = keyed.shifted(by: 0.3).marks
        try #require(
            detected.count == expected.count, "detected \(detected.count) marks, timeline has \(expected.count)")
        let rise = renderer.effectiveRiseTime(keyed, tone: tone)
        let worst = zip(detected, expected).map { max(abs($0.start - $1.start), abs($0.end - $1.end)) }.max() ?? 0
        #expect(worst < rise, "worst edge error \(worst * 1000) ms, rise \(rise * 1000) ms")
        #expect(worst < 0.0015, "worst edge error \(worst * 1000) ms")
    }

    @Test func lengthIsExactToTheSampleAndSilenceIsSilent() throws {
        let keyed = try timeline("TEST", wpm: 20)
        let renderer = ToneRenderer(sampleRate: 16_000)
        let tone = ToneParameters(riseTime: 0.004)
        let samples = renderer.render(keyed, tone: tone, leadingSilence: 0.5, trailingSilence: 0.25)
        #expect(samples.count == Int(((0.75 + keyed.duration) * 16_000).rounded()))
        let firstSound = try #require(samples.firstIndex { $0 != 0 })
        let lastSound = try #require(samples.lastIndex { $0 != 0 })
        let sampleTime = 1.0 / 16_000
        let firstTime = Double(firstSound) * sampleTime, lastTime = Double(lastSound) * sampleTime
        let keyUp: Double = 0.5 + keyed.duration + 0.002
        // The first and last non-zero samples lie within one sample inside the edges' ends.
        #expect(firstTime > 0.498 && firstTime - 0.498 <= sampleTime * 1.001)
        #expect(lastTime < keyUp && keyUp - lastTime <= sampleTime * 1.001)
    }

    @Test(arguments: [0.1, 0.5, 0.9])
    func flatTopHasTheRequestedAmplitude(amplitude: Double) throws {
        let keyed = try timeline("T", wpm: 10)
        let samples = ToneRenderer().render(keyed, tone: ToneParameters(frequency: 650, amplitude: amplitude))
        let peak = samples.map { abs($0) }.max() ?? 0
        #expect(abs(Double(peak) - amplitude) < amplitude * 0.002, "peak \(peak)")
    }

    /// No clicks beyond the envelope: the sample-to-sample step never exceeds what a tone of that
    /// frequency under that edge can produce, |d/dt (A e(t) sin ωt)| ≤ A (max e' + ω).
    @Test(arguments: [(EnvelopeShape.raisedCosine, 0.001), (.raisedCosine, 0.008), (.blackmanHarris, 0.005)])
    func noStepsBeyondWhatTheEnvelopeImplies(shape: EnvelopeShape, rise: Double) throws {
        let keyed = try timeline("PARIS PARIS", wpm: 30, fist: Fist(kind: .straight, sloppiness: 0.8))
        let tone = ToneParameters(frequency: 800, amplitude: 0.8, riseTime: rise, shape: shape, driftRate: 2)
        let samples = ToneRenderer(sampleRate: 16_000).render(keyed, tone: tone)
        var maxSlope = 0.0
        for k in 0..<1000 {
            let step: Double = shape.value(at: Double(k + 1) / 1000) - shape.value(at: Double(k) / 1000)
            maxSlope = max(maxSlope, step * 1000)
        }
        let perSecond: Double = maxSlope / rise + 2 * Double.pi * 801
        let bound: Double = 0.8 * perSecond / 16_000 * 1.02
        let biggestStep = zip(samples, samples.dropFirst()).map { Double(abs($1 - $0)) }.max() ?? 0
        #expect(biggestStep <= bound, "step \(biggestStep) > bound \(bound)")
    }

    @Test(arguments: EnvelopeShape.allCases)
    func edgeShapesPassHalfAtTheirMidpoint(shape: EnvelopeShape) {
        #expect(abs(shape.value(at: 0)) < 1e-12)
        #expect(abs(shape.value(at: 1) - 1) < 1e-12)
        #expect(abs(shape.value(at: 0.5) - 0.5) < 1e-12)
        let values = (0...200).map { shape.value(at: Double($0) / 200) }
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 <= $1 }, "monotone rise")
        for k in 0...100 {
            #expect(abs(shape.value(at: Double(k) / 200) + shape.value(at: 1 - Double(k) / 200) - 1) < 1e-12)
        }
    }

    /// Frequency measured by zero crossings over a long mark rises by the drift rate.
    @Test func driftMovesTheFrequencyAtTheRequestedRate() throws {
        let mark = KeyedTimeline(marks: [.init(start: 0, end: 4)], characters: [], words: [])
        let tone = ToneParameters(frequency: 600, amplitude: 0.5, driftRate: 10)
        let samples = ToneRenderer(sampleRate: 16_000).render(
            mark, tone: tone, leadingSilence: 0.1, trailingSilence: 0.1)
        func frequency(from start: Double, seconds: Double) -> Double {
            let a = Int(start * 16_000), b = Int((start + seconds) * 16_000)
            var crossings: [Double] = []
            for k in a..<b where samples[k] <= 0 && samples[k + 1] > 0 {
                crossings.append(Double(k) + Double(-samples[k] / (samples[k + 1] - samples[k])))
            }
            guard let first = crossings.first, let last = crossings.last else { return 0 }
            return Double(crossings.count - 1) / ((last - first) / 16_000)
        }
        let early = frequency(from: 0.2, seconds: 0.2), late = frequency(from: 3.8, seconds: 0.2)
        // Drift runs on clip time: at the windows' middles (0.3 s and 3.9 s) f = 600 + 10 t.
        #expect(abs(early - (600 + 10 * 0.3)) < 0.2, "early \(early)")
        #expect(abs(late - (600 + 10 * 3.9)) < 0.2, "late \(late)")
    }

    /// Chirp: right after key-down the tone is offset by about the chirp, then settles.
    @Test func chirpDecaysAfterKeyDown() throws {
        let mark = KeyedTimeline(marks: [.init(start: 0, end: 0.3)], characters: [], words: [])
        let tone = ToneParameters(
            frequency: 700, amplitude: 0.5, riseTime: 0.002, chirpOffset: 80, chirpTimeConstant: 0.02)
        let samples = ToneRenderer(sampleRate: 16_000).render(
            mark, tone: tone, leadingSilence: 0.1, trailingSilence: 0.1)
        // Phase advance over a window, compared with the nominal tone, gives the mean offset.
        func meanOffset(_ from: Double, _ to: Double) -> Double {
            let a = Int(from * 16_000), b = Int(to * 16_000)
            var crossings = 0
            for k in a..<b where samples[k] <= 0 && samples[k + 1] > 0 { crossings += 1 }
            return Double(crossings) / (to - from) - 700
        }
        #expect(meanOffset(0.101, 0.121) > 35, "early offset \(meanOffset(0.101, 0.121))")
        #expect(abs(meanOffset(0.25, 0.39)) < 8, "late offset \(meanOffset(0.25, 0.39))")
    }

    /// The chirp's phase recurrence follows the exact phase `φ(t) + k·(1 − e^{−(t − t₀)/τ})`
    /// sample by sample, with drift, through the chirp (8 τ); after it, the chirp's phase is held
    /// (off by about k·e⁻⁸ at most).
    @Test(arguments: [(80.0, 0.015, 0.0), (-150, 0.004, 3), (25, 0.01, -2)])
    func chirpFollowsTheExactPhase(chirp: Double, tau: Double, drift: Double) {
        let mark = KeyedTimeline(marks: [.init(start: 0.5, end: 0.8)], characters: [], words: [])
        let rise = 0.002
        let tone = ToneParameters(
            frequency: 700, amplitude: 0.5, riseTime: rise, chirpOffset: chirp, chirpTimeConstant: tau,
            driftRate: drift, phase: 0.3)
        let samples = ToneRenderer(sampleRate: 16_000).render(
            mark, tone: tone, leadingSilence: 0.25, trailingSilence: 0.1)
        let keyDown = 0.25 + 0.5 - rise / 2
        var worst = 0.0, worstAfter = 0.0
        // From the end of the rising edge to well past the chirp, where the envelope is 1.
        for n in Int((keyDown + rise) * 16_000) + 1..<Int((keyDown + 0.25) * 16_000) {
            let t = Double(n) / 16_000
            let phase =
                0.3 + 2 * Double.pi * (700 * t + 0.5 * drift * t * t)
                + 2 * Double.pi * chirp * tau * (1 - Double.exp(-(t - keyDown) / tau))
            let error = abs(Double(samples[n]) - 0.5 * Double.sin(phase))
            if t < keyDown + 8 * tau - 1e-3 { worst = max(worst, error) } else { worstAfter = max(worstAfter, error) }
        }
        #expect(worst < 2e-6, "largest error in the chirp \(worst)")
        #expect(
            worstAfter < 2 * 0.5 * 2 * Double.pi * abs(chirp) * tau * Double.exp(-8) + 1e-5,
            "largest error after it \(worstAfter)")
    }

    @Test func sameTimelineSameSamples() throws {
        let keyed = try timeline("CQ DX", wpm: 28, fist: Fist(kind: .bug, sloppiness: 0.5), seed: 9)
        let again = try timeline("CQ DX", wpm: 28, fist: Fist(kind: .bug, sloppiness: 0.5), seed: 9)
        let tone = ToneParameters(frequency: 712.5, chirpOffset: 20, driftRate: 3)
        #expect(ToneRenderer().render(keyed, tone: tone) == ToneRenderer().render(again, tone: tone))
    }

    @Test(arguments: [
        (ToneParameters(frequency: 9000), "below half the sample rate"), (ToneParameters(riseTime: 0.02), "rise time"),
        (ToneParameters(amplitude: 1.5), "amplitude"),
    ])
    func invalidToneNamesTheProblem(tone: ToneParameters, mention: String) {
        #expect(throws: (any Error).self) { try tone.validated(sampleRate: 16_000) }
        do { _ = try tone.validated(sampleRate: 16_000) } catch { #expect(error.description.contains(mention)) }
    }
}
