import Foundation
import MorseCode
import MorseSignal
import RealModule

@testable import MorseChannel

/// Power spectrum helpers (a plain radix-2 FFT in Double).
enum Spectrum {
    /// In-place radix-2 FFT of (re, im); count must be a power of two.
    static func fft(_ re: inout [Double], _ im: inout [Double]) {
        let n = re.count
        var j = 0
        for i in 1..<n {
            var bit = n >> 1
            while j & bit != 0 { j ^= bit; bit >>= 1 }
            j |= bit
            if i < j { re.swapAt(i, j); im.swapAt(i, j) }
        }
        var length = 2
        while length <= n {
            let angle = -2 * Double.pi / Double(length)
            let wr = Double.cos(angle), wi = Double.sin(angle)
            var start = 0
            while start < n {
                var cr = 1.0, ci = 0.0
                for k in 0..<(length / 2) {
                    let a = start + k, b = a + length / 2
                    let tr = re[b] * cr - im[b] * ci, ti = re[b] * ci + im[b] * cr
                    re[b] = re[a] - tr; im[b] = im[a] - ti
                    re[a] += tr; im[a] += ti
                    let nr = cr * wr - ci * wi
                    ci = cr * wi + ci * wr
                    cr = nr
                }
                start += length
            }
            length <<= 1
        }
    }

    /// One-sided power per FFT bin (sums to the signal's mean square), first power-of-two samples.
    static func bins(_ signal: [Float]) -> (power: [Double], binWidth: Double, count: Int) {
        var n = 1
        while n * 2 <= signal.count { n *= 2 }
        var re = signal.prefix(n).map(Double.init), im = [Double](repeating: 0, count: n)
        fft(&re, &im)
        let scale = 1 / Double(n * n)
        let power = (0...(n / 2)).map { k -> Double in
            let p = (re[k] * re[k] + im[k] * im[k]) * scale
            return (k == 0 || k == n / 2) ? p : 2 * p
        }
        return (power, 1, n)
    }

    /// Power of `signal` between two frequencies in Hz.
    static func bandPower(_ signal: [Float], band: ClosedRange<Double>, sampleRate: Double) -> Double {
        let (power, _, n) = bins(signal)
        let width = sampleRate / Double(n)
        var total = 0.0
        for (k, p) in power.enumerated() where band.contains(Double(k) * width) { total += p }
        return total
    }

    /// Mean power per bin of `signal` within `halfWidth` Hz of `frequency` (a smoothed density).
    static func density(_ power: [Double], at frequency: Double, halfWidth: Double, binWidth: Double) -> Double {
        let low = max(0, Int(((frequency - halfWidth) / binWidth).rounded()))
        let high = min(power.count - 1, Int(((frequency + halfWidth) / binWidth).rounded()))
        return power[low...high].reduce(0, +) / Double(high - low + 1)
    }
}

func dB(_ ratio: Double) -> Double { 10 * Double.log10(ratio) }

func meanSquare(_ x: ArraySlice<Float>) -> Double {
    x.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(max(1, x.count))
}

/// A timeline holding one long key-down from `start` to `end` seconds.
func carrier(from start: Double, to end: Double) -> KeyedTimeline {
    KeyedTimeline(
        marks: [.init(start: start, end: end)], characters: [.init(text: "T", start: start, end: end)],
        words: [.init(text: "T", start: start, end: end)])
}

func morse(_ text: String) -> MorseText { (try? MorseText(text)) ?? MorseText(words: []) }

/// Parameters for a controlled test clip (no QRM, QRN, fading, AGC unless asked).
func plainParameters(
    snr: Double = 20, filter: ReceiverFilterKind = .cwWide, colour: NoiseColour = .white, tone: Double = 700,
    agc: AGCParameters? = nil
) -> ChannelParameters {
    ChannelParameters(
        condition: .clean, snr: snr, noiseColour: colour, filter: filter, tone: tone, fading: .none,
        driftRate: 0, qrnRate: 0, qrnStrength: 0, interferers: [], multipathDelays: [], multipathGains: [],
        agc: agc, limiterCeiling: 0.95)
}

/// Key-down intervals read from audio: the envelope (rectified, averaged over `window` s) above
/// half its high level.
func detectMarks(_ samples: [Float], sampleRate: Double, window: Double = 0.003) -> [KeyedTimeline.Interval] {
    let w = max(1, Int(window * sampleRate))
    var envelope = [Double](repeating: 0, count: samples.count)
    var running = 0.0
    for n in 0..<samples.count {
        running += Double(abs(samples[n]))
        if n >= w { running -= Double(abs(samples[n - w])) }
        envelope[max(0, n - w / 2)] = running / Double(w)
    }
    // The key-down level: the median of the envelope where it is clearly up (AGC overshoot after
    // long gaps must not set the level).
    let top = envelope.max() ?? 0
    let up = envelope.filter { $0 > 0.2 * top }.sorted()
    let high = up.isEmpty ? top : up[up.count / 2]
    // Hysteresis around half the key-down level, so ripple at a crossing cannot split a mark.
    let rise = 0.55 * high, fall = 0.45 * high
    var marks: [KeyedTimeline.Interval] = []
    var start: Int?
    for n in 0..<envelope.count {
        if envelope[n] > rise, start == nil { start = n }
        if envelope[n] < fall, let s = start {
            marks.append(.init(start: Double(s) / sampleRate, end: Double(n) / sampleRate))
            start = nil
        }
    }
    if let s = start { marks.append(.init(start: Double(s) / sampleRate, end: Double(envelope.count) / sampleRate)) }
    return marks
}
