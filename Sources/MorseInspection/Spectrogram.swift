import Foundation
import MorseDecoder

/// Short-time power spectra of a clip in dB, over a band of frequencies.
///
/// Frames of `windowLength` samples (Hann) start every `hop` samples and are zero-padded to
/// `fftSize`; frame `c` is centred on sample `c × hop`, so column `c` shows time `c × hop / sampleRate`.
public struct Spectrogram: Sendable {
    /// Samples per second.
    public let sampleRate: Double
    /// Samples per frame before zero padding.
    public let windowLength: Int
    /// Samples between frames.
    public let hop: Int
    let fft: FFT

    /// The sample rates a spectrogram is drawn at, in Hz (those of `WAVLimits`).
    public static let sampleRates: ClosedRange<Double> = 1_000...384_000

    /// Refuses a sample rate or frame size that is not finite or not positive: the bin width
    /// divides every frequency, and an FFT of any size the caller asks for would be allocated.
    public init(sampleRate: Double = 16_000, windowLength: Int = 512, hop: Int = 64, fftSize: Int = 1024)
        throws(PreviewError)
    {
        guard sampleRate.isFinite, Self.sampleRates.contains(sampleRate) else { throw .sampleRate(sampleRate) }
        guard (16...65_536).contains(windowLength), (1...windowLength).contains(hop),
            (windowLength...65_536).contains(fftSize)
        else {
            throw .frames(windowLength: windowLength, hop: hop, fftSize: fftSize)
        }
        self.sampleRate = sampleRate
        self.windowLength = windowLength
        self.hop = hop
        fft = FFT(size: fftSize)
    }

    /// Hz per FFT bin.
    public var binWidth: Double { sampleRate / Double(fft.size) }

    /// Columns for a clip of `count` samples.
    public func frameCount(samples count: Int) -> Int { max(1, (count + hop - 1) / hop) }

    /// The FFT bins that cover `band` (Hz), lowest first.
    /// Frequencies outside 0 Hz…Nyquist (or not finite) are clamped to it.
    public func bins(_ band: ClosedRange<Double>) -> ClosedRange<Int> {
        let top = fft.size / 2
        func bin(_ frequency: Double, _ rule: FloatingPointRoundingRule) -> Int {
            guard frequency.isFinite else { return frequency > 0 ? top : 0 }
            return Int(max(0, min(Double(top), (frequency / binWidth).rounded(rule))))
        }
        let low = min(top, bin(band.lowerBound, .down))
        return low...max(low, bin(band.upperBound, .up))
    }

    /// Power in dB (10 log10, floor −200 dB) per column, for the bins of `band`; `[column][bin − low]`.
    public func powers(_ samples: [Float], band: ClosedRange<Double>) -> [[Float]] {
        let range = bins(band)
        let window = FFT.hannWindow(windowLength)
        let frames = frameCount(samples: samples.count)
        var re = [Double](repeating: 0, count: fft.size), im = re
        var result: [[Float]] = []
        result.reserveCapacity(frames)
        samples.withUnsafeBufferPointer { x in
            for column in 0..<frames {
                let start = column * hop - windowLength / 2
                for index in 0..<fft.size {
                    let at = start + index
                    re[index] = index < windowLength && at >= 0 && at < x.count ? Double(x[at]) * window[index] : 0
                    im[index] = 0
                }
                fft.transform(re: &re, im: &im)
                result.append(range.map { bin in Float(10 * log10(max(re[bin] * re[bin] + im[bin] * im[bin], 1e-20))) })
            }
        }
        return result
    }
}
