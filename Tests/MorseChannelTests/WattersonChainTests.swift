import MorseCode
import MorseSignal
import RealModule
import Testing

@testable import MorseChannel

/// The Watterson fading kinds as the chain renders them: a carrier sent through
/// ``ReceiverChain/renderStages(wanted:interferers:parameters:sampleCount:using:)`` with a fixed
/// seed shows the condition's Gaussian Doppler spectrum and its two-path delay profile.
@Suite struct WattersonChainTests {
    /// 4 kHz keeps the renders short; every tone below has a whole number of samples per quarter
    /// period (so the chain's quadrature read is exact) and of cycles per demodulation block, and
    /// every path delay is a whole number of samples.
    static let sampleRate = 4000.0
    /// Demodulation block: 60 ms, a whole number of cycles of 250, 333⅓, 500 and 1,000 Hz.
    static let block = 240

    /// Each kind is its CCIR 520 condition (F.1487 mid-latitude), recorded in full.
    @Test func kindsAreTheRecommendationsConditions() {
        let expected: [(FadingKind, WattersonProfile, [Double], Double)] = [
            (.wattersonGood, .midLatitudeQuiet, [0, 0.0005], 0.1),
            (.wattersonModerate, .midLatitudeModerate, [0, 0.001], 0.5),
            (.wattersonPoor, .midLatitudeDisturbed, [0, 0.002], 1),
        ]
        for (kind, profile, delays, spread) in expected {
            #expect(kind.wattersonProfile == profile)
            #expect(
                FadingParameters.watterson(kind)
                    == FadingParameters(kind: kind, rate: spread, depth: 1, pathDelays: delays))
            #expect(profile.pathPowers == [0.5, 0.5])
        }
        for kind in FadingKind.allCases where !expected.contains(where: { $0.0 == kind }) {
            #expect(kind.wattersonProfile == nil && FadingParameters.watterson(kind) == nil)
        }
    }

    /// The wanted station's carrier at the antenna, demodulated at `tone` into one complex value per
    /// 60 ms block, divided by the unfaded carrier's value (so the tone's own phase drops out).
    static func envelope(_ fading: FadingParameters, tone: Double, seconds: Double, seed: UInt64) -> [Complex] {
        func demodulate(_ fading: FadingParameters, seconds: Double) -> [Complex] {
            var chain = ReceiverChain(sampleRate: sampleRate)
            var rng = SeededGenerator(seed: seed)
            var parameters = plainParameters(snr: 80, tone: tone)
            parameters.fading = fading
            let stages = chain.renderStages(
                wanted: parameters.wantedStation(timeline: carrier(from: 0, to: seconds + 1)), interferers: [],
                parameters: parameters, sampleCount: Int(seconds * sampleRate), using: &rng)
            // A block holds whole cycles, so the demodulating phasor repeats from block to block.
            let phasors = (0..<block).map { Complex.unit(phase: -2 * Double.pi * tone * Double($0) / sampleRate) }
            // Skip the first block (the keying edge) and keep whole blocks only.
            return stride(from: block, to: stages.wanted.count - block + 1, by: block).map { start in
                var re = 0.0, im = 0.0
                for m in 0..<block {
                    let x = Double(stages.wanted[start + m])
                    re += x * phasors[m].re
                    im += x * phasors[m].im
                }
                return Complex(2 * re / Double(block), 2 * im / Double(block))
            }
        }
        let reference = demodulate(.none, seconds: 0.5)[0]
        let scale = 1 / reference.magnitude
        let turn = Complex(reference.re * scale, -reference.im * scale)  // undoes the carrier's phase
        return demodulate(fading, seconds: seconds).map { (scale * ($0 * turn)) }
    }

    /// Per condition: tones Δf apart with 2πΔf·τ between 60° and 90°, the clips (count, seconds).
    /// Slower fading needs longer records for the same sampling error (the number of independent
    /// fades grows as spread × duration).
    static let cases: [(FadingKind, low: Double, high: Double, clips: Int, seconds: Double)] = [
        (.wattersonGood, 500, 1000, 4, 300),
        (.wattersonModerate, 250, 500, 4, 150),
        (.wattersonPoor, 250, 1000.0 / 3, 4, 150),
    ]

    @Test(arguments: [0, 1, 2])
    func dopplerSpectrumAndDelayProfileAreTheConditions(index: Int) {
        let (kind, low, high, clips, seconds) = Self.cases[index]
        guard let fading = FadingParameters.watterson(kind), let profile = kind.wattersonProfile else {
            Issue.record("\(kind) has no condition")
            return
        }
        let sigma = profile.dopplerSpread / 2
        let blockTime = Double(Self.block) / Self.sampleRate
        // Lags (in blocks) where the Gaussian autocorrelation exp(−2π²σ²τ²) is 1/2 and 1/16.
        let half = max(1, Int((Double.log(2.0) / (2 * Double.pi * Double.pi)).squareRoot() / sigma / blockTime + 0.5))
        var correlation = [Double](repeating: 0, count: 2 * half + 1),
            pairs = [Double](repeating: 0, count: 2 * half + 1)
        var cross = Complex(0, 0), powerLow = 0.0, powerHigh = 0.0
        for clip in 0..<clips {
            let seed = UInt64(1487 + 31 * clip)
            let a = Self.envelope(fading, tone: low, seconds: seconds, seed: seed)
            let b = Self.envelope(fading, tone: high, seconds: seconds, seed: seed)
            for lag in [0, half, 2 * half] {
                for n in 0..<(a.count - lag) {
                    correlation[lag] += a[n].re * a[n + lag].re + a[n].im * a[n + lag].im
                    pairs[lag] += 1
                }
            }
            for n in 0..<min(a.count, b.count) {
                cross = cross + a[n] * Complex(b[n].re, -b[n].im)
                powerLow += a[n].re * a[n].re + a[n].im * a[n].im
                powerHigh += b[n].re * b[n].re + b[n].im * b[n].im
            }
        }
        // Doppler: the measured autocorrelation gives σ; its value at twice the lag checks the
        // Gaussian shape (ρ(2τ) = ρ(τ)⁴; a Lorentzian spectrum would give ρ(τ)²).
        let r0 = correlation[0] / pairs[0]
        let rho1 = correlation[half] / pairs[half] / r0, rho2 = correlation[2 * half] / pairs[2 * half] / r0
        let lagSeconds = Double(half) * blockTime
        let measuredSigma = (-Double.log(rho1) / (2 * Double.pi * Double.pi)).squareRoot() / lagSeconds
        print(
            "\(kind.rawValue): spread 2σ \(2 * measuredSigma) Hz (designed \(profile.dopplerSpread)), ρ(\(lagSeconds) s) \(rho1), ρ(\(2 * lagSeconds) s) \(rho2) vs ρ⁴ \(rho1 * rho1 * rho1 * rho1)"
        )
        // Sampling error of σ from these records is about 5–8 % (more fades in faster conditions,
        // longer records for the slow one); 20 % is about three standard errors.
        #expect(
            abs(measuredSigma / sigma - 1) < 0.2, "\(kind.rawValue): measured σ \(measuredSigma) Hz, designed \(sigma)")
        #expect(abs(rho2 - rho1 * rho1 * rho1 * rho1) < 0.08, "\(kind.rawValue): not Gaussian: \(rho2) vs \(rho1)⁴")
        // Mean power kept (the paths' shares sum to 1) — the carrier's amplitude is the reference.
        #expect(abs(r0 - 1) < 0.25, "\(kind.rawValue): mean faded power \(r0) of the carrier's")

        // Delay profile: the frequency correlation across Δf of two paths with powers P₀, P₁ at
        // delays 0 and τ is C = P₀ + P₁·e^{±j2πΔf·τ}; solving for P₁ and τ measures the profile.
        var c = (1 / (powerLow * powerHigh).squareRoot()) * cross
        if c.im < 0 { c = Complex(c.re, -c.im) }
        let d = Complex(c.re - 1, c.im)
        let theta = 2 * (Double.atan2(y: d.im, x: d.re) - Double.pi / 2)
        let secondPower = d.magnitude / (2 * Double.sin(theta / 2))
        let delay = theta / (2 * Double.pi * (high - low))
        let designed = profile.pathDelays[1]
        print(
            "\(kind.rawValue): second path at \(delay * 1000) ms (designed \(designed * 1000)), power share \(secondPower) (designed 0.5), C = \(c.re) + \(c.im)j"
        )
        #expect(abs(delay / designed - 1) < 0.15, "\(kind.rawValue): second path at \(delay * 1000) ms")
        #expect(abs(secondPower - 0.5) < 0.1, "\(kind.rawValue): second path's share \(secondPower)")
    }
}
