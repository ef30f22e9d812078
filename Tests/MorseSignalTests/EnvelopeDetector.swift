import Foundation
import MorseCode
import RealModule

/// A test-only envelope detector: quadrature demodulation at the tone, averaged over a whole number
/// of periods, then the intervals where the envelope is above half the peak.
struct EnvelopeDetector {
    let sampleRate: Double
    let frequency: Double
    let window: Int

    func envelope(_ samples: [Float]) -> [Double] {
        let n = samples.count
        var i = [Double](repeating: 0, count: n + 1), q = [Double](repeating: 0, count: n + 1)
        for k in 0..<n {
            let phase = 2 * Double.pi * frequency * Double(k) / sampleRate
            i[k + 1] = i[k] + Double(samples[k]) * Double.cos(phase)
            q[k + 1] = q[k] + Double(samples[k]) * Double.sin(phase)
        }
        let half = window / 2
        return (0..<n).map { k in
            let lo = max(0, k - half), hi = min(n, lo + window)
            let di = i[hi] - i[lo], dq = q[hi] - q[lo]
            return 2 * (di * di + dq * dq).squareRoot() / Double(hi - lo)
        }
    }

    /// Key-down intervals in seconds, with sub-sample crossing times by linear interpolation.
    func intervals(_ samples: [Float], threshold: Double) -> [KeyedTimeline.Interval] {
        let env = envelope(samples)
        var result: [KeyedTimeline.Interval] = []
        var start: Double?
        for k in 1..<env.count {
            let (a, b) = (env[k - 1], env[k])
            if (a < threshold) != (b < threshold) {
                let t = (Double(k - 1) + (threshold - a) / (b - a)) / sampleRate
                if let s = start { result.append(.init(start: s, end: t)); start = nil } else { start = t }
            }
        }
        return result
    }
}
