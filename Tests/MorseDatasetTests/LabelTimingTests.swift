import Foundation
import MorseChannel
import MorseCode
import MorseDatasetFormat
import MorseSignal
import Testing

@testable import MorseDataset

/// Label times against the delivered audio: the WAV the clip maker writes (after the whole
/// receiver chain, filter, AGC and limiter included) is demodulated at the tone and the 50 %
/// points of its envelope are compared with the record's character times.
@Suite struct LabelTimingTests {
    struct Offsets {
        var onsets: [Double] = []
        var releases: [Double] = []
        var all: [Double] { onsets + releases }
        static func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
        }
    }

    /// The character labels of a clip with the given filter and tone at high SNR, with the offsets
    /// (audio crossing − label) of every character's first key-down and last key-up, in seconds.
    static func offsets(filter: ReceiverFilterKind, tone: Double, clips: ClosedRange<Int>) throws -> Offsets {
        let settings = smallSettings(numSamples: 40, seed: 11, maxDuration: 6, noiseRatio: 0)
        let planner = try ClipPlanner(settings: settings)
        let maker = ClipMaker(planner: planner, layout: DatasetLayout(root: temporaryFolder(), numSamples: 40))
        var result = Offsets()
        for id in clips {
            var plan = try planner.plan(id)
            guard !plan.isNoiseOnly else { continue }
            plan.tone.frequency = tone
            plan.tone.chirpOffset = 0
            plan.tone.driftRate = 0
            plan.channel.tone = tone
            plan.channel.snr = 40
            plan.channel.filter = filter
            plan.channel.noiseColour = .white
            plan.channel.fading = .none
            plan.channel.driftRate = 0
            plan.channel.qrnRate = 0
            plan.channel.interferers = []
            plan.channel.multipathDelays = []
            plan.channel.multipathGains = []
            plan.channel.agc = .standard
            plan.others = []
            let made = try maker.make(plan: plan, split: .train)
            let audio = try WAVDecoder.decode(made.wav)
            #expect(audio.duration <= settings.maxDuration)
            let envelope = Self.envelope(audio.samples, tone: tone, sampleRate: Double(audio.sampleRate))
            let record = try #require(try JSONSerialization.jsonObject(with: Data(made.record.utf8)) as? [String: Any])
            let labels = try #require(record[ClipField.characters.rawValue] as? [[String: Any]])
            let keyed = plan.timeline
            #expect(labels.count == keyed.characters.count)
            let rise = ToneRenderer(sampleRate: Double(audio.sampleRate)).effectiveRiseTime(keyed, tone: plan.tone)
            for (label, character) in zip(labels, keyed.characters) {
                guard let start = label["start"] as? Double, let end = label["end"] as? Double,
                    let first = keyed.marks.first(where: { abs($0.start - character.start) < 1e-9 }),
                    let last = keyed.marks.last(where: { abs($0.end - character.end) < 1e-9 })
                else { continue }
                let rate = Double(audio.sampleRate)
                if let up = Self.crossing(envelope, mark: first, rising: true, rise: rise, sampleRate: rate) {
                    result.onsets.append(up - start)
                }
                if let down = Self.crossing(envelope, mark: last, rising: false, rise: rise, sampleRate: rate) {
                    result.releases.append(down - end)
                }
            }
        }
        return result
    }

    /// The envelope of `samples` around `tone` Hz: mixed down to 0 Hz and smoothed by a centred
    /// (zero-delay) 4 ms Hann window, which removes the 2·tone image for tones above 250 Hz.
    static func envelope(_ samples: [Float], tone: Double, sampleRate: Double) -> [Double] {
        let omega = 2 * Double.pi * tone / sampleRate
        let i = samples.indices.map { Double(samples[$0]) * cos(omega * Double($0)) }
        let q = samples.indices.map { Double(samples[$0]) * sin(omega * Double($0)) }
        let half = Int(0.002 * sampleRate)
        let window = (-half...half).map { 0.5 + 0.5 * cos(Double.pi * Double($0) / Double(half + 1)) }
        let total = window.reduce(0, +)
        return samples.indices.map { n in
            var a = 0.0, b = 0.0
            for k in -half...half where n + k >= 0 && n + k < samples.count {
                a += window[k + half] * i[n + k]
                b += window[k + half] * q[n + k]
            }
            return 2 * (a * a + b * b).squareRoot() / total
        }
    }

    /// The time the envelope crosses half the mark's steady level (its middle fifth), rising at the
    /// mark's start or falling at its end.
    static func crossing(
        _ envelope: [Double], mark: KeyedTimeline.Interval, rising: Bool, rise: Double, sampleRate: Double
    ) -> Double? {
        let plateau =
            Int((mark.start + 0.4 * mark.length) * sampleRate)..<Int((mark.end - 0.4 * mark.length) * sampleRate)
        guard plateau.lowerBound > 0, plateau.upperBound < envelope.count, !plateau.isEmpty else { return nil }
        let half = plateau.map { envelope[$0] }.reduce(0, +) / Double(plateau.count) / 2
        let edge = rising ? mark.start : mark.end
        var n = max(1, Int((edge - rise / 2 - 0.002) * sampleRate))
        let stop = min(envelope.count, Int((edge + rise / 2 + 0.010) * sampleRate))
        while n < stop {
            let a = envelope[n - 1], b = envelope[n]
            if rising ? (a < half && b >= half) : (a >= half && b < half) {
                return (Double(n - 1) + (half - a) / (b - a)) / sampleRate
            }
            n += 1
        }
        return nil
    }

    @Test(arguments: ReceiverFilterKind.allCases)
    func labelsFallOnTheDeliveredHalfAmplitudePoints(filter: ReceiverFilterKind) throws {
        for tone in [450.0, 700.0, 1000.0] {
            let offsets = try Self.offsets(filter: filter, tone: tone, clips: 0...4)
            #expect(offsets.onsets.count > 10 && offsets.releases.count > 10)
            let onset = Offsets.median(offsets.onsets) * 1000, release = Offsets.median(offsets.releases) * 1000
            let worst = (offsets.all.map(abs).max() ?? .nan) * 1000
            print(
                "label offsets \(filter.rawValue) \(tone) Hz: n \(offsets.onsets.count)/\(offsets.releases.count) onset median \(onset) ms, release median \(release) ms, max |offset| \(worst) ms"
            )
            #expect(abs(onset) < 0.25, "\(filter.rawValue) at \(tone) Hz: onset median \(onset) ms")
            #expect(abs(release) < 0.25, "\(filter.rawValue) at \(tone) Hz: release median \(release) ms")
            #expect(worst < 0.5, "\(filter.rawValue) at \(tone) Hz: largest offset \(worst) ms")
        }
    }
}
