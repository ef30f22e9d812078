import RealModule

/// A small, fast, seedable random number generator (xoshiro256**).
///
/// Every random choice in the library takes a generator explicitly. A dataset derives one
/// generator per clip and purpose from (dataset seed, clip index, purpose) with
/// ``init(seed:stream:purpose:)``, so no result depends on which worker made it or in what order.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// A generator whose whole sequence is fixed by `seed`.
    public init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        s0 = mixer.next(); s1 = mixer.next(); s2 = mixer.next(); s3 = mixer.next()
    }

    /// An independent generator for one stream (say, a clip index) and purpose of a seeded run.
    public init(seed: UInt64, stream: UInt64, purpose: UInt64 = 0) {
        var mixer = SplitMix64(state: seed)
        let a = mixer.next() ^ stream &* 0x9E37_79B9_7F4A_7C15
        var second = SplitMix64(state: a)
        let b = second.next() ^ purpose &* 0xD1B5_4A32_D192_ED03
        self.init(seed: SplitMix64(state: b).peek())
    }

    @inlinable
    static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    public mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }
}

/// SplitMix64, used to spread a seed over the state of ``SeededGenerator``.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return peek()
    }
    func peek() -> UInt64 {
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension RandomNumberGenerator {
    /// A uniform double in [0, 1) from the top 53 bits.
    @inlinable public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A standard normal deviate (Box–Muller; one of the pair is discarded for simplicity).
    public mutating func nextGaussian() -> Double {
        let u1 = 1 - nextUnit()  // (0, 1]
        let u2 = nextUnit()
        return (-2 * Double.log(u1)).squareRoot() * Double.cos(2 * Double.pi * u2)
    }
}
