// The C maths library, visible to every file of the module.
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Musl)
@_exported import Musl
#elseif canImport(Darwin)
@_exported import Darwin
#endif

/// Decibels of a power ratio.
@inline(__always) func powerDB(_ ratio: Double) -> Double { 10 * log10(ratio) }
/// Power ratio of decibels.
@inline(__always) func powerRatio(dB: Double) -> Double { pow(10, dB / 10) }
/// Amplitude ratio of decibels.
@inline(__always) func amplitudeRatio(dB: Double) -> Double { pow(10, dB / 20) }

/// A complex number, for filter design and fading gains (not used per audio sample).
struct Complex: Hashable, Sendable {
    var re: Double
    var im: Double

    init(_ re: Double, _ im: Double = 0) {
        self.re = re
        self.im = im
    }

    /// e^{iφ}.
    static func unit(phase: Double) -> Complex { Complex(cos(phase), sin(phase)) }

    var conjugate: Complex { Complex(re, -im) }
    var magnitudeSquared: Double { re * re + im * im }
    var magnitude: Double { magnitudeSquared.squareRoot() }

    static func + (a: Complex, b: Complex) -> Complex { Complex(a.re + b.re, a.im + b.im) }
    static func - (a: Complex, b: Complex) -> Complex { Complex(a.re - b.re, a.im - b.im) }
    static func * (a: Complex, b: Complex) -> Complex { Complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re) }
    static func * (a: Double, b: Complex) -> Complex { Complex(a * b.re, a * b.im) }
    static func / (a: Complex, b: Complex) -> Complex {
        let d = b.magnitudeSquared
        return Complex((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d)
    }

    /// The principal square root.
    var squareRoot: Complex {
        let m = magnitude
        let r = ((m + re) / 2).squareRoot()
        let i = ((m - re) / 2).squareRoot()
        return Complex(r, im < 0 ? -i : i)
    }
}
