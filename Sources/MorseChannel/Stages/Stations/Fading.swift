import MorseSignal
import RealModule

/// The kinds of fading (QSB) a path can show.
public enum FadingKind: String, CaseIterable, Codable, Sendable {
    /// No fading.
    case none
    /// Slow sinusoidal QSB: the amplitude swings between 1 and `1 − depth` at `rate` Hz.
    case slow
    /// Rayleigh-like random fading: a complex Gaussian gain with a Gaussian Doppler spectrum whose
    /// frequency spread (2σ, as in the Watterson/ITU-R F.1487 model) is `rate` Hz; `depth` is the
    /// diffuse share of the power (1 = pure Rayleigh, less = Rician with a steady component).
    case rayleigh
    /// Flutter (aurora, aircraft scatter): the same random fading with a spread of 3–30 Hz.
    case fast
    /// Selective fading: two or more paths with delays `pathDelays`, each fading independently
    /// like ``rayleigh``, so the fades differ from one audio frequency to another.
    case selective
    /// The Watterson model (ITU-R F.1487) under CCIR 520's *good* conditions (F.1487's
    /// mid-latitude quiet): two equal-power Rayleigh paths 0.5 ms apart, spread 0.1 Hz. The
    /// parameters are the condition's (``wattersonProfile``), never drawn.
    case wattersonGood = "watterson_good"
    /// The Watterson model under *moderate* conditions (mid-latitude moderate): 1 ms, 0.5 Hz.
    case wattersonModerate = "watterson_moderate"
    /// The Watterson model under *poor* conditions (mid-latitude disturbed): 2 ms, 1 Hz.
    case wattersonPoor = "watterson_poor"
}

/// How one station's signal fades.
public struct FadingParameters: Hashable, Sendable, Codable {
    public var kind: FadingKind
    /// Sinusoid frequency (``FadingKind/slow``) or Doppler spread (random kinds), in Hz.
    public var rate: Double
    /// 0 … 1; see ``FadingKind`` for its meaning per kind.
    public var depth: Double
    /// Delays of the paths in seconds, the first normally 0 (``FadingKind/selective`` only).
    public var pathDelays: [Double]

    public init(kind: FadingKind, rate: Double = 0, depth: Double = 0, pathDelays: [Double] = []) {
        self.kind = kind
        self.rate = rate
        self.depth = depth
        self.pathDelays = pathDelays
    }

    /// No fading at all.
    public static let none = FadingParameters(kind: .none)

    /// Range of flutter spreads in Hz for ``FadingKind/fast``.
    public static let flutterRates: ClosedRange<Double> = 3...30

    /// Longest path delay the chain renders, in seconds (longer delays are clamped).
    public static let maximumPathDelay = 0.020

    /// True when the gain never exceeds 1 (no fading or sinusoidal QSB).
    public var neverExceedsUnity: Bool { kind == .none || kind == .slow }
}

/// A zero-mean complex Gaussian process with unit power and a Gaussian Doppler spectrum.
///
/// White complex deviates at a process rate are convolved with a sampled Gaussian kernel
/// `exp(−t²/2s²)`; the output's autocorrelation is `exp(−τ²/4s²) = exp(−2π²σ²τ²)` and its power
/// spectrum a Gaussian of standard deviation `σ = 1/(2√2·π·s)`, with σ = spread/2. The kernel
/// spans ±3s; the process is sampled every s/3 and linearly interpolated to the control points.
struct GaussianFadingProcess {
    /// Doppler spread 2σ in Hz.
    let spread: Double

    /// Autocorrelation of the model at lag `tau` seconds.
    static func autocorrelation(spread: Double, lag tau: Double) -> Double {
        let sigma = spread / 2
        return Double.exp(-2 * Double.pi * Double.pi * sigma * sigma * tau * tau)
    }

    /// Writes `count` complex gains at times `k·interval` s (k = 0 …) into `re`/`im`.
    ///
    /// `work` must hold at least ``workSize(count:interval:)`` Doubles.
    func generate(
        count: Int, interval: Double, re: UnsafeMutablePointer<Float>, im: UnsafeMutablePointer<Float>,
        work: UnsafeMutablePointer<Double>, random: inout FastRandom
    ) {
        let (step, halfWidth) = Self.grid(spread: spread)
        let duration = Double(count) * interval
        let values = Int((duration / step.seconds).rounded(.up)) + 2
        let whites = values + 2 * halfWidth
        // work: [white re | white im | value re | value im | kernel]
        let wr = work, wi = work + whites, vr = work + 2 * whites, vi = work + 2 * whites + values
        let kernel = vi + values, taps = 2 * halfWidth + 1
        var energy = 0.0
        for k in 0..<taps {
            let t = Double(k - halfWidth) * step.sPerStep
            kernel[k] = Double.exp(-t * t / 2)
            energy += kernel[k] * kernel[k]
        }
        let norm = 1 / energy.squareRoot()
        let zig = Ziggurat.shared
        let half = (0.5).squareRoot()
        for i in 0..<whites {
            wr[i] = Double(zig.next(random: &random)) * half
            wi[i] = Double(zig.next(random: &random)) * half
        }
        for j in 0..<values {
            var sr = 0.0, si = 0.0
            for k in 0..<taps {
                sr += kernel[k] * wr[j + k]
                si += kernel[k] * wi[j + k]
            }
            vr[j] = sr * norm
            vi[j] = si * norm
        }
        let stepsPerControl = interval / step.seconds
        for k in 0..<count {
            let position = Double(k) * stepsPerControl
            let index = min(Int(position), values - 2)
            let fraction = position - Double(index)
            re[k] = Float(vr[index] + (vr[index + 1] - vr[index]) * fraction)
            im[k] = Float(vi[index] + (vi[index + 1] - vi[index]) * fraction)
        }
    }

    /// Doubles of work space `generate` needs.
    static func workSize(count: Int, interval: Double, spread: Double) -> Int {
        let (step, halfWidth) = grid(spread: spread)
        let values = Int((Double(count) * interval / step.seconds).rounded(.up)) + 2
        return 2 * (values + 2 * halfWidth) + 2 * values + 2 * halfWidth + 1
    }

    /// Process step (seconds and in units of s) and kernel half-width in steps.
    private static func grid(spread: Double) -> (step: (seconds: Double, sPerStep: Double), halfWidth: Int) {
        let sigma = max(spread, 1e-4) / 2
        let s = 1 / (2 * (2.0).squareRoot() * Double.pi * sigma)
        return ((s / 3, 1.0 / 3), 9)  // ±3 s
    }
}
