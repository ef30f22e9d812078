import Foundation
import MorseCode
import MorseDecoder
import Testing

@Suite("the decoder refuses parameters it cannot work with")
struct HostileParameterTests {
    @Test(arguments: [Double.nan, .infinity, -.infinity, 0, -700, 8_000, 1e300])
    func toneOutsideTheAudio(tone: Double) {
        let error = #expect(throws: DecoderError.self) {
            try CWDecoder(sampleRate: 16_000, settings: DecoderSettings(tone: tone))
        }
        guard case .tone? = error else {
            Issue.record("expected a tone error for \(tone), got \(String(describing: error))")
            return
        }
    }

    @Test(arguments: [Double.nan, .infinity, 0, 1, 999, 1e12])
    func sampleRateOutsideLimits(rate: Double) {
        let error = #expect(throws: DecoderError.self) { try CWDecoder(sampleRate: rate) }
        guard case .sampleRate? = error else {
            Issue.record("expected a sample-rate error for \(rate), got \(String(describing: error))")
            return
        }
    }

    @Test(arguments: [Double.nan, .infinity, 1e6])
    func driftRate(rate: Double) {
        let error = #expect(throws: DecoderError.self) {
            try CWDecoder(sampleRate: 16_000, settings: DecoderSettings(tone: 700, driftRate: rate))
        }
        #expect(error?.description.hasPrefix("drift rate") == true)
    }

    @Test func searchBandNotFinite() {
        #expect(throws: DecoderError.self) {
            try CWDecoder(sampleRate: 16_000, settings: DecoderSettings(searchBand: 300 ... .infinity))
        }
    }

    /// NaN, infinite and enormous samples (a float WAV may hold them) decode without a trap, and
    /// a clip only scaled up is read the same as the original.
    @Test func nonFiniteAndHugeSamples() throws {
        let clip = cleanClip("CQ TEST", wpm: 25, fist: .exact)
        let plain = CWDecoder().decode(clip.samples).text
        #expect(plain == "CQ TEST")
        #expect(CWDecoder().decode(clip.samples.map { $0 * 1e30 }).text == plain)
        var poisoned = clip.samples
        poisoned[100] = .nan
        poisoned[200] = .infinity
        _ = CWDecoder().decode(poisoned)
        _ = CWDecoder().decode([Float](repeating: .nan, count: 16_000))
        _ = CWDecoder().decode([Float](repeating: .greatestFiniteMagnitude, count: 16_000))
    }

    /// The lowest sample rate we read still decodes without a trap.
    @Test func lowestSampleRate() throws {
        let decoder = try CWDecoder(sampleRate: 1_000)
        _ = decoder.decode((0..<5_000).map { Float(sin(Double($0) * 2 * .pi * 300 / 1_000)) })
    }
}
