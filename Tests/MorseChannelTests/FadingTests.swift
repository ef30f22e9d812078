import MorseCode
import MorseSignal
import RealModule
import Testing

@testable import MorseChannel

/// Fading statistics over long runs, against the model.
@Suite struct FadingTests {
    /// A long run of the Rayleigh process: |g|² exponential with mean 1, Gaussian autocorrelation
    /// `exp(−2π²σ²τ²)`, and Rice's level-crossing rate `√(b₂/πb₀)·ρ·e^{−ρ²}`, which for a Gaussian
    /// Doppler spectrum of standard deviation σ (= spread/2) is `2√π·σ·ρ·e^{−ρ²}`.
    @Test(arguments: [0.5, 2.0])
    func rayleighEnvelopeMatchesModel(spread: Double) {
        let interval = 0.004, count = 1_000_000
        let process = GaussianFadingProcess(spread: spread)
        var re = [Float](repeating: 0, count: count), im = [Float](repeating: 0, count: count)
        var work = [Double](
            repeating: 0, count: GaussianFadingProcess.workSize(count: count, interval: interval, spread: spread))
        var rng = SeededGenerator(seed: 77)
        var random = FastRandom(seededFrom: &rng)
        re.withUnsafeMutableBufferPointer { r in
            im.withUnsafeMutableBufferPointer { i in
                work.withUnsafeMutableBufferPointer { w in
                    process.generate(
                        count: count, interval: interval, re: r.baseAddress!, im: i.baseAddress!,
                        work: w.baseAddress!, random: &random)
                }
            }
        }
        let power = (0..<count).map { Double(re[$0]) * Double(re[$0]) + Double(im[$0]) * Double(im[$0]) }
        let mean = power.reduce(0, +) / Double(count)
        let variance = power.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count)
        #expect(abs(mean - 1) < 0.06, "mean power \(mean)")
        #expect(abs(variance / (mean * mean) - 1) < 0.12, "normalised variance \(variance / (mean * mean))")
        // CDF of an exponential power: P(p < x·mean) = 1 − e^{−x}.
        for x in [0.05, 0.2, 0.5, 1, 2] {
            let fraction = Double(power.filter { $0 < x * mean }.count) / Double(count)
            #expect(abs(fraction - (1 - Double.exp(-x))) < 0.03, "CDF at \(x): \(fraction) vs \(1 - Double.exp(-x))")
        }
        // Autocorrelation of the complex gain at a few lags.
        let sigma = spread / 2
        for lagSeconds in [0.25 / spread, 0.5 / spread, 1 / spread] {
            let lag = Int((lagSeconds / interval).rounded())
            var sum = 0.0
            for n in 0..<(count - lag) {
                sum += Double(re[n]) * Double(re[n + lag]) + Double(im[n]) * Double(im[n + lag])
            }
            let rho = sum / Double(count - lag) / mean
            let model = GaussianFadingProcess.autocorrelation(spread: spread, lag: Double(lag) * interval)
            #expect(abs(rho - model) < 0.06, "lag \(lagSeconds) s: \(rho) vs \(model)")
        }
        // Level crossings (upward) at the rms level.
        var crossings = 0
        for n in 1..<count where power[n - 1] < mean && power[n] >= mean { crossings += 1 }
        let rate = Double(crossings) / (Double(count) * interval)
        let model = 2 * Double.pi.squareRoot() * sigma * Double.exp(-1)
        #expect(abs(rate / model - 1) < 0.15, "level-crossing rate \(rate)/s vs \(model)/s")
    }

    /// The same model at the audio output of the chain: a faded carrier's power is exponential.
    @Test func rayleighFadedCarrierAtTheAntenna() {
        let sampleRate = 8000.0, seconds = 120.0
        var chain = ReceiverChain(sampleRate: sampleRate)
        var rng = SeededGenerator(seed: 4)
        var parameters = plainParameters(snr: 40)
        parameters.fading = FadingParameters(kind: .rayleigh, rate: 2, depth: 1)
        let wanted = parameters.wantedStation(timeline: carrier(from: 0, to: seconds))
        let stages = chain.renderStages(
            wanted: wanted, interferers: [], parameters: parameters, sampleCount: Int(seconds * sampleRate), using: &rng
        )
        // Power per 10 ms block (a whole number of 700 Hz cycles, so the tone averages out).
        let block = 80
        let powers = stride(from: 800, to: stages.wanted.count - block, by: block).map {
            2 * meanSquare(stages.wanted[$0..<($0 + block)])
        }
        let reference = ReceiverChain.referenceCarrierAmplitude * ReceiverChain.referenceCarrierAmplitude
        let mean = powers.reduce(0, +) / Double(powers.count)
        #expect(abs(mean / reference - 1) < 0.15, "mean faded power \(mean / reference) of the carrier's")
        let deepFades = Double(powers.filter { $0 < 0.1 * mean }.count) / Double(powers.count)
        #expect(abs(deepFades - (1 - Double.exp(-0.1))) < 0.035, "fraction below −10 dB: \(deepFades)")
    }

    /// Slow QSB swings the carrier between 1 and 1 − depth.
    @Test func slowFadingStaysWithinDepth() {
        let sampleRate = 8000.0
        var chain = ReceiverChain(sampleRate: sampleRate)
        var rng = SeededGenerator(seed: 9)
        var parameters = plainParameters(snr: 40)
        parameters.fading = FadingParameters(kind: .slow, rate: 0.5, depth: 0.6)
        let stages = chain.renderStages(
            wanted: parameters.wantedStation(timeline: carrier(from: 0, to: 8)), interferers: [],
            parameters: parameters, sampleCount: Int(8 * sampleRate), using: &rng)
        let block = 80
        let amplitudes = stride(from: 800, to: stages.wanted.count - 800, by: block).map {
            (2 * meanSquare(stages.wanted[$0..<($0 + block)])).squareRoot() / ReceiverChain.referenceCarrierAmplitude
        }
        #expect((amplitudes.max() ?? 0) < 1.01 && (amplitudes.max() ?? 0) > 0.97)
        #expect((amplitudes.min() ?? 0) > 0.39 && (amplitudes.min() ?? 0) < 0.43)
    }

    /// Selective fading: with delayed paths, tones 250 Hz apart fade differently; without delay, alike.
    @Test func selectiveFadingDependsOnFrequency() {
        func envelope(tone: Double, delays: [Double]) -> [Double] {
            let sampleRate = 8000.0
            var chain = ReceiverChain(sampleRate: sampleRate)
            var rng = SeededGenerator(seed: 31)
            var parameters = plainParameters(snr: 40, tone: tone)
            parameters.fading = FadingParameters(kind: .selective, rate: 1, depth: 1, pathDelays: delays)
            let stages = chain.renderStages(
                wanted: parameters.wantedStation(timeline: carrier(from: 0, to: 40)), interferers: [],
                parameters: parameters, sampleCount: Int(40 * sampleRate), using: &rng)
            return stride(from: 800, to: stages.wanted.count - 800, by: 400).map {
                meanSquare(stages.wanted[$0..<($0 + 400)])
            }
        }
        func correlation(_ a: [Double], _ b: [Double]) -> Double {
            let n = Double(min(a.count, b.count))
            let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
            var ab = 0.0, aa = 0.0, bb = 0.0
            for i in 0..<Int(n) {
                ab += (a[i] - ma) * (b[i] - mb); aa += (a[i] - ma) * (a[i] - ma); bb += (b[i] - mb) * (b[i] - mb)
            }
            return ab / (aa * bb).squareRoot()
        }
        let together = correlation(envelope(tone: 700, delays: [0, 0]), envelope(tone: 950, delays: [0, 0]))
        let apart = correlation(envelope(tone: 700, delays: [0, 0.002]), envelope(tone: 950, delays: [0, 0.002]))
        #expect(together > 0.95)
        #expect(apart < 0.6, "correlation across 250 Hz with a 2 ms path: \(apart)")
    }
}
