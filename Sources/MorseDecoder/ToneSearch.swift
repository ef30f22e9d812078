import Foundation

/// Finds a CW carrier: the strongest spectral peak in a band, and how it drifts over the clip.
///
/// Power spectra of 2048-point Hann-windowed frames (7.8 Hz bins at 16 kHz) are averaged; the peak
/// bin is refined by parabolic interpolation of log power, which is accurate to about 1 Hz.
public struct ToneSearch: Sendable {
    /// Samples per second.
    public let sampleRate: Double
    let fft: FFT
    let window: [Double]

    public init(sampleRate: Double) {
        self.sampleRate = sampleRate
        fft = FFT(size: Int(sampleRate * 0.128))
        window = FFT.hannWindow(fft.size)
    }

    /// A tone's frequency at the start of a clip and its linear drift.
    public struct Estimate: Sendable, Hashable {
        /// Frequency in Hz at time 0.
        public var frequency: Double
        /// Drift in Hz per second.
        public var driftRate: Double
        /// Peak power over the band's median power, in dB (how clearly the tone stands out).
        public var prominence: Double
    }

    /// The strongest tone in `band` (Hz) over the whole clip, and its drift estimated from one-second
    /// blocks; nil if the clip is shorter than one frame or the band holds no bin.
    public func estimate(_ samples: [Float], band: ClosedRange<Double> = 300...1200) -> Estimate? {
        samples.withUnsafeBufferPointer { samples in
            let frames = frameStarts(count: samples.count)
            guard !frames.isEmpty else { return nil }
            let spectra = frames.map { fft.powerSpectrum(samples, start: $0, window: window) }
            var total = [Double](repeating: 0, count: fft.size / 2 + 1)
            for spectrum in spectra { for index in total.indices { total[index] += spectrum[index] } }
            guard let (peak, prominence) = self.peak(total, band: band) else { return nil }

            // Drift: the peak near the overall tone in each block of about one second.
            let perBlock = max(1, Int((sampleRate / Double(fft.size)).rounded()))
            var points: [(time: Double, frequency: Double, weight: Double)] = []
            var blockStart = 0
            while blockStart < spectra.count {
                let block = spectra[blockStart..<min(spectra.count, blockStart + perBlock)]
                var sum = [Double](repeating: 0, count: total.count)
                for spectrum in block { for index in sum.indices { sum[index] += spectrum[index] } }
                let near = max(band.lowerBound, peak - 150)...min(band.upperBound, peak + 150)
                if let (frequency, blockProminence) = self.peak(sum, band: near), blockProminence > 10 {
                    let middle = Double(frames[blockStart] + frames[blockStart + block.count - 1] + fft.size) / 2
                    points.append((middle / sampleRate, frequency, blockProminence))
                }
                blockStart += perBlock
            }
            var drift = 0.0
            var start = peak
            if points.count >= 3 {
                let weight = points.reduce(0) { $0 + $1.weight }
                let meanT = points.reduce(0) { $0 + $1.weight * $1.time } / weight
                let meanF = points.reduce(0) { $0 + $1.weight * $1.frequency } / weight
                let covariance = points.reduce(0) { $0 + $1.weight * ($1.time - meanT) * ($1.frequency - meanF) }
                let variance = points.reduce(0) { $0 + $1.weight * ($1.time - meanT) * ($1.time - meanT) }
                if variance > 0.25 * weight {
                    drift = covariance / variance
                    start = meanF - drift * meanT
                }
            }
            return Estimate(frequency: start, driftRate: drift, prominence: prominence)
        }
    }

    /// Frame start indices: non-overlapping frames covering the clip (the last may be partial).
    func frameStarts(count: Int) -> [Int] {
        guard count >= fft.size / 2 else { return [] }
        return Array(stride(from: 0, to: count - fft.size / 2, by: fft.size))
    }

    /// The interpolated peak frequency in `band` and its prominence in dB over the band's median.
    func peak(_ power: [Double], band: ClosedRange<Double>) -> (Double, Double)? {
        let binWidth = sampleRate / Double(fft.size)
        let low = max(1, Int((band.lowerBound / binWidth).rounded(.up)))
        let high = min(power.count - 2, Int((band.upperBound / binWidth).rounded(.down)))
        guard low <= high else { return nil }
        var best = low
        for index in low...high where power[index] > power[best] { best = index }
        let median = power[low...high].sorted()[(high - low) / 2]
        let a = log(max(power[best - 1], 1e-30)), b = log(max(power[best], 1e-30)), c = log(max(power[best + 1], 1e-30))
        let denominator = a - 2 * b + c
        let offset = denominator < 0 ? min(0.5, max(-0.5, 0.5 * (a - c) / denominator)) : 0
        let prominence = 10 * log10(max(power[best], 1e-30) / max(median, 1e-30))
        return ((Double(best) + offset) * binWidth, prominence)
    }
}
