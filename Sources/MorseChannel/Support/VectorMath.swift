import MorseSignal
import RealModule

/// Small SIMD kernels for the audio-rate stages (SSE2-friendly: no gathers, no FMA needed).
enum VectorMath {
    /// Natural logarithm of positive, finite, normal `x` (relative error below 1e-7).
    ///
    /// `x = m·2ᵉ` with `m` in [√½, √2); `ln m = 2·atanh(s)`, `s = (m − 1)/(m + 1)`, by its series.
    @inline(__always)
    static func log(_ x: SIMD4<Float>) -> SIMD4<Float> {
        let bits = unsafeBitCast(x, to: SIMD4<Int32>.self)
        var exponent = (bits &>> 23) &- 127
        var mantissa = unsafeBitCast((bits & 0x007F_FFFF) | 0x3F80_0000, to: SIMD4<Float>.self)
        let high = mantissa .> 1.41421356
        mantissa.replace(with: mantissa * 0.5, where: high)
        exponent.replace(with: exponent &+ 1, where: high)
        let s = (mantissa - 1) / (mantissa + 1)
        let s2 = s * s
        var series: SIMD4<Float> = s2 * Float(1.0 / 9) + Float(1.0 / 7)
        series = series * s2 + Float(1.0 / 5)
        series = series * s2 + Float(1.0 / 3)
        series = series * s2 + Float(1)
        let scaled: SIMD4<Float> = SIMD4<Float>(exponent) * Float(0.693147180559945)
        return scaled + (s + s) * series
    }

    /// `|x|`.
    @inline(__always)
    static func abs(_ x: SIMD8<Float>) -> SIMD8<Float> {
        unsafeBitCast(unsafeBitCast(x, to: SIMD8<UInt32>.self) & 0x7FFF_FFFF, to: SIMD8<Float>.self)
    }

    @inline(__always)
    static func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always)
    static func store8(_ value: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: value, as: SIMD8<Float>.self)
    }

    /// log₂ of a positive normal `x` (absolute error below 2e-5, i.e. 1e-4 dB).
    @inline(__always)
    static func log2(_ x: Float) -> Float {
        let bits = x.bitPattern
        let exponent = Float(Int32(bitPattern: (bits >> 23) & 0xFF) - 127)
        let m = Float(bitPattern: (bits & 0x007F_FFFF) | 0x3F80_0000)  // [1, 2)
        // log₂(m) = 2·atanh(s)/ln 2, s = (m − 1)/(m + 1) in [0, 1/3).
        let s = (m - 1) / (m + 1), s2 = s * s
        var series: Float = s2 * (1.0 / 9) + 1.0 / 7
        series = series * s2 + 1.0 / 5
        series = series * s2 + 1.0 / 3
        series = series * s2 + 1
        return exponent + s * series * 2.8853900817779268  // 2/ln 2
    }

    /// ``log2(_:)-(Float)`` on four values, by the same operations (so the same results).
    @inline(__always)
    static func log2(_ x: SIMD4<Float>) -> SIMD4<Float> {
        let bits = unsafeBitCast(x, to: SIMD4<UInt32>.self)
        let exponent = SIMD4<Float>(unsafeBitCast((bits &>> 23) & 0xFF, to: SIMD4<Int32>.self) &- 127)
        let m = unsafeBitCast((bits & 0x007F_FFFF) | 0x3F80_0000, to: SIMD4<Float>.self)
        let s = (m - 1) / (m + 1), s2 = s * s
        let c9: Float = 1.0 / 9, c7: Float = 1.0 / 7, c5: Float = 1.0 / 5, c3: Float = 1.0 / 3
        let scale: Float = 2.8853900817779268
        var series = s2 * c9 + c7
        series = series * s2 + c5
        series = series * s2 + c3
        series = series * s2 + 1
        return exponent + s * series * scale
    }

    /// 2ˣ for x in about ±100 (relative error below 1e-6).
    @inline(__always)
    static func exp2(_ x: Float) -> Float {
        let clamped = min(max(x, -120), 120)
        let whole = Float(Int32(clamped + 128)) - 128  // floor, by truncation of a positive value
        let f = (clamped - whole) * 0.6931471805599453  // in [0, ln 2)
        var p: Float = f * (1.0 / 5040) + 1.0 / 720
        p = p * f + 1.0 / 120
        p = p * f + 1.0 / 24
        p = p * f + 1.0 / 6
        p = p * f + 0.5
        p = p * f + 1
        p = p * f + 1
        return p * Float(bitPattern: UInt32(bitPattern: Int32(whole) + 127) << 23)
    }

    /// The ramp 0, 1, 2, … used to interpolate gains inside a block without int→float conversion.
    static let ramp: [Float] = (0..<256).map(Float.init)
}
