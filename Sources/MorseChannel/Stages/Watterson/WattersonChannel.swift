import MorseSignal
import RealModule

/// The Watterson HF channel (Watterson, Juroshek and Bensema 1970; ITU-R F.1487): a station's
/// audio-band signal through two or more independently Rayleigh-fading paths.
///
/// Each path `p` delays the signal by `τₚ` and multiplies its analytic form by a complex tap gain
/// `gₚ(t)`: zero-mean complex Gaussian noise whose power spectrum is Gaussian with standard
/// deviation σ = spread / 2 (F.1487's 2σ definition) and whose mean power is the path's share. So
/// `y(t) = Σₚ Re{gₚ(t)·(x + j·x̂)(t − τₚ)} = Σₚ gIₚ·x(t − τₚ) − gQₚ·x̂(t − τₚ)`, with `x̂` the
/// Hilbert transform of the real input (a zero-phase, Blackman-windowed FIR that is exact from
/// ``lowestFrequency`` up to near fs/2).
///
/// Tap gains are white complex Gaussian deviates every `Δ ≤ s/3` seconds convolved with the kernel
/// `exp(−t²/2s²)`, `s = 1/(2√2·π·σ)` (autocorrelation `exp(−2π²σ²τ²)`), interpolated linearly
/// between those control points. Gains have mean power 1 per path times the path's share, so the
/// channel keeps the average power of its input. Every call of
/// ``apply(_:into:using:)`` is one independent realisation drawn from the caller's generator; the
/// work space grows only when a longer buffer comes in, so steady use allocates nothing.
public struct WattersonChannel: Sendable {
    public let profile: WattersonProfile
    /// Samples per second of the buffers this channel processes.
    public let sampleRate: Double
    /// Lowest audio frequency (Hz) at which the quadrature is accurate (the Hilbert FIR's length).
    public let lowestFrequency: Double

    /// Path delays in samples.
    let delays: [Int]
    /// Amplitude (square root of the power share) of each path.
    let amplitudes: [Float]
    /// Samples between two gain control points.
    let controlInterval: Int
    /// Gaussian kernel over the control grid, scaled so its output has unit variance.
    let kernel: [Double]
    /// Hilbert FIR taps `2/(πk)·w(k)` for odd k = 1, 3, 5 … (index (k − 1) / 2).
    let hilbert: [Float]

    private var quadrature: [Float] = []
    private var gainsRe: [Float] = []
    private var gainsIm: [Float] = []
    private var white: [Double] = []

    /// A channel for `profile` at `sampleRate` Hz, with work space for `capacity` samples.
    public init(profile: WattersonProfile, sampleRate: Double, lowestFrequency: Double = 150, capacity: Int = 0) {
        self.profile = profile
        // Values a validated config never holds still give a defined, finite channel here:
        // delays within 0…maximumDelay, powers and spread ≥ 0, a usable rate and FIR length.
        let sampleRate = sampleRate.isFinite && sampleRate >= 1 ? sampleRate : 8000
        let lowestFrequency = lowestFrequency.isFinite && lowestFrequency >= 1 ? lowestFrequency : 150
        self.sampleRate = sampleRate
        self.lowestFrequency = lowestFrequency
        delays = profile.pathDelays.map { delay in
            let seconds = delay.isFinite ? min(max(delay, 0), Self.maximumDelay) : 0
            return Int((seconds * sampleRate).rounded())
        }
        amplitudes = profile.pathPowers.map { $0.isFinite && $0 > 0 ? Float($0.squareRoot()) : 0 }
        let spread = profile.dopplerSpread.isFinite ? max(0, profile.dopplerSpread) : 0
        if spread > 0 {
            let s = Self.kernelWidth(spread: spread)
            let interval = max(1, Int(s / 3 * sampleRate))
            let step = Double(interval) / sampleRate
            let halfWidth = Int((3 * s / step).rounded(.up))
            var taps = (-halfWidth...halfWidth).map { k -> Double in
                let t = Double(k) * step
                return Double.exp(-t * t / (2 * s * s))
            }
            let norm = 1 / taps.reduce(0) { $0 + $1 * $1 }.squareRoot()
            taps = taps.map { $0 * norm }
            controlInterval = interval
            kernel = taps
        } else {
            controlInterval = max(1, Int(sampleRate))
            kernel = [1]
        }
        let reach = max(1, Int(2 * sampleRate / max(lowestFrequency, 1)))
        hilbert = stride(from: 1, through: reach, by: 2).map { k -> Float in
            // Blackman window over the full length 2·reach + 1, centred on 0.
            let x = Double(k + reach) / Double(2 * reach)
            let window: Double = 0.42 - 0.5 * Double.cos(2 * Double.pi * x) + 0.08 * Double.cos(4 * Double.pi * x)
            return Float(2 / (Double.pi * Double(k)) * window)
        }
        white = Array(repeating: 0, count: 2 * kernel.count)
        reserve(capacity)
    }

    /// Longest path delay rendered, in seconds (F.1487's longest is 7 ms).
    public static let maximumDelay = 0.05

    /// The kernel width `s` (seconds) that gives a Gaussian Doppler spectrum of 2σ = `spread` Hz.
    static func kernelWidth(spread: Double) -> Double {
        1 / (2 * (2.0).squareRoot() * Double.pi * (spread / 2))
    }

    /// Grows the work space to `sampleCount` samples (the only place that allocates).
    public mutating func reserve(_ sampleCount: Int) {
        let points = sampleCount / controlInterval + 2
        if quadrature.count < sampleCount { quadrature = Array(repeating: 0, count: sampleCount) }
        let gains = points * delays.count
        if gainsRe.count < gains {
            gainsRe = Array(repeating: 0, count: gains)
            gainsIm = Array(repeating: 0, count: gains)
        }
    }

    /// Writes the faded signal of `input` into `output` (same length; `output` is overwritten).
    public mutating func apply(
        _ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>,
        using rng: inout some RandomNumberGenerator
    ) {
        let count = min(input.count, output.count)
        guard count > 0, let x = input.baseAddress, let y = output.baseAddress else { return }
        reserve(count)
        var random = FastRandom(seededFrom: &rng)
        let points = count / controlInterval + 2
        fillGains(points: points, random: &random)
        let taps = hilbert, delays = self.delays, amplitudes = self.amplitudes, block = controlInterval
        quadrature.withUnsafeMutableBufferPointer { q in
            guard let q = q.baseAddress else { return }
            Self.hilbertTransform(x, count: count, taps: taps, into: q)
            y.update(repeating: 0, count: count)
            gainsRe.withUnsafeBufferPointer { re in
                gainsIm.withUnsafeBufferPointer { im in
                    guard let re = re.baseAddress, let im = im.baseAddress else { return }
                    for path in 0..<delays.count {
                        Self.addPath(
                            x, q, count: count, delay: delays[path], amplitude: amplitudes[path], block: block,
                            gainsRe: re + path * points, gainsIm: im + path * points, into: y)
                    }
                }
            }
        }
    }

    /// The faded signal of `input` (allocates the result; for tools and tests).
    public mutating func apply(_ input: [Float], using rng: inout some RandomNumberGenerator) -> [Float] {
        var output = [Float](repeating: 0, count: input.count)
        input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { apply(source, into: $0, using: &rng) }
        }
        return output
    }

    /// The complex tap gains of every path at `points` control points (spaced
    /// ``controlInterval`` samples), scaled by the paths' amplitudes, for one realisation.
    mutating func tapGains(points: Int, using rng: inout some RandomNumberGenerator) -> [(re: [Float], im: [Float])] {
        if gainsRe.count < points * delays.count {
            gainsRe = Array(repeating: 0, count: points * delays.count)
            gainsIm = Array(repeating: 0, count: points * delays.count)
        }
        var random = FastRandom(seededFrom: &rng)
        fillGains(points: points, random: &random)
        return (0..<delays.count).map { path in
            let range = (path * points)..<((path + 1) * points)
            let a = amplitudes[path]
            return (gainsRe[range].map { $0 * a }, gainsIm[range].map { $0 * a })
        }
    }

    /// Unit-power Gaussian-spectrum gains of every path at `points` control points into the
    /// gain scratch (path-major); frozen gains when the spread is 0.
    private mutating func fillGains(points: Int, random: inout FastRandom) {
        let zig = Ziggurat.shared
        let half = (0.5).squareRoot()
        let taps = kernel.count
        for path in 0..<delays.count {
            let base = path * points
            // A ring of `taps` white complex deviates: re at 2i, im at 2i + 1.
            for i in 0..<(2 * taps) { white[i] = Double(zig.next(random: &random)) * half }
            var oldest = 0
            for point in 0..<points {
                var sr = 0.0, si = 0.0
                for k in 0..<taps {
                    let slot = (oldest + k) % taps
                    sr += kernel[k] * white[2 * slot]
                    si += kernel[k] * white[2 * slot + 1]
                }
                gainsRe[base + point] = Float(sr)
                gainsIm[base + point] = Float(si)
                if taps > 1 {
                    white[2 * oldest] = Double(zig.next(random: &random)) * half
                    white[2 * oldest + 1] = Double(zig.next(random: &random)) * half
                    oldest = (oldest + 1) % taps
                }
            }
        }
    }

    /// `q[n] = Σ_{k odd} h_k·(x[n − k] − x[n + k])`, with x = 0 outside the buffer (zero phase).
    static func hilbertTransform(
        _ x: UnsafePointer<Float>, count: Int, taps: [Float], into q: UnsafeMutablePointer<Float>
    ) {
        taps.withUnsafeBufferPointer { h in
            let reach = 2 * h.count - 1
            for n in 0..<count {
                var sum: Float = 0
                if n >= reach && n + reach < count {
                    var j = 0
                    while j < h.count {
                        let k = 2 * j + 1
                        sum += h[j] * (x[n - k] - x[n + k])
                        j += 1
                    }
                } else {
                    for j in 0..<h.count {
                        let k = 2 * j + 1
                        let before = n - k >= 0 ? x[n - k] : 0
                        let after = n + k < count ? x[n + k] : 0
                        sum += h[j] * (before - after)
                    }
                }
                q[n] = sum
            }
        }
    }

    /// Adds `a·(gI(n)·x[n − d] − gQ(n)·q[n − d])` for every n, gains interpolated between control points.
    private static func addPath(
        _ x: UnsafePointer<Float>, _ q: UnsafePointer<Float>, count: Int, delay: Int, amplitude: Float, block: Int,
        gainsRe: UnsafePointer<Float>, gainsIm: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>
    ) {
        guard delay < count, amplitude > 0 else { return }
        let inverse = 1 / Float(block)
        var n = delay
        while n < count {
            let b = n / block
            let end = min(count, (b + 1) * block)
            let iSlope = (gainsRe[b + 1] - gainsRe[b]) * inverse, qSlope = (gainsIm[b + 1] - gainsIm[b]) * inverse
            let offset = Float(n - b * block)
            var gI = (gainsRe[b] + iSlope * offset) * amplitude
            var gQ = (gainsIm[b] + qSlope * offset) * amplitude
            let stepI = iSlope * amplitude, stepQ = qSlope * amplitude
            for m in n..<end {
                y[m] += gI * x[m - delay] - gQ * q[m - delay]
                gI += stepI
                gQ += stepQ
            }
            n = end
        }
    }
}
