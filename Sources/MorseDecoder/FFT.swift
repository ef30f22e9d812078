import Foundation

/// An in-place radix-2 complex FFT of one fixed size, with its twiddle factors computed once.
///
/// Used for the decoder's tone search and for spectrogram previews. Sizes are powers of two.
public struct FFT: Sendable {
    /// Number of points (a power of two, at least 2).
    public let size: Int
    let cosines: [Double]
    let sines: [Double]
    let reversed: [Int]

    /// An FFT of `size` points, rounded up to the next power of two (at least 2).
    public init(size: Int) {
        var n = 2
        while n < size { n <<= 1 }
        self.size = n
        cosines = (0..<(n / 2)).map { cos(-2 * Double.pi * Double($0) / Double(n)) }
        sines = (0..<(n / 2)).map { sin(-2 * Double.pi * Double($0) / Double(n)) }
        var bits = 0
        while 1 << bits < n { bits += 1 }
        reversed = (0..<n).map { index in
            var value = 0
            for bit in 0..<bits where index & (1 << bit) != 0 { value |= 1 << (bits - 1 - bit) }
            return value
        }
    }

    /// Transforms `re` and `im` (each `size` long) in place: X[k] = Σ x[n] e^(−2πikn/N).
    public func transform(re: inout [Double], im: inout [Double]) {
        precondition(re.count == size && im.count == size, "FFT input must have \(size) points")
        re.withUnsafeMutableBufferPointer { re in
            im.withUnsafeMutableBufferPointer { im in
                cosines.withUnsafeBufferPointer { cosines in
                    sines.withUnsafeBufferPointer { sines in
                        reversed.withUnsafeBufferPointer { reversed in
                            Self.transform(re: re, im: im, cosines: cosines, sines: sines, reversed: reversed)
                        }
                    }
                }
            }
        }
    }

    private static func transform(
        re: UnsafeMutableBufferPointer<Double>, im: UnsafeMutableBufferPointer<Double>,
        cosines: UnsafeBufferPointer<Double>, sines: UnsafeBufferPointer<Double>, reversed: UnsafeBufferPointer<Int>
    ) {
        let n = re.count
        for index in 0..<n {
            let other = reversed[index]
            if other > index {
                re.swapAt(index, other)
                im.swapAt(index, other)
            }
        }
        var length = 2
        while length <= n {
            let half = length / 2
            let stride = n / length
            var start = 0
            while start < n {
                for k in 0..<half {
                    let wr = cosines[k * stride], wi = sines[k * stride]
                    let a = start + k, b = a + half
                    let tr = re[b] * wr - im[b] * wi
                    let ti = re[b] * wi + im[b] * wr
                    re[b] = re[a] - tr
                    im[b] = im[a] - ti
                    re[a] += tr
                    im[a] += ti
                }
                start += length
            }
            length <<= 1
        }
    }

    /// Hann window of `count` points (periodic form, for spectral analysis).
    public static func hannWindow(_ count: Int) -> [Double] {
        (0..<count).map { 0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(count)) }
    }

    /// Power |X[k]|² of bins 0...size/2 of the Hann-windowed frame of `samples` starting at `start`
    /// (samples past the end count as zero).
    public func powerSpectrum(_ samples: UnsafeBufferPointer<Float>, start: Int, window: [Double]) -> [Double] {
        var re = [Double](repeating: 0, count: size)
        var im = [Double](repeating: 0, count: size)
        let count = min(size, max(0, samples.count - start))
        for index in 0..<count { re[index] = Double(samples[start + index]) * window[index] }
        transform(re: &re, im: &im)
        return (0...(size / 2)).map { re[$0] * re[$0] + im[$0] * im[$0] }
    }
}
