import MorseChannel
import MorseCode
import MorseDataset
import MorseSignal

/// Receiver-chain cost: ns per output sample and real-time factor on one core, for a 20 s clip at
/// 16 kHz. Reproduce: `swift build -c release --product morse-benchmarks && .build/release/morse-benchmarks channel`.
func channelBenchmarks() {
    let sampleRate = 16_000.0
    let duration = 20.0
    let sampleCount = Int(duration * sampleRate)
    func text(_ string: String) -> MorseText { (try? MorseText(string)) ?? MorseText(words: []) }
    let qso = text("CQ TEST DE K1ABC K1ABC K DL2XYZ DE K1ABC 5NN 05 TU 73 GL QRZ? DE K1ABC TEST")
    let messages = [
        "CQ TEST DE JA1XYZ JA1XYZ TEST", "W1AW 5NN 14 TU", "TU 5NN 339 DL1ABC", "QRZ? DE OH2BH K",
        "G4ABC 5NN 15 AGN?", "CQ CQ DE EA5XYZ EA5XYZ K",
    ].map(text)

    var keyRandom = SeededGenerator(seed: 7)
    let wantedTimeline = Keyer(timing: MorseTiming(wpm: 25), fist: Fist(kind: .paddle, sloppiness: 0.3))
        .key(qso, using: &keyRandom).shifted(by: 0.8)

    func interferers(continuous: Bool) -> [InterfererParameters] {
        let offsets = [-180.0, -90, 110, 240, 420]
        let fadings: [FadingParameters] = [
            .init(kind: .slow, rate: 0.2, depth: 0.5), .init(kind: .rayleigh, rate: 0.3, depth: 0.8),
            .init(kind: .selective, rate: 0.5, depth: 0.6, pathDelays: [0, 0.001, 0.002]),
            .init(kind: .fast, rate: 10, depth: 0.5), .none,
        ]
        return offsets.indices.map { index in
            InterfererParameters(
                toneOffset: offsets[index], level: -3 - 2 * Double(index), wpm: 18 + 5 * Double(index),
                fist: FistKind.allCases[index % FistKind.allCases.count], sloppiness: 0.3,
                startTime: continuous ? -1 : 1.5 + 3 * Double(index), fading: fadings[index], driftRate: 1)
        }
    }

    let full = ChannelParameters(
        condition: .dxExpedition, snr: 8, noiseColour: .white, filter: .cwWide, tone: 700,
        fading: FadingParameters(kind: .rayleigh, rate: 0.2, depth: 0.7), driftRate: 2, qrnRate: 0.5,
        qrnStrength: 20, interferers: interferers(continuous: false), multipathDelays: [0.0015, 0.004],
        multipathGains: [-4, -8], agc: .standard, limiterCeiling: 0.95)
    let clean = ChannelParameters(condition: .clean, snr: 30, filter: .cwNarrow, tone: 700)

    func run(_ name: String, _ parameters: ChannelParameters, continuous: Bool = false) {
        var chain = ReceiverChain(sampleRate: sampleRate)
        let interfererParameters = continuous ? interferers(continuous: true) : parameters.interferers
        var stationRandom = SeededGenerator(seed: 11)
        let stations = zip(interfererParameters, continuous ? messages.map { _ in qso } : messages).map {
            $0.station(text: $1, wantedTone: parameters.tone, using: &stationRandom)
        }
        let wanted = parameters.wantedStation(timeline: wantedTimeline)
        let busy = stations.reduce(0.0) { total, station in
            total + station.timeline.marks.reduce(0) { $0 + max(0, min($1.end, duration) - max($1.start, 0)) }
        }
        var seed: UInt64 = 0
        let time = measure(seconds: 2) {
            seed += 1
            var rng = SeededGenerator(seed: seed)
            _ = chain.render(
                wanted: wanted, interferers: stations, parameters: parameters, sampleCount: sampleCount, using: &rng)
        }
        report(
            name,
            [
                ("audio_s", String(format: "%.0f", duration)),
                ("qrm", "\(stations.count)"),
                ("qrm_key_down_s", String(format: "%.1f", busy)),
                ("ns_per_sample", String(format: "%.2f", time * 1e9 / Double(sampleCount))),
                ("realtime_x", String(format: "%.0f", duration / time)),
            ])
    }

    // The tone rendering inside the chain (MorseSignal's ToneRenderer), for the split.
    func toneOnly(_ name: String, _ parameters: ChannelParameters) {
        var stationRandom = SeededGenerator(seed: 11)
        let stations =
            zip(parameters.interferers, messages).map {
                $0.station(text: $1, wantedTone: parameters.tone, using: &stationRandom)
            } + [parameters.wantedStation(timeline: wantedTimeline)]
        let renderer = ToneRenderer(sampleRate: sampleRate)
        var buffer = [Float](repeating: 0, count: sampleCount)
        let time = measure(seconds: 1) {
            buffer.withUnsafeMutableBufferPointer { out in
                for station in stations { renderer.add(station.timeline, tone: station.tone, offset: 0, into: out) }
            }
        }
        report(name, [("ns_per_sample", String(format: "%.2f", time * 1e9 / Double(sampleCount)))])
    }

    // Clips as the presets draw them (20 s, QRM sending typical messages), averaged over draws.
    func presetDraws(_ preset: ConditionPreset) {
        var drawRandom = SeededGenerator(seed: 5)
        var clips: [(ChannelParameters, StationSignal, [StationSignal])] = []
        for _ in 0..<8 {
            let parameters = preset.draw(
                limits: DatasetConfig.defaults.channelLimits, noiseOnly: false, clipDuration: duration,
                using: &drawRandom)
            let texts = parameters.interferers.indices.map { messages[$0 % messages.count] }
            clips.append(
                (
                    parameters, parameters.wantedStation(timeline: wantedTimeline),
                    parameters.interferingStations(texts: texts, using: &drawRandom)
                ))
        }
        var chain = ReceiverChain(sampleRate: sampleRate)
        var seed: UInt64 = 0
        let time =
            measure(seconds: 2) {
                for (parameters, wanted, qrm) in clips {
                    seed += 1
                    var rng = SeededGenerator(seed: seed)
                    _ = chain.render(
                        wanted: wanted, interferers: qrm, parameters: parameters, sampleCount: sampleCount, using: &rng)
                }
            } / Double(clips.count)
        let qrm = Double(clips.reduce(0) { $0 + $1.2.count }) / Double(clips.count)
        report(
            "channel \(preset.rawValue) draws",
            [
                ("audio_s", String(format: "%.0f", duration)),
                ("qrm_mean", String(format: "%.1f", qrm)),
                ("ns_per_sample", String(format: "%.2f", time * 1e9 / Double(sampleCount))),
                ("realtime_x", String(format: "%.0f", duration / time)),
            ])
    }

    run("channel full (5 QRM)", full)
    run("channel full (5 QRM always)", full, continuous: true)
    var noAGC = full
    noAGC.agc = nil
    run("channel full, AGC off", noAGC)
    var pink = full
    pink.noiseColour = .pink
    run("channel full, pink noise", pink)
    run("channel clean", clean)
    for preset in ConditionPreset.allCases { presetDraws(preset) }
    toneOnly("tone rendering only (6 stn)", full)
}
