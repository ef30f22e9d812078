import MorseSignal
import RealModule

/// Standard normal deviates by the ziggurat method (Marsaglia and Tsang, 2000; 256 layers).
///
/// About 99 % of deviates cost half a 64-bit random number, a table look-up, a compare and a
/// multiply; the rest take the exact wedge or tail path, so the distribution is exactly normal
/// (to Float resolution). Layer and value come from disjoint bits, avoiding the correlation of
/// the original single-word scheme.
struct Ziggurat: Sendable {
    /// Integer thresholds for the fast path, per layer.
    let kn: [UInt32]
    /// Width of each layer divided by 2²³ (values are 24-bit signed).
    let wn: [Float]
    /// Density at the top of each layer.
    let fn: [Float]

    static let r = 3.6541528853610088
    static let shared = Ziggurat()

    private init() {
        let m1 = 8_388_608.0  // 2²³
        var dn = Self.r, tn = dn
        let vn = 4.92867323399e-3
        let q = vn / Double.exp(-0.5 * dn * dn)
        var kn = [UInt32](repeating: 0, count: 256)
        var wn = [Float](repeating: 0, count: 256)
        var fn = [Float](repeating: 0, count: 256)
        kn[0] = UInt32((dn / q) * m1)
        kn[1] = 0
        wn[0] = Float(q / m1)
        wn[255] = Float(dn / m1)
        fn[0] = 1
        fn[255] = Float(Double.exp(-0.5 * dn * dn))
        for i in stride(from: 254, through: 1, by: -1) {
            dn = (-2 * Double.log(vn / dn + Double.exp(-0.5 * dn * dn))).squareRoot()
            kn[i + 1] = UInt32((dn / tn) * m1)
            tn = dn
            fn[i] = Float(Double.exp(-0.5 * dn * dn))
            wn[i] = Float(dn / m1)
        }
        self.kn = kn
        self.wn = wn
        self.fn = fn
    }

    /// Writes `scale` × N(0, 1) into each of `count` samples at `buffer`.
    ///
    /// Two passes: the first fills the buffer with random 32-bit words (two interleaved streams,
    /// the second seeded from the first, so their recurrences overlap); the second turns each
    /// word into a deviate (8 bits choose the layer, the top 24 bits are the signed value). The
    /// rare wedge and tail cases draw from a third stream.
    func fill(scale: Float, into buffer: UnsafeMutablePointer<Float>, count: Int, random: inout FastRandom) {
        guard count > 0 else { return }
        var first = random
        var second = FastRandom(seededFrom: &first)
        var spare = FastRandom(seededFrom: &first)
        let words = UnsafeMutableRawPointer(buffer)
        var n = 0
        while n + 4 <= count {
            let a = first.next(), b = second.next()
            words.storeBytes(of: a, toByteOffset: 4 * n, as: UInt64.self)
            words.storeBytes(of: b, toByteOffset: 4 * n + 8, as: UInt64.self)
            n += 4
        }
        while n < count {
            words.storeBytes(of: UInt32(truncatingIfNeeded: first.next() >> 32), toByteOffset: 4 * n, as: UInt32.self)
            n += 1
        }
        random = first
        kn.withUnsafeBufferPointer { kn in
            wn.withUnsafeBufferPointer { wn in
                for n in 0..<count {
                    let word = words.load(fromByteOffset: 4 * n, as: UInt32.self)
                    let layer = Int(word & 255)
                    let hz = Int32(bitPattern: word) >> 8
                    let x: Float
                    if hz.magnitude < kn[layer] {
                        x = Float(hz) * wn[layer]
                    } else {
                        x = slowPath(hz: hz, layer: layer, random: &spare)
                    }
                    buffer[n] = scale * x
                }
            }
        }
    }

    /// One deviate (for control-rate use).
    func next(random: inout FastRandom) -> Float {
        let word = UInt32(truncatingIfNeeded: random.next() >> 32)
        let layer = Int(word & 255)
        let hz = Int32(bitPattern: word) >> 8
        if hz.magnitude < kn[layer] { return Float(hz) * wn[layer] }
        return slowPath(hz: hz, layer: layer, random: &random)
    }

    /// The wedge and tail cases.
    @inline(never)
    func slowPath(hz: Int32, layer: Int, random: inout FastRandom) -> Float {
        var hz = hz, layer = layer
        while true {
            let x = Double(hz) * Double(wn[layer])
            if layer == 0 {
                var tail: Double, y: Double
                repeat {
                    tail = -Double.log(1 - random.unit()) / Self.r
                    y = -Double.log(1 - random.unit())
                } while y + y < tail * tail
                return Float(hz > 0 ? Self.r + tail : -(Self.r + tail))
            }
            let f0 = Double(fn[layer]), f1 = Double(fn[layer - 1])
            if f0 + random.unit() * (f1 - f0) < Double.exp(-0.5 * x * x) { return Float(x) }
            let word = UInt32(truncatingIfNeeded: random.next() >> 32)
            layer = Int(word & 255)
            hz = Int32(bitPattern: word) >> 8
            if hz.magnitude < kn[layer] { return Float(hz) * wn[layer] }
        }
    }
}
