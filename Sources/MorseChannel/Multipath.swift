/// Mixing a station's propagation paths into the band: each path is a delayed copy of the keyed
/// tone under its own time-varying complex gain.
///
/// A complex gain `g = gI + j·gQ` on a narrow-band tone is applied as
/// `gI·s(t − τ) + gQ·s(t − τ − T/4)`, where `T/4` is a quarter period of the tone: the delayed copy
/// is the tone's quadrature. So each path changes both amplitude and phase, and paths with
/// different delays and independently wandering phases add and cancel differently at different
/// audio frequencies (selective fading) — never a plain delayed copy. Gains are given at control
/// points every `block` samples and interpolated linearly in between.
enum PathMixer {
    /// Adds `gain(n)·source[n − delay]` for `n` in `range`.
    static func addReal(
        source: UnsafePointer<Float>, delay: Int, gains: UnsafePointer<Float>, block: Int,
        range: Range<Int>, into output: UnsafeMutablePointer<Float>
    ) {
        let inverse = 1 / Float(block)
        var b = range.lowerBound / block
        while b * block < range.upperBound {
            let blockStart = b * block
            let start = max(blockStart, range.lowerBound), end = min(blockStart + block, range.upperBound)
            let g0 = gains[b], slope = (gains[b + 1] - g0) * inverse
            let src = source - delay
            for n in start..<end {
                output[n] += (g0 + slope * Float(n - blockStart)) * src[n]
            }
            b += 1
        }
    }

    /// Adds `gI(n)·s(n − delay) + gQ(n)·s(n − delay − quarter)`, the quadrature read by linear
    /// interpolation, for `n` in `range`.
    static func addComplex(
        source: UnsafePointer<Float>, delay: Int, quarter: Double, gainsRe: UnsafePointer<Float>,
        gainsIm: UnsafePointer<Float>, block: Int, range: Range<Int>, into output: UnsafeMutablePointer<Float>
    ) {
        let inverse = 1 / Float(block)
        let whole = Int(quarter), fraction = Float(quarter - Double(whole))
        let near = 1 - fraction
        let direct = source - delay, quadrature = source - delay - whole
        var b = range.lowerBound / block
        while b * block < range.upperBound {
            let blockStart = b * block
            let start = max(blockStart, range.lowerBound), end = min(blockStart + block, range.upperBound)
            let i0 = gainsRe[b], iSlope = (gainsRe[b + 1] - i0) * inverse
            let q0 = gainsIm[b], qSlope = (gainsIm[b + 1] - q0) * inverse
            for n in start..<end {
                let t = Float(n - blockStart)
                let q = near * quadrature[n] + fraction * quadrature[n - 1]
                output[n] += (i0 + iSlope * t) * direct[n] + (q0 + qSlope * t) * q
            }
            b += 1
        }
    }
}

/// One echo of the wanted station (`advanced_features.multipath`): a path `delay` seconds late,
/// `gain` dB below the main path, whose phase against it turns at `doppler` Hz.
struct EchoPath: Sendable {
    var delay: Double
    var gain: Double
    var doppler: Double
    var phase: Double
}
