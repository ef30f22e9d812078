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

    public init(sampleRate: Double = 16_000, windowLength: Int = 512, hop: Int = 64, fftSize: Int = 1024) {
        self.sampleRate = sampleRate
        self.windowLength = windowLength
        self.hop = max(1, hop)
        fft = FFT(size: max(fftSize, windowLength))
    }

    /// Hz per FFT bin.
    public var binWidth: Double { sampleRate / Double(fft.size) }

    /// Columns for a clip of `count` samples.
    public func frameCount(samples count: Int) -> Int { max(1, (count + hop - 1) / hop) }

    /// The FFT bins that cover `band` (Hz), lowest first.
    public func bins(_ band: ClosedRange<Double>) -> ClosedRange<Int> {
        let low = max(0, Int((band.lowerBound / binWidth).rounded(.down)))
        let high = min(fft.size / 2, max(low, Int((band.upperBound / binWidth).rounded(.up))))
        return low...high
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
