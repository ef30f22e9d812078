import MorseCode
import MorseSignal
import RealModule
import Testing

@testable import MorseChannel

/// Noise generators, static crashes, AGC and limiter on their own.
@Suite struct ComponentTests {
    @Test func zigguratDeviatesAreStandardNormal() {
        let count = 400_000
        var samples = [Float](repeating: 0, count: count)
        var rng = SeededGenerator(seed: 17)
        var random = FastRandom(seededFrom: &rng)
        samples.withUnsafeMutableBufferPointer {
            Ziggurat.shared.fill(scale: 1, into: $0.baseAddress!, count: count, random: &random)
        }
        let x = samples.map(Double.init)
        let mean = x.reduce(0, +) / Double(count)
        let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count)
        let kurtosis = x.reduce(0) { $0 + Double.pow($1 - mean, 4) } / Double(count) / (variance * variance)
        #expect(abs(mean) < 0.01 && abs(variance - 1) < 0.01 && abs(kurtosis - 3) < 0.05)
        // Normal CDF at a few points, including the tail beyond the base layer (|x| > 3.65).
        for (z, tail) in [(1.0, 0.158655), (2.0, 0.0227501), (3.0, 0.0013499), (3.8, 7.235e-5)] {
            let observed = Double(x.filter { $0 > z }.count + x.filter { $0 < -z }.count) / Double(2 * count)
            #expect(
                abs(observed - tail) < 4 * (tail / Double(count)).squareRoot() + 1e-5,
                "P(x > \(z)): \(observed) vs \(tail)")
        }
    }

    /// The band noise source is not Gaussian itself (a scale mixture of sums of four uniforms),
    /// but it has exactly the requested variance, a normal kurtosis, no mean and no correlation
    /// from sample to sample.
    @Test func uniformSumNoiseHasTheRequestedVarianceAndIsWhite() {
        let count = 400_003  // not a multiple of 16: the tail path too
        var samples = [Float](repeating: .nan, count: count)
        var rng = SeededGenerator(seed: 5)
        var random = FastRandom(seededFrom: &rng)
        samples.withUnsafeMutableBufferPointer {
            UniformSumNoise.fill(scale: 2, into: $0.baseAddress!, count: count, random: &random)
        }
        let x = samples.map(Double.init)
        #expect(x.allSatisfy { $0.isFinite })
        let mean = x.reduce(0, +) / Double(count)
        let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count)
        let kurtosis = x.reduce(0) { $0 + Double.pow($1 - mean, 4) } / Double(count) / (variance * variance)
        #expect(abs(mean) < 0.01 && abs(variance / 4 - 1) < 0.01, "mean \(mean), variance \(variance)")
        #expect(abs(kurtosis - 3) < 0.03, "kurtosis \(kurtosis)")
        for lag in [1, 2, 3, 7, 8, 16] {
            let r = zip(x, x.dropFirst(lag)).reduce(0) { $0 + $1.0 * $1.1 } / Double(count - lag) / variance
            #expect(abs(r) < 0.01, "autocorrelation at lag \(lag): \(r)")
        }
    }

    /// After the receiver filter the band noise is Gaussian: kurtosis 3 and normal tails, for
    /// every filter (the SSB filter, the widest, sums the fewest samples) and both colours.
    @Test(arguments: ReceiverFilterKind.allCases, [NoiseColour.white, .pink])
    func bandNoiseIsGaussianAfterTheReceiverFilter(filter: ReceiverFilterKind, colour: NoiseColour) {
        var chain = ReceiverChain(sampleRate: 16_000)
        var rng = SeededGenerator(seed: 29)
        let stages = chain.renderStages(
            wanted: nil, interferers: [], parameters: plainParameters(snr: 0, filter: filter, colour: colour),
            sampleCount: 1_000_000, using: &rng)
        let x = stages.filtered.map(Double.init)
        let count = Double(x.count)
        let mean = x.reduce(0, +) / count
        let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count
        let kurtosis = x.reduce(0) { $0 + Double.pow($1 - mean, 4) } / count / (variance * variance)
        #expect(abs(kurtosis - 3) < 0.1, "\(filter) \(colour): kurtosis \(kurtosis)")
        let sigma = variance.squareRoot()
        for (z, tail) in [(1.0, 0.317311), (2.0, 0.0455003), (3.0, 0.0026998)] {
            let observed = Double(x.filter { abs($0 - mean) > z * sigma }.count) / count
            #expect(abs(observed / tail - 1) < 0.1, "\(filter) \(colour): P(|x| > \(z)σ) \(observed) vs \(tail)")
        }
    }

    @Test func pinkNoiseFallsThreeDecibelsPerOctave() {
        var chain = ReceiverChain(sampleRate: 16_000)
        var rng = SeededGenerator(seed: 23)
        let stages = chain.renderStages(
            wanted: nil, interferers: [], parameters: plainParameters(snr: 0, colour: .pink), sampleCount: 131_072,
            using: &rng)
        let spectrum = Spectrum.bins(stages.noise)
        let width = 16_000.0 / Double(spectrum.count)
        let at250 = Spectrum.density(spectrum.power, at: 250, halfWidth: 40, binWidth: width)
        let at1000 = Spectrum.density(spectrum.power, at: 1000, halfWidth: 40, binWidth: width)
        let at4000 = Spectrum.density(spectrum.power, at: 4000, halfWidth: 200, binWidth: width)
        #expect(abs(dB(at250 / at1000) - 6.02) < 1.0)
        #expect(abs(dB(at1000 / at4000) - 6.02) < 1.5)
        // The analytic density the SNR uses matches what was rendered.
        let pink = PinkingFilter(sampleRate: 16_000)
        #expect(abs(dB(at250 / at1000) - dB(pink.powerGain(at: 250) / pink.powerGain(at: 1000))) < 0.6)
    }

    @Test func staticCrashesArriveAtTheirRate() {
        let crashes = StaticCrashes(rate: 2, strength: 20, noiseSigma: 0.01, sampleRate: 8000)
        var total = 0
        for seed in 0..<20 {
            var rng = SeededGenerator(seed: UInt64(seed))
            var random = FastRandom(seededFrom: &rng)
            var buffer = [Float](repeating: 0, count: 80_000)
            total += buffer.withUnsafeMutableBufferPointer {
                crashes.add(into: $0.baseAddress!, count: 80_000, random: &random)
            }
            let peak = buffer.map { abs($0) }.max() ?? 0
            #expect(peak > 0.01 * 10 && peak < 0.01 * 10 * 6)  // peaks near 20 dB over the noise σ
        }
        #expect(abs(Double(total) / 200 - 2) < 0.35)  // 20 clips × 10 s
    }

    /// A burst 30 dB up: the gain drops within the attack time and recovers with the release time.
    @Test func agcPumpsOnACrash() {
        let sampleRate = 16_000.0
        let agc = AutomaticGainControl(parameters: AGCParameters(attack: 0.01, release: 0.5), sampleRate: sampleRate)
        let count = Int(3 * sampleRate)
        var x = (0..<count).map { n -> Float in
            let t = Double(n) / sampleRate
            let level: Float = (1.0..<1.05).contains(t) ? 3.16 : 0.1
            return level * Float(Double.sin(2 * Double.pi * 700 * t))
        }
        var work = [Float](repeating: 0, count: agc.workSize(count: count))
        let range = x.withUnsafeMutableBufferPointer { buffer in
            work.withUnsafeMutableBufferPointer {
                agc.process(buffer.baseAddress!, count: count, inputGain: 1, settle: 1000, work: $0.baseAddress!)
            }
        }
        func level(at t: Double) -> Double {
            let start = Int(t * sampleRate)
            return (2 * meanSquare(x[start..<(start + 160)])).squareRoot()
        }
        #expect(abs(level(at: 0.9) - Double(AutomaticGainControl.target)) < 0.05)
        #expect(level(at: 1.03) < 0.9)  // caught within the attack time
        #expect(level(at: 1.1) < 0.1)  // pumped down after the crash
        #expect(level(at: 1.6) > 0.1 && level(at: 1.6) < 0.45)  // recovering over the release time
        #expect(level(at: 2.9) > 0.4)  // recovered
        #expect(range.maximum - range.minimum > 25)
    }

    @Test func limiterNeverExceedsItsCeiling() {
        let limiter = OutputLimiter(ceiling: 0.95)
        var x: [Float] = (0..<10_001).map { Float($0 - 5000) / 500 }  // −10 … 10
        let original = x
        _ = x.withUnsafeMutableBufferPointer { limiter.process($0.baseAddress!, count: $0.count) }
        #expect(x.allSatisfy { abs($0) < 0.95 })
        for (a, b) in zip(original, x) where abs(a) <= limiter.knee { #expect(a == b) }
        for i in 1..<x.count { #expect(x[i] >= x[i - 1]) }  // monotonic
    }
}
