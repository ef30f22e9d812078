import MorseSignal

/// One second-order IIR section, normalised so a0 = 1:
/// `H(z) = (b0 + b1·z⁻¹ + b2·z⁻²) / (1 + a1·z⁻¹ + a2·z⁻²)`.
///
/// Coefficients are designed in Double and run in Float (transposed direct form II), which keeps
/// round-off noise far below 16-bit resolution for the pole radii our filters use.
public struct Biquad: Hashable, Sendable {
    public var b0: Double, b1: Double, b2: Double
    public var a1: Double, a2: Double

    public init(b0: Double, b1: Double, b2: Double, a1: Double, a2: Double) {
        self.b0 = b0; self.b1 = b1; self.b2 = b2
        self.a1 = a1; self.a2 = a2
    }

    /// A section with the two given z-plane poles (a conjugate pair or two real poles) and the
    /// numerator `gain·(1 − z⁻²)`: one zero at DC and one at the Nyquist frequency (band-pass).
    init(bandPassPoles p: Complex, _ q: Complex, gain: Double) {
        let sum = p + q, product = p * q
        self.init(b0: gain, b1: 0, b2: -gain, a1: -sum.re, a2: product.re)
    }

    /// Complex response at `frequency` Hz for `sampleRate`.
    func response(at frequency: Double, sampleRate: Double) -> Complex {
        let w = 2 * Double.pi * frequency / sampleRate
        let z1 = Complex.unit(phase: -w), z2 = Complex.unit(phase: -2 * w)
        let numerator = Complex(b0) + b1 * z1 + b2 * z2
        let denominator = Complex(1) + a1 * z1 + a2 * z2
        return numerator / denominator
    }
}

/// A cascade of biquads run in place over Float audio.
struct BiquadCascade: Sendable {
    let sections: [Biquad]

    /// Filters `buffer` in place from zero state.
    ///
    /// The cascade advances every section once per sample, so the out-of-order core overlaps the
    /// sections' recurrences instead of waiting on one section at a time.
    func process(_ buffer: UnsafeMutableBufferPointer<Float>) {
        guard let base = buffer.baseAddress else { return }
        if sections.count == 3 && sections.allSatisfy({ $0.b1 == 0 }) {
            processThreeBandPass(base, count: buffer.count)
        } else {
            for section in sections { processOne(section, base, count: buffer.count) }
        }
    }

    /// The receiver filter's case: three band-pass sections with b1 = 0, unrolled.
    private func processThreeBandPass(_ x: UnsafeMutablePointer<Float>, count: Int) {
        let (p, q, r) = (sections[0], sections[1], sections[2])
        let pb0 = Float(p.b0), pb2 = Float(p.b2), pa1 = Float(p.a1), pa2 = Float(p.a2)
        let qb0 = Float(q.b0), qb2 = Float(q.b2), qa1 = Float(q.a1), qa2 = Float(q.a2)
        let rb0 = Float(r.b0), rb2 = Float(r.b2), ra1 = Float(r.a1), ra2 = Float(r.a2)
        var p1: Float = 0, p2: Float = 0, q1: Float = 0, q2: Float = 0, r1: Float = 0, r2: Float = 0
        for n in 0..<count {
            let input = x[n]
            let y0 = pb0 * input + p1
            p1 = p2 - pa1 * y0
            p2 = pb2 * input - pa2 * y0
            let y1 = qb0 * y0 + q1
            q1 = q2 - qa1 * y1
            q2 = qb2 * y0 - qa2 * y1
            let y2 = rb0 * y1 + r1
            r1 = r2 - ra1 * y2
            r2 = rb2 * y1 - ra2 * y2
            x[n] = y2
        }
    }

    private func processOne(_ s: Biquad, _ x: UnsafeMutablePointer<Float>, count: Int) {
        let b0 = Float(s.b0), b1 = Float(s.b1), b2 = Float(s.b2), a1 = Float(s.a1), a2 = Float(s.a2)
        var s1: Float = 0, s2: Float = 0
        for n in 0..<count {
            let input = x[n]
            let y = b0 * input + s1
            s1 = b1 * input - a1 * y + s2
            s2 = b2 * input - a2 * y
            x[n] = y
        }
    }

    /// Complex response of the whole cascade.
    func response(at frequency: Double, sampleRate: Double) -> Complex {
        sections.reduce(Complex(1)) { $0 * $1.response(at: frequency, sampleRate: sampleRate) }
    }
}
