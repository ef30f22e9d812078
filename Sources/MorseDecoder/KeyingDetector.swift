import Foundation

/// Turns an envelope into key-down intervals with an adaptive threshold and hysteresis.
///
/// The noise floor and the mark level come from a two-cluster split of the envelope values. The
/// mark level is then followed locally (the largest envelope within about half a second, never
/// below a third of the clip's mark level), so fading does not lose marks; the threshold sits
/// midway between the noise floor and the local mark level, with ±10 % hysteresis.
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
                if value < split { lowSum += Double(value); lowCount += 1 } else { highSum += Double(value); highCount += 1 }
            }
            guard lowCount > 0, highCount > 0 else { break }
            let newLow = Float(lowSum / Double(lowCount)), newHigh = Float(highSum / Double(highCount))
            if newLow == low && newHigh == high { break }
            low = newLow
            high = newHigh
        }
        return Levels(noise: low, mark: high)
    }

    /// The local mark level at every envelope sample: the maximum over blocks of a quarter second
    /// within ±0.5 s, linearly interpolated between block centres, never below a third of `levels.mark`.
    func localMark(_ envelope: [Float], levels: Levels) -> [Float] {
        let block = max(1, Int(envelopeRate * 0.25))
        let blocks = (envelope.count + block - 1) / block
        guard blocks > 0 else { return [] }
        var maxima = [Float](repeating: 0, count: blocks)
        for index in envelope.indices { maxima[index / block] = max(maxima[index / block], envelope[index]) }
        let reach = 2
        let floor = levels.noise + (levels.mark - levels.noise) / 3
        let local = (0..<blocks).map { b in
            max(floor, maxima[max(0, b - reach)...min(blocks - 1, b + reach)].max() ?? floor)
        }
        var result = [Float](repeating: 0, count: envelope.count)
        for index in envelope.indices {
            let position = (Double(index) + 0.5) / Double(block) - 0.5
            let left = max(0, min(blocks - 1, Int(position.rounded(.down))))
            let right = min(blocks - 1, left + 1)
            let fraction = Float(max(0, min(1, position - Double(left))))
            result[index] = local[left] + (local[right] - local[left]) * fraction
        }
        return result
    }

    /// Key-down intervals in seconds; crossing times are interpolated between envelope samples.
    func marks(_ envelope: [Float], levels: Levels) -> [Interval] {
        guard envelope.count > 1, levels.mark > levels.noise else { return [] }
        let local = localMark(envelope, levels: levels)
        var result: [Interval] = []
        var start: Double?
        var previousCentre: Float = 0
        for index in envelope.indices {
            let span = local[index] - levels.noise
            let centre = levels.noise + span / 2
            let value = envelope[index]
            let keyed = start != nil
            if !keyed && value > centre + span * 0.1 || keyed && value < centre - span * 0.1 {
                let time = crossing(envelope, at: index, level: (centre + previousCentre) / 2)
                if let begun = start {
                    result.append(Interval(start: begun, end: time))
                    start = nil
                } else {
                    start = time
                }
            }
            previousCentre = centre
        }
        if let begun = start { result.append(Interval(start: begun, end: Double(envelope.count - 1) / envelopeRate)) }
        return result
    }

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

/// A key-down interval in seconds.
struct Interval: Hashable {
    var start: Double
    var end: Double
    var length: Double { end - start }
}
