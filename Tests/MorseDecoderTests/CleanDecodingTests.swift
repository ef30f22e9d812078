import Foundation
import MorseCode
import MorseDecoder
import Testing

@Suite("Decoding clean clips")
struct CleanDecodingTests {
    static let speeds: [Double] = [15, 20, 25, 30, 35, 40]

    @Test("keyer fist reads back exactly at every speed", arguments: speeds)
    func keyer(wpm: Double) {
        for (index, text) in sampleTexts.enumerated() {
            let clip = cleanClip(
                text, wpm: wpm, fist: Fist(kind: .keyer, sloppiness: 0.5), tone: 550 + 60 * Double(index),
                seed: UInt64(index))
            let decoded = CWDecoder().decode(clip.samples)
            let cer = CharacterErrorRate.rate(reference: text, hypothesis: decoded.text)
            #expect(cer == 0, "\(wpm) WPM: expected '\(parsed(text).canonical)', heard '\(decoded.text)' (CER \(cer))")
            #expect(abs(decoded.wpm - wpm) < 0.1 * wpm, "estimated \(decoded.wpm) WPM for \(wpm)")
        }
    }

    @Test("human fists at moderate sloppiness", arguments: [FistKind.paddle, .bug, .straight], speeds)
    func humanFists(kind: FistKind, wpm: Double) {
        var errors = 0, length = 0
        for (index, text) in sampleTexts.enumerated() {
            let clip = cleanClip(text, wpm: wpm, fist: Fist(kind: kind, sloppiness: 0.5), seed: UInt64(index) + 100)
            let decoded = CWDecoder().decode(clip.samples)
            let counted = CharacterErrorRate.errors(reference: text, hypothesis: decoded.text)
            errors += counted.errors
            length += counted.length
            #expect(
                counted.errors <= 1, "\(kind) \(wpm) WPM: expected '\(parsed(text).canonical)', heard '\(decoded.text)'"
            )
        }
        let cer = Double(errors) / Double(length)
        #expect(cer <= 0.01, "\(kind) at \(wpm) WPM: CER \(cer) over \(length) symbols")
    }
}
