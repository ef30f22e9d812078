import Foundation
import MorseCode
import Testing

@testable import MorseDecoder

@Suite("Decoder parts and harder clips")
struct DecoderPartsTests {
    @Test(
        "character error rate counts prosigns and word spaces as one symbol",
        arguments: [
            ("CQ DE K1ABC", "CQ DE K1ABC", 0),
            ("CQ DE K1ABC", "CQ DE K1ABD", 1),
            ("CQ <KN>", "CQ (", 0),  // same pattern, canonical spelling
            ("TU 5NN", "TU5NN", 1),  // a lost word space
            ("<AR>", "+", 0),
            ("AB", "", 2),
            ("", "E", 1),
        ])
    func characterErrors(reference: String, hypothesis: String, expected: Int) {
        let counted = CharacterErrorRate.errors(reference: reference, hypothesis: hypothesis)
        #expect(
            counted.errors == expected,
            "'\(reference)' vs '\(hypothesis)': \(counted.errors) errors, expected \(expected)")
    }

    @Test("tone search finds the carrier within 2 Hz", arguments: [350.0, 613.0, 700.0, 987.5, 1150.0])
    func toneSearch(tone: Double) throws {
        let clip = cleanClip("CQ TEST K1ABC", wpm: 25, fist: .exact, tone: tone)
        let estimate = try #require(ToneSearch(sampleRate: 16_000).estimate(clip.samples))
        #expect(abs(estimate.frequency - tone) < 2, "found \(estimate.frequency) Hz for \(tone) Hz")
        #expect(abs(estimate.driftRate) < 1, "drift \(estimate.driftRate) Hz/s on a steady tone")
    }

    @Test("decoded character times match the keyed timeline within 5 ms", arguments: [18.0, 32.0])
    func characterTimes(wpm: Double) {
        let text = "K1ABC 5NN 14"
        let clip = cleanClip(text, wpm: wpm, fist: .exact)
        let decoded = CWDecoder().decode(clip.samples)
        #expect(decoded.characters.count == clip.timeline.characters.count)
        for (heard, keyed) in zip(decoded.characters, clip.timeline.characters) {
            #expect(heard.text == keyed.text)
            #expect(
                abs(heard.start - keyed.start) < 0.005,
                "\(keyed.text) starts at \(keyed.start) s, heard at \(heard.start) s")
            #expect(abs(heard.end - keyed.end) < 0.005, "\(keyed.text) ends at \(keyed.end) s, heard at \(heard.end) s")
        }
    }

    @Test("Farnsworth spacing reads back exactly", arguments: [(20.0, 10.0), (25.0, 15.0), (30.0, 18.0)])
    func farnsworth(wpm: Double, effective: Double) {
        for (index, text) in sampleTexts.enumerated() {
            let clip = cleanClip(
                text, wpm: wpm, fist: Fist(kind: .keyer, sloppiness: 0.3), effectiveWPM: effective, seed: UInt64(index))
            let decoded = CWDecoder().decode(clip.samples)
            #expect(
                CharacterErrorRate.rate(reference: text, hypothesis: decoded.text) == 0,
                "\(wpm)/\(effective) WPM: '\(decoded.text)'")
        }
    }

    @Test("white noise at 10 dB SNR in 500 Hz: CER at most 3 %", arguments: [FistKind.keyer, .straight])
    func noisy(kind: FistKind) {
        var errors = 0, symbols = 0
        for (index, text) in sampleTexts.enumerated() {
            var clip = cleanClip(text, wpm: 25, fist: Fist(kind: kind, sloppiness: 0.4), seed: UInt64(index))
            addNoise(&clip.samples, snr: 10, seed: UInt64(index) + 50)
            let decoded = CWDecoder().decode(clip.samples)
            let counted = CharacterErrorRate.errors(reference: text, hypothesis: decoded.text)
            errors += counted.errors
            symbols += counted.length
        }
        let cer = Double(errors) / Double(symbols)
        #expect(cer <= 0.03, "\(kind) at 10 dB: CER \(cer) (\(errors) errors in \(symbols) symbols)")
    }

    @Test("silence decodes to nothing; one Farnsworth word stays one word")
    func edgeCases() {
        #expect(CWDecoder().decode([Float](repeating: 0, count: 16_000)).text == "")
        #expect(CWDecoder().decode(cleanClip("QRZ?", wpm: 20, fist: .exact, effectiveWPM: 10).samples).text == "QRZ?")
    }

    @Test("a stray short mark does not become the dit", arguments: [0.011, 0.015])
    func strayMark(length: Double) throws {
        let clip = cleanClip("EC3DPT TEST", wpm: 19, fist: .exact)
        let keyed = clip.timeline.marks.map { Interval(start: $0.start, end: $0.end) }
        let marks = [Interval(start: 0.1, end: 0.1 + length)] + keyed
        let thresholds = try #require(TimingClassifier().thresholds(marks))
        #expect(
            abs(thresholds.dit - 1.2 / 19) < 0.1 * 1.2 / 19, "dit \(thresholds.dit) s with a \(length) s stray mark")
        let text = TimingClassifier().read(marks, thresholds: thresholds).map(\.text).joined()
        #expect(text.hasSuffix("EC3DPT TEST"), "read '\(text)'")
    }

    @Test("a short text in seconds of noise at 8 dB: no string of noise characters", arguments: ["?", "QRZ?", "AGN"])
    func shortTextInNoise(text: String) {
        var clip = cleanClip(text, wpm: 20, fist: .exact)
        let silence = [Float](repeating: 0, count: 24_000)
        clip.samples = silence + clip.samples + silence
        addNoise(&clip.samples, snr: 8, seed: 77)
        let decoded = CWDecoder().decode(clip.samples)
        let counted = CharacterErrorRate.errors(reference: text, hypothesis: decoded.text)
        #expect(counted.errors <= 1, "'\(text)' in noise heard as '\(decoded.text)'")
    }
}
