import MorseCode
import MorseSignal
import RealModule
import Testing

@testable import MorseChannel

/// Interfering stations key real Morse; noise-only clips hold nothing decodable in the passband.
@Suite struct StationTests {
    static let sampleRate = 16_000.0

    /// A QRM station drawn from a busy preset, rendered alone through the chain, reads back as its text.
    @Test(arguments: FistKind.allCases, [15.0, 28, 40])
    func interferersAreDecodableMorse(fist: FistKind, wpm: Double) {
        var rng = SeededGenerator(seed: UInt64(wpm) * 7 + UInt64(FistKind.allCases.firstIndex(of: fist) ?? 0))
        let drawn = ConditionPreset.dxExpedition.draw(
            limits: .unrestricted, noiseOnly: false, clipDuration: 12, using: &rng)
        var interferer = drawn.interferers.first ?? InterfererParameters(toneOffset: 80, level: -5)
        interferer.fist = fist
        interferer.wpm = wpm
        interferer.startTime = 0.5
        interferer.fading = .none
        interferer.toneOffset = 60
        interferer.level = 0
        let text = morse("CQ TEST DE W1AW K")
        var keyRandom = SeededGenerator(seed: 12)
        let station = interferer.station(text: text, wantedTone: 700, using: &keyRandom)
        let duration = station.timeline.duration + 1
        var parameters = plainParameters(snr: 60, filter: .cwWide, agc: .standard)
        parameters.interferers = [interferer]
        var chain = ReceiverChain(sampleRate: Self.sampleRate)
        var renderRandom = SeededGenerator(seed: 13)
        let (audio, _) = chain.renderSamples(
            wanted: nil, interferers: [station], parameters: parameters,
            sampleCount: Int(duration * Self.sampleRate), using: &renderRandom)
        let marks = detectMarks(audio, sampleRate: Self.sampleRate)
        #expect(marks.count == station.timeline.marks.count, "\(interferer)")
        guard marks.count == station.timeline.marks.count else { return }
        // Edges agree within a rise time once the filter's constant delay is removed.
        let delays = zip(marks, station.timeline.marks).map { $0.start - $1.start }.sorted()
        let delay = delays[delays.count / 2]
        for (found, keyed) in zip(marks, station.timeline.marks) {
            #expect(abs(found.start - delay - keyed.start) < interferer.riseTime + 0.003)
            #expect(abs(found.end - delay - keyed.end) < interferer.riseTime + 0.003)
        }
        let read = KeyedTimeline(marks: marks, characters: [], words: []).readText(timing: MorseTiming(wpm: wpm))
        #expect(read == text.canonical)
    }

    /// Noise-only draws: every interferer is out of the passband with its filtered carrier 20 dB
    /// under the noise in 500 Hz, or in the passband 20 dB under it.
    @Test(arguments: ConditionPreset.allCases)
    func noiseOnlyDrawsHoldNothingDecodable(preset: ConditionPreset) {
        var limits = ChannelLimits.unrestricted
        limits.interfererCount = 3...5
        for seed in 0..<40 {
            var rng = SeededGenerator(seed: UInt64(seed))
            let parameters = preset.draw(limits: limits, noiseOnly: true, clipDuration: 15, using: &rng)
            #expect(parameters.interferers.count >= 3)
            #expect(parameters.fading == .none && parameters.multipathDelays.isEmpty && parameters.driftRate == 0)
            let filter = ReceiverFilter(kind: parameters.filter, centre: parameters.tone, sampleRate: limits.sampleRate)
            for interferer in parameters.interferers {
                let start = parameters.tone + interferer.toneOffset
                let end = start + interferer.driftRate * 15
                let gain = max(filter.designGain(at: start), filter.designGain(at: end))
                let filteredSNR = parameters.snr + interferer.level + 20 * Double.log10(gain)
                #expect(filteredSNR <= -19.99, "\(preset) seed \(seed): interferer at \(filteredSNR) dB in 500 Hz")
                #expect(interferer.fading.neverExceedsUnity)
                let inside = (filter.lowEdge...filter.highEdge).contains(start)
                if !inside {
                    #expect(start >= filter.highEdge + 149 || start <= filter.lowEdge - 149)
                }
            }
        }
    }

    /// Rendered noise-only clips: the interference in the passband is far below the band noise there.
    @Test(arguments: ConditionPreset.allCases)
    func noiseOnlyClipsRenderNothingDecodable(preset: ConditionPreset) {
        var limits = ChannelLimits.unrestricted
        limits.interfererCount = 5...5
        var rng = SeededGenerator(seed: 99)
        let parameters = preset.draw(limits: limits, noiseOnly: true, clipDuration: 6, using: &rng)
        let texts = Array(repeating: morse("CQ CQ DE JA1ABC JA1ABC K TEST"), count: parameters.interferers.count)
        let stations = parameters.interferingStations(texts: texts, using: &rng).map { station -> StationSignal in
            var station = station
            station.timeline = station.timeline.shifted(by: -station.timeline.marks[0].start + 0.2)
            return station
        }
        var chain = ReceiverChain(sampleRate: Self.sampleRate)
        let stages = chain.renderStages(
            wanted: nil, interferers: stations, parameters: parameters, sampleCount: Int(6 * Self.sampleRate),
            using: &rng)
        let filter = ReceiverFilter(kind: parameters.filter, centre: parameters.tone, sampleRate: Self.sampleRate)
        var interference = stages.interference, noise = stages.noise
        interference.withUnsafeMutableBufferPointer { filter.process($0) }
        noise.withUnsafeMutableBufferPointer { filter.process($0) }
        let ratio = dB(meanSquare(interference[...]) / meanSquare(noise[...]))
        #expect(ratio < -15, "\(preset): filtered interference \(ratio) dB against filtered noise")
    }
}
