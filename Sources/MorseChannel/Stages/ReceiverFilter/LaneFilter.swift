import MorseSignal

/// A linear recursion run on eight independent signals at once (one per SIMD lane).
protocol LaneRecursion {
    /// Advances every lane by one sample.
    mutating func step(_ x: SIMD8<Float>) -> SIMD8<Float>
}

/// Runs a causal IIR filter over a long buffer as eight segments in parallel.
///
/// The buffer is cut into eight equal segments; lane k filters segment k after first running
/// over the `warmUp` samples before it, so by the segment's start its state equals (to far below
/// Float resolution) the state the serial filter would have there: the filter forgets its
/// start within a few time constants, and `warmUp` is many of them. Lane 0 starts from rest at
/// the buffer's start, exactly like the serial filter. All lanes advance in lock step, so lane k
/// reads its warm-up samples before lane k − 1 overwrites them.
///
/// `buffer` must be readable from `buffer − warmUp` (zeros there) to `buffer + count + 8`.
enum LaneRunner {
    static let lanes = 8

    static func run<R: LaneRecursion>(
        _ recursion: inout R, _ buffer: UnsafeMutablePointer<Float>, count: Int, warmUp: Int
    ) {
        guard count > 0 else { return }
        let length = (count + lanes - 1) / lanes
        let steps = length + warmUp
        var state = recursion
        // Lane k's sample at step j is at index k·length − warmUp + j.
        let p0 = buffer - warmUp, p1 = p0 + length, p2 = p1 + length, p3 = p2 + length
        let p4 = p3 + length, p5 = p4 + length, p6 = p5 + length, p7 = p6 + length
        for j in 0..<warmUp {
            let x = SIMD8<Float>(p0[j], p1[j], p2[j], p3[j], p4[j], p5[j], p6[j], p7[j])
            _ = state.step(x)
        }
        for j in warmUp..<steps {
            let x = SIMD8<Float>(p0[j], p1[j], p2[j], p3[j], p4[j], p5[j], p6[j], p7[j])
            let y = state.step(x)
            p0[j] = y[0]; p1[j] = y[1]; p2[j] = y[2]; p3[j] = y[3]
            p4[j] = y[4]; p5[j] = y[5]; p6[j] = y[6]; p7[j] = y[7]
        }
        recursion = state
    }
}

/// Three band-pass biquads (b1 = 0) in transposed direct form II, eight lanes wide.
struct BandPassLanes: LaneRecursion {
    let b0: (Float, Float, Float), b2: (Float, Float, Float)
    let a1: (Float, Float, Float), a2: (Float, Float, Float)
    var s1 = (SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>())
    var s2 = (SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>())

    init(_ sections: [Biquad]) {
        b0 = (Float(sections[0].b0), Float(sections[1].b0), Float(sections[2].b0))
        b2 = (Float(sections[0].b2), Float(sections[1].b2), Float(sections[2].b2))
        a1 = (Float(sections[0].a1), Float(sections[1].a1), Float(sections[2].a1))
        a2 = (Float(sections[0].a2), Float(sections[1].a2), Float(sections[2].a2))
    }

    @inline(__always)
    mutating func step(_ x: SIMD8<Float>) -> SIMD8<Float> {
        let y0 = b0.0 * x + s1.0
        s1.0 = s2.0 - a1.0 * y0
        s2.0 = b2.0 * x - a2.0 * y0
        let y1 = b0.1 * y0 + s1.1
        s1.1 = s2.1 - a1.1 * y1
        s2.1 = b2.1 * y0 - a2.1 * y1
        let y2 = b0.2 * y1 + s1.2
        s1.2 = s2.2 - a1.2 * y2
        s2.2 = b2.2 * y1 - a2.2 * y2
        return y2
    }
}
