import MorseSignal

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
        let src = source - delay
        VectorMath.ramp.withUnsafeBufferPointer { ramp in
            var b = range.lowerBound / block
            while b * block < range.upperBound {
                let blockStart = b * block
                let start = max(blockStart, range.lowerBound), end = min(blockStart + block, range.upperBound)
                let slope = (gains[b + 1] - gains[b]) * inverse
                let g0 = gains[b] + slope * Float(start - blockStart)
                let out = output + start, input = src + start
                let count = end - start
                var g = g0 + slope * SIMD4<Float>(0, 1, 2, 3)
                let step = SIMD4<Float>(repeating: 4 * slope)
                var i = 0
                while i + 4 <= count {
                    store4(load4(out + i) + g * load4(input + i), out + i)
                    g += step
                    i += 4
                }
                while i < count {
                    out[i] += (g0 + slope * ramp[i]) * input[i]
                    i += 1
                }
                b += 1
            }
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
        VectorMath.ramp.withUnsafeBufferPointer { ramp in
            var b = range.lowerBound / block
            while b * block < range.upperBound {
                let blockStart = b * block
                let start = max(blockStart, range.lowerBound), end = min(blockStart + block, range.upperBound)
                let iSlope = (gainsRe[b + 1] - gainsRe[b]) * inverse, qSlope = (gainsIm[b + 1] - gainsIm[b]) * inverse
                let i0 = gainsRe[b] + iSlope * Float(start - blockStart)
                let q0 = gainsIm[b] + qSlope * Float(start - blockStart)
                let out = output + start, d = direct + start, q1 = quadrature + start, q2 = quadrature + start - 1
                let count = end - start
                // Four samples at a time, the gains stepped by four slopes (no ramp reads).
                let lane = SIMD4<Float>(0, 1, 2, 3)
                var gI = i0 + iSlope * lane, gQ = q0 + qSlope * lane
                let stepI = SIMD4<Float>(repeating: 4 * iSlope), stepQ = SIMD4<Float>(repeating: 4 * qSlope)
                var i = 0
                while i + 4 <= count {
                    let q = near * load4(q1 + i) + fraction * load4(q2 + i)
                    store4(load4(out + i) + gI * load4(d + i) + gQ * q, out + i)
                    gI += stepI
                    gQ += stepQ
                    i += 4
                }
                while i < count {
                    let q = near * q1[i] + fraction * q2[i]
                    out[i] += (i0 + iSlope * ramp[i]) * d[i] + (q0 + qSlope * ramp[i]) * q
                    i += 1
                }
                b += 1
            }
        }
    }
}

@inline(__always)
private func load4(_ pointer: UnsafePointer<Float>) -> SIMD4<Float> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Float>.self)
}

@inline(__always)
private func load4(_ pointer: UnsafeMutablePointer<Float>) -> SIMD4<Float> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Float>.self)
}

@inline(__always)
private func store4(_ value: SIMD4<Float>, _ pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD4<Float>.self)
}

/// One propagation path ready to mix: integer delay, gains at control points, real or complex.
struct MixPath {
    var delay: Int
    var real: Bool
    var gainsRe: UnsafePointer<Float>
    var gainsIm: UnsafePointer<Float>
}

extension PathMixer {
    /// Adds one path over `range`: real gains scale the source, complex ones also read its quadrature.
    static func add(
        _ path: MixPath, source: UnsafePointer<Float>, quarter: Double, block: Int, range: Range<Int>,
        into output: UnsafeMutablePointer<Float>
    ) {
        if path.real {
            addReal(source: source, delay: path.delay, gains: path.gainsRe, block: block, range: range, into: output)
        } else {
            addComplex(
                source: source, delay: path.delay, quarter: quarter, gainsRe: path.gainsRe,
                gainsIm: path.gainsIm, block: block, range: range, into: output)
        }
    }

    /// Adds every path over `range`, block by block, so each stretch of the output is read and
    /// written while it is still in the L1 cache, however many paths there are.
    static func addPaths(
        _ paths: [MixPath], source: UnsafePointer<Float>, quarter: Double, block: Int, range: Range<Int>,
        into output: UnsafeMutablePointer<Float>
    ) {
        let chunk = block * 64
        var start = range.lowerBound
        while start < range.upperBound {
            let end = min(range.upperBound, (start / chunk + 1) * chunk)
            for path in paths {
                add(path, source: source, quarter: quarter, block: block, range: start..<end, into: output)
            }
            start = end
        }
    }
}

extension PathMixer {
    /// As ``addPaths(_:source:quarter:block:range:into:)`` (the reference the tests compare with) where the source is zero outside
    /// `spans` (sorted, each more than `reach` apart): path p adds over each span shifted by its
    /// delay and extended by `reach` (the quadrature's look-back), within `limit`.
    static func addPaths(
        _ paths: [MixPath], source: UnsafePointer<Float>, quarter: Double, block: Int, spans: [Range<Int>],
        reach: Int, limit: Range<Int>, into output: UnsafeMutablePointer<Float>
    ) {
        let chunk = block * 64
        for span in spans {
            var start = span.lowerBound
            while start < span.upperBound {
                let end = min(span.upperBound, start + chunk)
                let tail = end == span.upperBound ? reach : 0
                for path in paths {
                    let low = max(limit.lowerBound, start + path.delay)
                    let high = min(limit.upperBound, end + path.delay + tail)
                    guard low < high else { continue }
                    add(path, source: source, quarter: quarter, block: block, range: low..<high, into: output)
                }
                start = end
            }
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
