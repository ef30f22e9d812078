import RealModule

/// A complex number: phasors for the tone oscillator, filter design and fading gains.
package struct Complex: Hashable, Sendable {
    package var re: Double
    package var im: Double

    @inlinable
    package init(_ re: Double, _ im: Double = 0) {
        self.re = re
        self.im = im
    }

    package static let one = Complex(1)

    /// e^{iφ}.
    package static func unit(phase: Double) -> Complex { Complex(Double.cos(phase), Double.sin(phase)) }

    @inlinable
    package var conjugate: Complex { Complex(re, -im) }
    @inlinable
    package var magnitudeSquared: Double { re * re + im * im }
    @inlinable
    package var magnitude: Double { magnitudeSquared.squareRoot() }

    @inlinable
    package static func + (a: Complex, b: Complex) -> Complex { Complex(a.re + b.re, a.im + b.im) }
    @inlinable
    package static func - (a: Complex, b: Complex) -> Complex { Complex(a.re - b.re, a.im - b.im) }
    @inlinable
    package static func * (a: Complex, b: Complex) -> Complex {
        Complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
    }
    @inlinable
    package static func * (a: Double, b: Complex) -> Complex { Complex(a * b.re, a * b.im) }
    package static func / (a: Complex, b: Complex) -> Complex {
        let d = b.magnitudeSquared
        return Complex((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d)
    }

    @inlinable
    package var squared: Complex { self * self }

    /// The principal square root.
    package var squareRoot: Complex {
        let m = magnitude
        let r = ((m + re) / 2).squareRoot()
        let i = ((m - re) / 2).squareRoot()
        return Complex(r, im < 0 ? -i : i)
    }
}
