import MorseSignal

/// White noise for signals that always pass the receiver filter (band noise, crash bursts):
/// cheap, exact in variance, and Gaussian once filtered.
///
/// Each sample comes from one random 32-bit word: the sum of four uniform 7-bit fields
/// (Irwin–Hall, n = 4: excess kurtosis −0.3), times one of two scales, √(1 − d) or √(1 + d),
/// chosen by an eighth bit. That scale mixture keeps the variance and raises the kurtosis by
/// the factor 1 + d², chosen so the kurtosis is exactly 3. Samples are independent (flat
/// spectrum) with no mean, no skew and a normal fourth moment.
///
/// Why not exact Gaussian deviates: the receiver filter (250 Hz … 2.4 kHz wide at 16 kHz) sums
/// many samples, so its output is Gaussian by the central limit theorem. A linear filter with
/// impulse response h passes the input's cumulants scaled by `Σhᵏ / (Σh²)^{k/2}`: the fourth
/// is zero here, and the sixth and higher shrink to a few percent or less, so the filtered noise
/// has a normal kurtosis and normal tails to well beyond 3σ (tested for every filter).
///
/// Cost: eight xorshift128+ generators run in SIMD lanes (two `SIMD4<UInt64>` sets), each
/// 64-bit word giving two samples; no tables, no branches.
struct UniformSumNoise {
    private var a: XorshiftLanes
    private var b: XorshiftLanes

    /// Four 7-bit fields: mean 4 × 63.5, variance 4 × (128² − 1) / 12.
    static let mean: Float = 254
    static let standardDeviation = (4 * (128.0 * 128.0 - 1) / 12).squareRoot()
    /// d: the sum's kurtosis is 3 + (excess of a 128-point uniform) / 4; 1 + d² brings it to 3.
    static let mixture: Double = {
        let excess = -6 * (128.0 * 128.0 + 1) / (5 * (128.0 * 128.0 - 1))
        return (3 / (3 + excess / 4) - 1).squareRoot()
    }()
    static let lowScale = Float((1 - mixture).squareRoot() / standardDeviation)
    static let highScale = Float((1 + mixture).squareRoot() / standardDeviation)

    init(seededFrom random: inout FastRandom) {
        a = XorshiftLanes(seededFrom: &random)
        b = XorshiftLanes(seededFrom: &random)
    }

    /// Sixteen samples of unit variance times `scale`, as two vectors.
    @inline(__always)
    private mutating func next16(low: Float, high: Float) -> (SIMD8<Float>, SIMD8<Float>) {
        (Self.samples(from: a.next(), low: low, high: high), Self.samples(from: b.next(), low: low, high: high))
    }

    @inline(__always)
    private static func samples(from words: SIMD4<UInt64>, low: Float, high: Float) -> SIMD8<Float> {
        let w = unsafeBitCast(words, to: SIMD8<UInt32>.self)
        let fields = w & 0x7F7F_7F7F
        // Fields 0+1 and 2+3 in the word's 16-bit halves, then the halves added.
        let pairs = (fields & 0x00FF_00FF) &+ ((fields &>> 8) & 0x00FF_00FF)
        let sums = (pairs & 0xFFFF) &+ (pairs &>> 16)
        let values = SIMD8<Float>(unsafeBitCast(sums, to: SIMD8<Int32>.self)) - mean
        // The scale by bit 7, with integer masks (SIMD masks' `replace` does not vectorise).
        let choose = SIMD8<UInt32>(repeating: 0) &- ((w &>> 7) & 1)
        let lowBits = low.bitPattern, highBits = high.bitPattern
        let scale = unsafeBitCast(lowBits ^ ((lowBits ^ highBits) & choose), to: SIMD8<Float>.self)
        return values * scale
    }

    /// Writes `scale` × (unit-variance noise) into `count` samples at `buffer` (overwriting them).
    mutating func fill(scale: Float, into buffer: UnsafeMutablePointer<Float>, count: Int) {
        guard count > 0 else { return }
        let low = scale * Self.lowScale, high = scale * Self.highScale
        let raw = UnsafeMutableRawPointer(buffer)
        var n = 0
        while n + 16 <= count {
            let (x, y) = next16(low: low, high: high)
            raw.storeBytes(of: x, toByteOffset: 4 * n, as: SIMD8<Float>.self)
            raw.storeBytes(of: y, toByteOffset: 4 * n + 32, as: SIMD8<Float>.self)
            n += 16
        }
        if n < count {
            let (x, y) = next16(low: low, high: high)
            for i in 0..<(count - n) { buffer[n + i] = i < 8 ? x[i] : y[i - 8] }
        }
    }

    /// One-shot: fills `count` samples from a generator seeded by `random`.
    static func fill(scale: Float, into buffer: UnsafeMutablePointer<Float>, count: Int, random: inout FastRandom) {
        var noise = UniformSumNoise(seededFrom: &random)
        noise.fill(scale: scale, into: buffer, count: count)
    }
}

/// Four xorshift128+ generators (Vigna, 2017) in SIMD lanes, each seeded from `FastRandom` draws.
///
/// Shifts, xors and one add: unlike xoshiro's rotations, all of them vectorise on plain SSE2.
/// Only the lowest output bit is a weak (linear) sequence; in the noise it weighs 1/128 of one
/// field, far below anything audible or measurable after the filter.
struct XorshiftLanes {
    private var s0: SIMD4<UInt64>, s1: SIMD4<UInt64>

    init(seededFrom random: inout FastRandom) {
        func draw() -> SIMD4<UInt64> { SIMD4(random.next(), random.next(), random.next(), random.next()) }
        s0 = draw(); s1 = draw()
        // A lane whose state is all zero would stay zero (probability 2⁻¹²⁸, but be exact).
        let zero = (s0 | s1) .== 0
        s0.replace(with: 0x9E37_79B9_7F4A_7C15, where: zero)
    }

    @inline(__always)
    mutating func next() -> SIMD4<UInt64> {
        var x = s0
        let y = s1
        s0 = y
        x ^= x &<< 23
        s1 = x ^ y ^ (x &>> 17) ^ (y &>> 26)
        return s1 &+ y
    }
}
