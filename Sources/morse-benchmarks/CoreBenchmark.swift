import MorseCode
import MorseSignal

/// Keying and clean rendering cost: ns per output sample and real-time factor on one core.
func coreBenchmarks() {
    let text = (try? MorseText("CQ TEST DE K1ABC K1ABC <KN> 5NN 14 TU 73 GL W1AW QRZ?")) ?? MorseText(words: [])
    for (wpm, fist) in [(15.0, FistKind.keyer), (25, .bug), (40, .straight)] {
        let keyer = Keyer(timing: MorseTiming(wpm: wpm), fist: Fist(kind: fist, sloppiness: 0.5))
        var rng = SeededGenerator(seed: 1)
        let timeline = keyer.key(text, using: &rng)
        let renderer = ToneRenderer(sampleRate: 16_000)
        let tone = ToneParameters(frequency: 700, driftRate: 1)
        let samples = renderer.sampleCount(duration: timeline.duration + 1)
        let keyTime = measure {
            var r = SeededGenerator(seed: 2); _ = keyer.key(text, using: &r)
        }
        let renderTime = measure { _ = renderer.render(timeline, tone: tone) }
        let audio = Double(samples) / 16_000
        report(
            "render \(Int(wpm)) WPM \(fist.rawValue)",
            [
                ("audio_s", String(format: "%.2f", audio)),
                ("key_us", String(format: "%.1f", keyTime * 1e6)),
                ("render_ns_per_sample", String(format: "%.2f", renderTime * 1e9 / Double(samples))),
                ("realtime_x", String(format: "%.0f", audio / (renderTime + keyTime))),
            ])
    }
}
