import MorseSignal
import RealModule

/// The spectrum of the band noise.
public enum NoiseColour: String, CaseIterable, Codable, Sendable {
    /// Flat density: the usual receiver-noise-limited band.
    case white
    /// Density falling 3 dB per octave (1/f) from about 15 Hz to 4 kHz: atmospheric-noise-like,
    /// heavier at low audio frequencies.
    case pink
}

/// Band noise at the antenna (Gaussian after the receiver filter; see ``UniformSumNoise``),
/// scaled so its power in the 500 Hz reference band centred on the wanted tone is exactly the
/// requested value.
///
/// White noise of variance σ² at sample rate fs has power `σ²·B/(fs/2)` in any band of B Hz.
/// Pink noise is white noise through a fixed pole–zero "pinking" cascade; its power in a band is
/// the integral of that cascade's exact response, so both reference bandwidths stay exact.
struct BandNoise: Sendable {
    let colour: NoiseColour
    let sampleRate: Double
    /// Standard deviation of the white deviates fed to the generator (before pinking).
    let scale: Double
    let pinking: PinkingFilter

    /// Noise whose power in `referenceBand` is `power` (full-scale units²).
    init(colour: NoiseColour, power: Double, referenceBand: ClosedRange<Double>, sampleRate: Double) {
        self.colour = colour
        self.sampleRate = sampleRate
        pinking = PinkingFilter(sampleRate: sampleRate)
        let unitPower = Self.unitPower(colour: colour, pinking: pinking, band: referenceBand, sampleRate: sampleRate)
        scale = (power / unitPower).squareRoot()
    }

    /// One-sided power spectral density in units²/Hz at `frequency`.
    func density(at frequency: Double) -> Double {
        let white = scale * scale * 2 / sampleRate
        return colour == .white ? white : white * pinking.powerGain(at: frequency)
    }

    /// Noise power in a band of frequencies in Hz.
    func power(in band: ClosedRange<Double>) -> Double {
        scale * scale * Self.unitPower(colour: colour, pinking: pinking, band: band, sampleRate: sampleRate)
    }

    /// Samples of zeros the generator needs readable before `buffer` (pink noise runs in lanes).
    var memory: Int { colour == .pink ? pinking.memory : 0 }

    /// Writes the noise into `count` samples at `buffer` (overwriting them). For pink noise,
    /// ``memory`` zeros must be readable before `buffer` and 8 samples writable after the end.
    func fill(into buffer: UnsafeMutablePointer<Float>, count: Int, available: Int, random: inout FastRandom) {
        switch colour {
        case .white:
            UniformSumNoise.fill(scale: Float(scale), into: buffer, count: count, random: &random)
        case .pink:
            pinking.fill(scale: Float(scale), into: buffer, count: count, available: available, random: &random)
        }
    }

    /// Power in `band` of unit-variance white noise, pinked or not.
    private static func unitPower(
        colour: NoiseColour, pinking: PinkingFilter, band: ClosedRange<Double>, sampleRate: Double
    ) -> Double {
        let width = band.upperBound - band.lowerBound
        switch colour {
        case .white:
            return width / (sampleRate / 2)
        case .pink:
            // Simpson's rule; the response is smooth over any band.
            let steps = 400
            let h = width / Double(steps)
            var total = 0.0
            for i in 0...steps {
                let weight: Double = (i == 0 || i == steps) ? 1 : (i % 2 == 1 ? 4 : 2)
                total += weight * pinking.powerGain(at: band.lowerBound + Double(i) * h)
            }
            return total * h / 3 * 2 / sampleRate
        }
    }

    /// The band of `width` Hz centred on `centre`, slid (keeping its width) to lie within
    /// 0 … fs/2 when it would cross either end. For a 700 Hz tone the 2500 Hz band is 0–2500 Hz.
    static func referenceBand(centre: Double, width: Double, sampleRate: Double) -> ClosedRange<Double> {
        let nyquist = sampleRate / 2
        guard width < nyquist else { return 0...nyquist }
        var low = centre - width / 2
        low = min(max(low, 0), nyquist - width)
        return low...(low + width)
    }
}

/// First-order pole–zero sections approximating a 1/f power slope (−3 dB per octave).
///
/// Poles at 10·√10ⁱ Hz and zeros a quarter-decade above each pole (matched z-transform) give a
/// ripple of a fraction of a dB; the exact response, not the ideal slope, defines the noise power.
struct PinkingFilter: Sendable {
    let sampleRate: Double
    let poles: [Double]
    let zeros: [Double]
    /// Makes the power gain 1 at 1 kHz.
    let normalisation: Double

    init(sampleRate: Double) {
        self.sampleRate = sampleRate
        // Always six sections; those above 0.45·fs are identities (pole and zero at 0).
        var poles = [Double](repeating: 0, count: 6), zeros = [Double](repeating: 0, count: 6)
        for i in 0..<6 {
            let fp = 10 * Double.pow(10, Double(i) / 2)
            let fz = fp * Double.pow(10, 0.25)
            guard fz < 0.45 * sampleRate else { break }
            poles[i] = Double.exp(-2 * Double.pi * fp / sampleRate)
            zeros[i] = Double.exp(-2 * Double.pi * fz / sampleRate)
        }
        self.poles = poles
        self.zeros = zeros
        normalisation = 1 / Self.rawPowerGain(at: 1000, poles: poles, zeros: zeros, sampleRate: sampleRate).squareRoot()
    }

    /// |H(f)|² of the normalised cascade.
    func powerGain(at frequency: Double) -> Double {
        normalisation * normalisation
            * Self.rawPowerGain(at: frequency, poles: poles, zeros: zeros, sampleRate: sampleRate)
    }

    private static func rawPowerGain(at frequency: Double, poles: [Double], zeros: [Double], sampleRate: Double)
        -> Double
    {
        // |1 − c·e^{−jw}|² = 1 − 2c·cos w + c²
        let cw = Double.cos(2 * Double.pi * frequency / sampleRate)
        var gain = 1.0
        for (p, z) in zip(poles, zeros) {
            gain *= (1 - 2 * z * cw + z * z) / (1 - 2 * p * cw + p * p)
        }
        return gain
    }

    /// Samples after which the cascade has forgotten its state to below 1e-9.
    var memory: Int {
        let radius = poles.max() ?? 0
        guard radius > 0, radius < 1 else { return 0 }
        return Int((Double.log(1e-9) / Double.log(radius)).rounded(.up)) + 16
    }

    /// Writes `scale`·pink noise into `count` samples: white deviates through the cascade (run
    /// in lanes, so `buffer` needs ``memory`` readable zeros before it and 8 samples after).
    func fill(
        scale: Float, into buffer: UnsafeMutablePointer<Float>, count: Int, available: Int, random: inout FastRandom
    ) {
        UniformSumNoise.fill(scale: scale * Float(normalisation), into: buffer, count: count, random: &random)
        var lanes = PinkingLanes(poles: poles, zeros: zeros)
        LaneRunner.run(&lanes, buffer, count: count, warmUp: min(memory, available))
    }
}

/// The six pinking sections, eight lanes wide.
struct PinkingLanes: LaneRecursion {
    let p: (Float, Float, Float, Float, Float, Float)
    let z: (Float, Float, Float, Float, Float, Float)
    var x = (SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>())
    var y = (SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>())

    init(poles: [Double], zeros: [Double]) {
        let p = poles.map(Float.init), z = zeros.map(Float.init)
        self.p = (p[0], p[1], p[2], p[3], p[4], p[5])
        self.z = (z[0], z[1], z[2], z[3], z[4], z[5])
    }

    @inline(__always)
    mutating func step(_ input: SIMD8<Float>) -> SIMD8<Float> {
        let a = input - z.0 * x.0 + p.0 * y.0; x.0 = input; y.0 = a
        let b = a - z.1 * x.1 + p.1 * y.1; x.1 = a; y.1 = b
        let c = b - z.2 * x.2 + p.2 * y.2; x.2 = b; y.2 = c
        let d = c - z.3 * x.3 + p.3 * y.3; x.3 = c; y.3 = d
        let e = d - z.4 * x.4 + p.4 * y.4; x.4 = d; y.4 = e
        let f = e - z.5 * x.5 + p.5 * y.5; x.5 = e; y.5 = f
        return f
    }
}
