import MorseSignal

/// The output limiter: linear below a knee at 70 % of the ceiling, then a smooth curve that
/// approaches the ceiling and never reaches it, so no sample's magnitude exceeds the ceiling.
struct OutputLimiter: Sendable {
    /// Largest output magnitude (full scale 1).
    let ceiling: Float

    var knee: Float { 0.7 * ceiling }

    /// Limits `count` samples in place; returns how many were above the knee and the largest
    /// output magnitude.
    ///
    /// Branch-free: with `over = max(|x| − knee, 0)`, the output magnitude is
    /// `|x| − over + over / (1 + over/room)`, which is `|x|` below the knee and
    /// `knee + room·t/(1 + t)` (t = over/room) above it.
    func process(_ x: UnsafeMutablePointer<Float>, count: Int) -> (limited: Int, outputPeak: Float) {
        let knee = self.knee, inverseRoom = 1 / (ceiling - knee)
        var limited = SIMD8<Int32>()
        var peak = SIMD8<Float>()
        var n = 0
        while n + 8 <= count {
            let value = VectorMath.load8(x + n)
            let bits = unsafeBitCast(value, to: SIMD8<UInt32>.self)
            let magnitude = unsafeBitCast(bits & 0x7FFF_FFFF, to: SIMD8<Float>.self)
            var over = magnitude - knee
            let isOver = over .> 0
            // Most vectors lie wholly below the knee: nothing to change, only the peak to track.
            guard any(isOver) else {
                peak.replace(with: magnitude, where: magnitude .> peak)
                n += 8
                continue
            }
            over.replace(with: 0, where: .!isOver)
            let shaped = magnitude - over + over / (1 + over * inverseRoom)
            limited.replace(with: limited &+ 1, where: isOver)
            peak.replace(with: shaped, where: shaped .> peak)
            let signed = unsafeBitCast(
                unsafeBitCast(shaped, to: SIMD8<UInt32>.self) | (bits & 0x8000_0000), to: SIMD8<Float>.self)
            VectorMath.store8(signed, x + n)
            n += 8
        }
        var total = Int(limited.wrappedSum())
        var largest = max(
            max(max(peak[0], peak[1]), max(peak[2], peak[3])), max(max(peak[4], peak[5]), max(peak[6], peak[7])))
        while n < count {
            let magnitude = abs(x[n])
            let over = max(magnitude - knee, 0)
            let shaped = magnitude - over + over / (1 + over * inverseRoom)
            if over > 0 { total += 1 }
            largest = max(largest, shaped)
            x[n] = x[n] < 0 ? -shaped : shaped
            n += 1
        }
        return (total, largest)
    }
}
