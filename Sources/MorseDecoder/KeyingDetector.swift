import Foundation
import MorseCode

/// Turns an envelope into key-down intervals with an adaptive threshold and hysteresis.
///
/// The clip's noise floor and mark level come from a two-cluster split of the envelope values;
/// the threshold then follows local levels (see ``threshold(_:levels:)``), with ±10 % hysteresis.
struct KeyingDetector {
    /// Envelope samples per second.
    let envelopeRate: Double

    /// Noise floor and mark level of an envelope (same units as the envelope).
    struct Levels: Hashable {
        var noise: Float
        var mark: Float
        /// Mark over noise level in dB.
        var contrast: Double { 20 * log10(Double(max(mark, 1e-12)) / Double(max(noise, 1e-12))) }
    }

    /// Two-means split of the envelope values, started from the 20th and 95th percentiles.
    func levels(_ envelope: [Float]) -> Levels {
        guard !envelope.isEmpty else { return Levels(noise: 0, mark: 0) }
        let sorted = envelope.sorted()
        func percentile(_ p: Double) -> Float { sorted[min(sorted.count - 1, Int(p * Double(sorted.count - 1)))] }
        var low = percentile(0.2), high = percentile(0.95)
        guard high > low else { return Levels(noise: low, mark: high) }
        for _ in 0..<12 {
            let split = (low + high) / 2
            var lowSum = 0.0, lowCount = 0, highSum = 0.0, highCount = 0
            for value in sorted {
                if value < split {
                    lowSum += Double(value); lowCount += 1
                } else {
                    highSum += Double(value); highCount += 1
                }
            }
            guard lowCount > 0, highCount > 0 else { break }
            let newLow = Float(lowSum / Double(lowCount)), newHigh = Float(highSum / Double(highCount))
            if newLow == low && newHigh == high { break }
            low = newLow
            high = newHigh
        }
        return Levels(noise: low, mark: high)
    }

    /// The decision threshold at every envelope sample.
    ///
    /// Within each 25 ms block, the local noise floor and mark level are the 10th and 90th
    /// percentiles of the envelope within ±0.4 s (a window full of keying uses the clip's midway
    /// level). Where they differ by at least ``minimumContrast`` (or by half that with a mark level
    /// near the clip's: a keyed signal is there), the threshold sits midway between them, so it follows fading
    /// and AGC. Elsewhere (silence, where AGC lifts the noise) it sits above the local noise peaks
    /// and never below the clip's own midway level, so noise does not key.
    func threshold(_ envelope: [Float], levels: Levels) -> [Float] {
        let block = max(1, Int(envelopeRate * 0.025))
        let blocks = (envelope.count + block - 1) / block
        guard blocks > 0 else { return [] }
        let reach = max(1, Int((0.4 * envelopeRate / Double(block)).rounded()))
        let global = (levels.noise + levels.mark) / 2
        var perBlock = [Float](repeating: global, count: blocks)
        // Percentiles from a running histogram of log levels (1/2 dB steps over 120 dB below the
        // peak), updated block by block as the window slides.
        let peak = max(envelope.max() ?? 1, 1e-12)
        let steps = 240
        func bin(_ value: Float) -> Int {
            let db = 20 * log10(max(Double(value), 1e-30) / Double(peak))
            return max(0, min(steps - 1, Int((db + 120) * 2)))
        }
        func level(_ bin: Int) -> Float { peak * Float(pow(10, ((Double(bin) + 0.5) / 2 - 120) / 20)) }
        let bins = envelope.map(bin)
        var histogram = [Int](repeating: 0, count: steps)
        var inWindow = 0
        func addBlock(_ b: Int, _ sign: Int) {
            guard b >= 0, b < blocks else { return }
            for index in (b * block)..<min(envelope.count, (b + 1) * block) {
                histogram[bins[index]] += sign; inWindow += sign
            }
        }
        func percentile(_ p: Double) -> Float {
            let target = Int(p * Double(max(0, inWindow - 1)))
            return histogram.withUnsafeBufferPointer { counts in
                var seen = 0
                for index in 0..<steps {
                    seen += counts[index]
                    if seen > target { return level(index) }
                }
                return peak
            }
        }
        for b in 0...min(blocks - 1, reach) { addBlock(b, 1) }
        for b in 0..<blocks {
            if b > 0 {
                addBlock(b + reach, 1)
                addBlock(b - reach - 1, -1)
            }
            let noise = percentile(0.1)
            let mark = percentile(0.9)
            if noise > global {
                perBlock[b] = global  // a run of long marks: no gap to measure the noise in
            } else if mark > levels.noise * 2,
                mark >= noise * Self.minimumContrast
                    || mark >= noise * Self.minimumContrast / 2 && mark >= levels.mark * 0.6
            {
                perBlock[b] = (noise + mark) / 2
            } else {
                perBlock[b] = max(global, mark * 1.5)
            }
        }
        var result = [Float](repeating: 0, count: envelope.count)
        for index in envelope.indices {
            let position = (Double(index) + 0.5) / Double(block) - 0.5
            let left = max(0, min(blocks - 1, Int(position.rounded(.down))))
            let right = min(blocks - 1, left + 1)
            let fraction = Float(max(0, min(1, position - Double(left))))
            result[index] = perBlock[left] + (perBlock[right] - perBlock[left]) * fraction
        }
        return result
    }

    /// Local mark over local noise (90th over 10th percentile) below which a window holds no signal:
    /// Rayleigh-distributed noise alone gives about 4.7.
    static let minimumContrast: Float = 10

    /// Key-down intervals in seconds; crossing times are interpolated between envelope samples.
    func marks(_ envelope: [Float], levels: Levels) -> [Interval] {
        guard envelope.count > 1, levels.mark > levels.noise else { return [] }
        let threshold = threshold(envelope, levels: levels)
        var result: [Interval] = []
        var start: Double?
        for index in envelope.indices {
            let value = envelope[index]
            let level = threshold[index]
            if start == nil && value > level * 1.1 || start != nil && value < level / 1.1 {
                let time = crossing(envelope, at: index, level: level)
                if let begun = start {
                    result.append(Interval(start: begun, end: time))
                    start = nil
                } else {
                    start = time
                }
            }
        }
        if let begun = start { result.append(Interval(start: begun, end: Double(envelope.count - 1) / envelopeRate)) }
        // A mark must rise well above the threshold somewhere: noise that only grazes it is not keying.
        return result.filter { mark in
            let first = max(0, Int(mark.start * envelopeRate)),
                last = min(envelope.count - 1, Int(mark.end * envelopeRate))
            guard first <= last else { return false }
            var peak: Float = 0, level: Float = 0
            for index in first...last where envelope[index] > peak {
                peak = envelope[index]
                level = threshold[index]
            }
            return peak >= level * Self.minimumPeak
        }
    }

    /// How far above the threshold a mark's peak must rise (1.5 = halfway from the midway level to the mark level).
    static let minimumPeak: Float = 1.5

    /// The time in seconds where the envelope crosses `level`, searching back from `index`.
    func crossing(_ envelope: [Float], at index: Int, level: Float) -> Double {
        var k = index
        let rising = envelope[index] > level
        while k > 0 && (envelope[k - 1] > level) == rising && index - k < Int(envelopeRate * 0.02) { k -= 1 }
        guard k > 0 else { return Double(k) / envelopeRate }
        let a = envelope[k - 1], b = envelope[k]
        let fraction = b == a ? 0.5 : Double((level - a) / (b - a))
        return (Double(k - 1) + max(0, min(1, fraction))) / envelopeRate
    }
}

/// A key-down interval in seconds (the labels' own type, so the shared reader takes it as it is).
typealias Interval = KeyedTimeline.Interval
