/// The spectrum of the band noise.
public enum NoiseColour: String, CaseIterable, Codable, Sendable {
    /// Flat density: the usual receiver-noise-limited band.
    case white
    /// Density falling 3 dB per octave (1/f) from about 15 Hz to 4 kHz: atmospheric-noise-like,
    /// heavier at low audio frequencies.
    case pink
}

/// Gaussian band noise at the antenna, scaled so its power in the 500 Hz reference band centred
/// on the wanted tone is exactly the requested value.
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

    /// Writes the noise into `count` samples at `buffer` (overwriting them).
    func fill(into buffer: UnsafeMutablePointer<Float>, count: Int, random: inout FastRandom) {
        switch colour {
        case .white:
            Ziggurat.shared.fill(scale: Float(scale), into: buffer, count: count, random: &random)
        case .pink:
            pinking.fill(scale: Float(scale), into: buffer, count: count, random: &random)
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
            let fp = 10 * pow(10, Double(i) / 2)
            let fz = fp * pow(10, 0.25)
            guard fz < 0.45 * sampleRate else { break }
            poles[i] = exp(-2 * Double.pi * fp / sampleRate)
            zeros[i] = exp(-2 * Double.pi * fz / sampleRate)
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

    private static func rawPowerGain(at frequency: Double, poles: [Double], zeros: [Double], sampleRate: Double) -> Double {
        // |1 − c·e^{−jw}|² = 1 − 2c·cos w + c²
        let cw = cos(2 * Double.pi * frequency / sampleRate)
        var gain = 1.0
        for (p, z) in zip(poles, zeros) {
            gain *= (1 - 2 * z * cw + z * z) / (1 - 2 * p * cw + p * p)
        }
        return gain
    }

    /// Writes `scale`·pink noise into `count` samples: white deviates through the cascade.
    func fill(scale: Float, into buffer: UnsafeMutablePointer<Float>, count: Int, random: inout FastRandom) {
        Ziggurat.shared.fill(scale: scale * Float(normalisation), into: buffer, count: count, random: &random)
        // All six sections advance per sample so their recurrences overlap.
        let p = poles.map(Float.init), z = zeros.map(Float.init)
        let (p0, p1, p2, p3, p4, p5) = (p[0], p[1], p[2], p[3], p[4], p[5])
        let (z0, z1, z2, z3, z4, z5) = (z[0], z[1], z[2], z[3], z[4], z[5])
        var (x0, x1, x2, x3, x4, x5): (Float, Float, Float, Float, Float, Float) = (0, 0, 0, 0, 0, 0)
        var (y0, y1, y2, y3, y4, y5): (Float, Float, Float, Float, Float, Float) = (0, 0, 0, 0, 0, 0)
        for n in 0..<count {
            let x = buffer[n]
            let a = x - z0 * x0 + p0 * y0; x0 = x; y0 = a
            let b = a - z1 * x1 + p1 * y1; x1 = a; y1 = b
            let c = b - z2 * x2 + p2 * y2; x2 = b; y2 = c
            let d = c - z3 * x3 + p3 * y3; x3 = c; y3 = d
            let e = d - z4 * x4 + p4 * y4; x4 = d; y4 = e
            let f = e - z5 * x5 + p5 * y5; x5 = e; y5 = f
            buffer[n] = f
        }
    }
}
