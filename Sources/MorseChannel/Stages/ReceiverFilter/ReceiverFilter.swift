import MorseSignal
import RealModule

/// The receiver's IF/audio selectivity.
public enum ReceiverFilterKind: String, CaseIterable, Codable, Sendable {
    /// 250 Hz wide, centred on the wanted tone.
    case cwNarrow = "cw_narrow"
    /// 500 Hz wide, centred on the wanted tone.
    case cwWide = "cw_wide"
    /// The SSB voice passband, 300–2700 Hz, whatever the tone.
    case ssb

    /// The −3 dB edges in Hz for a wanted tone at `centre` Hz.
    public func edges(centre: Double) -> (low: Double, high: Double) {
        switch self {
        case .cwNarrow: (centre - 125, centre + 125)
        case .cwWide: (centre - 250, centre + 250)
        case .ssb: (300, 2700)
        }
    }
}

/// A 6th-order Butterworth band-pass filter designed by the bilinear transform.
///
/// The analog prototype is a 3rd-order Butterworth low-pass mapped to a band-pass between the
/// pre-warped −3 dB edges, so the digital response is exactly
/// `|H(f)|² = 1 / (1 + Ω⁶)` with `Ω = (w² − w₀²) / (w·B)`, `w = Double.tan(πf/fs)`,
/// `B = w_high − w_low`, `w₀² = w_low·w_high` (see ``designGain(at:)``). Its skirt falls at
/// 18 dB per octave of Ω, and its narrow versions ring on impulses like a real CW filter.
public struct ReceiverFilter: Sendable {
    public let kind: ReceiverFilterKind
    /// Lower −3 dB edge in Hz.
    public let lowEdge: Double
    /// Upper −3 dB edge in Hz.
    public let highEdge: Double
    /// Samples per second.
    public let sampleRate: Double
    /// Order of the low-pass prototype (the band-pass has twice this order).
    public static let prototypeOrder = 3

    let cascade: BiquadCascade

    /// The filter of `kind` for a wanted tone at `centre` Hz.
    public init(kind: ReceiverFilterKind, centre: Double, sampleRate: Double) {
        let edges = kind.edges(centre: centre)
        self.init(kind: kind, lowEdge: edges.low, highEdge: edges.high, sampleRate: sampleRate)
    }

    /// A band-pass between two −3 dB edges in Hz (clamped to 20 Hz … 0.45·fs).
    public init(kind: ReceiverFilterKind, lowEdge: Double, highEdge: Double, sampleRate: Double) {
        let low = max(20, min(lowEdge, 0.45 * sampleRate - 40))
        let high = max(low + 20, min(highEdge, 0.45 * sampleRate))
        self.kind = kind
        self.lowEdge = low
        self.highEdge = high
        self.sampleRate = sampleRate
        cascade = Self.design(low: low, high: high, sampleRate: sampleRate)
    }

    /// The geometric centre in Hz, where the gain is exactly 1.
    public var designCentre: Double {
        let w0 = (prewarp(lowEdge) * prewarp(highEdge)).squareRoot()
        return Double.atan(w0) * sampleRate / Double.pi
    }

    /// The biquad sections, for inspection.
    public var sections: [Biquad] { cascade.sections }

    /// The design's magnitude response (linear) at `frequency` Hz, from the closed form.
    public func designGain(at frequency: Double) -> Double {
        designGain(at: frequency, wl: prewarp(lowEdge), wh: prewarp(highEdge))
    }

    /// ``designGain(at:)`` with the pre-warped edges given (one `tan` per call, not three).
    private func designGain(at frequency: Double, wl: Double, wh: Double) -> Double {
        let w = prewarp(min(max(frequency, 1e-6), sampleRate / 2 - 1e-6))
        let omega = (w * w - wl * wh) / (w * (wh - wl))
        return 1 / (1 + Double.pow(omega * omega, Double(Self.prototypeOrder))).squareRoot()
    }

    /// The implemented sections' magnitude response (linear) at `frequency` Hz.
    public func gain(at frequency: Double) -> Double {
        cascade.response(at: frequency, sampleRate: sampleRate).magnitude
    }

    /// Filters `buffer` in place, starting from rest.
    public func process(_ buffer: UnsafeMutableBufferPointer<Float>) {
        cascade.process(buffer)
    }

    /// Samples after which the filter has forgotten its state to below 1e-9 (its slowest pole).
    var memory: Int {
        let radius = sections.map { abs($0.a2).squareRoot() }.max() ?? 0
        guard radius > 0, radius < 1 else { return 0 }
        return Int((Double.log(1e-9) / Double.log(radius)).rounded(.up)) + 16
    }

    /// Filters `count` samples at `buffer` in place, eight segments in parallel (see
    /// ``LaneRunner``); `buffer` must be readable (zeros) from `buffer − memory` and writable to
    /// `buffer + count + 8`. Equal to ``process(_:)`` to within Float rounding.
    func processInLanes(_ buffer: UnsafeMutablePointer<Float>, count: Int, available: Int) {
        guard sections.count == 3, sections.allSatisfy({ $0.b1 == 0 }) else {
            cascade.process(UnsafeMutableBufferPointer(start: buffer, count: count))
            return
        }
        var lanes = BandPassLanes(sections)
        LaneRunner.run(&lanes, buffer, count: count, warmUp: min(memory, available))
    }

    /// Power gain integrated over `0 … fs/2` against a one-sided noise density `density(f)`:
    /// the noise power at the filter's output, by the trapezoidal rule on a fine grid.
    func outputPower(density: (Double) -> Double) -> Double {
        // Integrate finely over the passband and skirts, coarsely elsewhere.
        let span = highEdge - lowEdge
        let nearLow = max(0, lowEdge - 3 * span), nearHigh = min(sampleRate / 2, highEdge + 3 * span)
        let wl = prewarp(lowEdge), wh = prewarp(highEdge)
        func integrate(_ a: Double, _ b: Double, steps: Int) -> Double {
            guard b > a else { return 0 }
            let h = (b - a) / Double(steps)
            var total = 0.0
            for i in 0...steps {
                let f = a + Double(i) * h
                let g = designGain(at: f, wl: wl, wh: wh)
                let weight = (i == 0 || i == steps) ? 0.5 : 1
                total += weight * g * g * density(f)
            }
            return total * h
        }
        return integrate(0, nearLow, steps: 100) + integrate(nearLow, nearHigh, steps: 500)
            + integrate(nearHigh, sampleRate / 2, steps: 100)
    }

    private func prewarp(_ f: Double) -> Double { Double.tan(Double.pi * f / sampleRate) }

    /// Bilinear-transform design: prototype poles → band-pass poles (s-plane) → z-plane pairs.
    private static func design(low: Double, high: Double, sampleRate: Double) -> BiquadCascade {
        let n = prototypeOrder
        let wl = Double.tan(Double.pi * low / sampleRate), wh = Double.tan(Double.pi * high / sampleRate)
        let bandwidth = wh - wl, w0squared = wl * wh
        func toZ(_ s: Complex) -> Complex { (Complex(1) + s) / (Complex(1) - s) }
        func bandPassRoots(_ p: Complex) -> (Complex, Complex) {
            // s² − p·B·s + w0² = 0
            let pb = bandwidth * p
            let disc = (pb * pb - Complex(4 * w0squared)).squareRoot
            return (0.5 * (pb + disc), 0.5 * (pb - disc))
        }
        var pairs: [(Complex, Complex)] = []
        for k in 0..<n {
            let p = Complex.unit(phase: Double.pi * Double(2 * k + n + 1) / Double(2 * n))
            if p.im > 1e-12 {
                // Upper-half prototype pole: its two band-pass poles each pair with their conjugates.
                let (a, b) = bandPassRoots(p)
                pairs.append((toZ(a), toZ(a).conjugate))
                pairs.append((toZ(b), toZ(b).conjugate))
            } else if abs(p.im) <= 1e-12 {
                let (a, b) = bandPassRoots(Complex(p.re))
                pairs.append((toZ(a), toZ(b)))
            }
        }
        // Unity gain at the geometric centre, section by section (keeps Float levels sane).
        let centre = Double.atan(w0squared.squareRoot()) * sampleRate / Double.pi
        let sections = pairs.map { pair -> Biquad in
            let unscaled = Biquad(bandPassPoles: pair.0, pair.1, gain: 1)
            let g = unscaled.response(at: centre, sampleRate: sampleRate).magnitude
            return Biquad(bandPassPoles: pair.0, pair.1, gain: 1 / g)
        }
        return BiquadCascade(sections: sections)
    }
}
