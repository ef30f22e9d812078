import MorseSignal

/// The chain's internal generator (xoshiro256+), seeded from the caller's generator.
///
/// Audio-rate noise needs one 64-bit draw per sample; a concrete, inlinable generator keeps that
/// to about a nanosecond. Every instance is seeded from the generator passed to
/// ``ReceiverChain/render(wanted:interferers:parameters:sampleCount:using:)``, so output depends on
/// nothing else.
struct FastRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// A generator whose state is four draws from `rng`.
    init(seededFrom rng: inout some RandomNumberGenerator) {
        s0 = rng.next(); s1 = rng.next(); s2 = rng.next(); s3 = rng.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }
    }

    @inline(__always)
    mutating func next() -> UInt64 {
        let result = s0 &+ s3
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// Uniform in [0, 1).
    @inline(__always)
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform in `range`.
    @inline(__always)
    mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * unit()
    }
}
