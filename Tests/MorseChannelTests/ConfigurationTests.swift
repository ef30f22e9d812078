import Foundation
import MorseCode
import RealModule
import Testing

@testable import MorseChannel

/// Presets, config limits and determinism.
@Suite struct ConfigurationTests {
    static func draws(
        _ preset: ConditionPreset, _ limits: ChannelLimits = .unrestricted, noiseOnly: Bool = false, count: Int = 60
    ) -> [ChannelParameters] {
        (0..<count).map { seed in
            var rng = SeededGenerator(seed: 500 + UInt64(seed))
            return preset.draw(limits: limits, noiseOnly: noiseOnly, clipDuration: 12, using: &rng)
        }
    }

    @Test func presetsDrawTheirReferenceConditions() {
        for p in Self.draws(.clean) {
            #expect(p.filter == .cwNarrow && p.interferers.isEmpty && p.fading == .none && p.qrnRate == 0)
            #expect((27...33).contains(p.snr) && p.driftRate == 0)
        }
        for p in Self.draws(.contestGood) {
            #expect((17...23).contains(p.snr) && p.interferers.count == 1)
            #expect(
                p.interferers.allSatisfy {
                    (20 * Double.log10(0.05) - 1e-9...20 * Double.log10(0.15) + 1e-9).contains($0.level)
                })
        }
        let moderate = Self.draws(.contestModerate)
        #expect(moderate.allSatisfy { (12...18).contains($0.snr) && (1...3).contains($0.interferers.count) })
        #expect(moderate.allSatisfy { abs($0.driftRate * 12) <= 30 + 1e-9 && (0.1...0.3).contains($0.qrnRate) })
        #expect(moderate.filter { $0.fading.kind == .slow }.count > 20)
        let poor = Self.draws(.contestPoor)
        #expect(
            poor.allSatisfy { (7...13).contains($0.snr) && $0.multipathDelays.count == 2 && $0.filter != .cwNarrow })
        #expect(poor.filter { $0.fading.kind == .selective }.count > 30)
        #expect(poor.allSatisfy { abs($0.driftRate * 12) <= 50 + 1e-9 && (0.3...0.7).contains($0.qrnRate) })
        let dx = Self.draws(.dxExpedition)
        #expect(dx.allSatisfy { (5...11).contains($0.snr) && (4...6).contains($0.interferers.count) })
        #expect(
            dx.allSatisfy {
                $0.interferers.allSatisfy {
                    (20 * Double.log10(0.3) - 1e-9...20 * Double.log10(0.7) + 1e-9).contains($0.level)
                }
            })
        #expect(dx.contains { abs($0.driftRate * 12) > 50 })
        for preset in ConditionPreset.allCases {
            #expect(Self.draws(preset, count: 5).allSatisfy { $0.agc == .standard && $0.limiterCeiling == 0.95 })
        }
    }

    /// The limits `contest_cw.yaml` gives (MorseDataset derives them from its config; written out
    /// here because this test target sees only the channel layer).
    static let contestCW = ChannelLimits(
        snrRange: 8...30, interfererCount: 0...5, qrnRate: 0...0.5, fadingRate: 0.1...0.5,
        fadingDepth: 0.1...0.7, driftMax: 0...100, multipath: true, multipathDelays: 0...0.005,
        agcEnabled: true, agcAttack: 0.01, agcRelease: 0.5, filterTypes: [.cwNarrow, .cwWide],
        fadingTypes: [.slow, .fast, .selective], toneRange: 600...800, wpmRange: 15...40, sampleRate: 16_000)

    @Test func contestConfigLimitsHold() {
        let limits = Self.contestCW
        for preset in ConditionPreset.allCases {
            for p in Self.draws(preset, limits) {
                #expect(
                    (8...30).contains(p.snr) && (0...5).contains(p.interferers.count) && (0...0.5).contains(p.qrnRate))
                #expect(p.filter != .ssb && [.none, .slow, .fast, .selective].contains(p.fading.kind))
                #expect((600...800).contains(p.tone) && abs(p.driftRate * 12) <= 100 + 1e-9)
                if [.slow, .selective].contains(p.fading.kind) {
                    #expect((0.1...0.5).contains(p.fading.rate) && (0.1...0.7).contains(p.fading.depth))
                }
                #expect(p.multipathDelays.allSatisfy { (0...0.005).contains($0) })
            }
        }
    }

    /// Each limit changes what is drawn as its name says.
    @Test func eachLimitRestrictsItsParameter() {
        func all(_ limits: ChannelLimits, _ check: (ChannelParameters) -> Bool) -> Bool {
            ConditionPreset.allCases.allSatisfy { Self.draws($0, limits, count: 20).allSatisfy(check) }
        }
        #expect(all(ChannelLimits(snrRange: 12...12)) { $0.snr == 12 })
        #expect(all(ChannelLimits(interfererCount: 0...0)) { $0.interferers.isEmpty })
        #expect(all(ChannelLimits(interfererCount: 4...4)) { $0.interferers.count == 4 })
        #expect(all(ChannelLimits(qrnRate: 1...1)) { $0.qrnRate == 1 })
        #expect(
            all(ChannelLimits(fadingRate: 0.4...0.4)) { p in
                ([p.fading] + p.interferers.map(\.fading)).allSatisfy {
                    [.slow, .rayleigh, .selective].contains($0.kind) ? $0.rate == 0.4 : true
                }
            })
        #expect(
            all(ChannelLimits(fadingDepth: 0.3...0.3)) { p in
                ([p.fading] + p.interferers.map(\.fading)).allSatisfy { fading in
                    let expected: Double = fading.kind.wattersonProfile == nil ? 0.3 : 1
                    return fading.kind == .none || fading.depth == expected
                }
            })
        // `[0, 0]` turns fading off, the Watterson conditions (whose depth is always 1) included.
        #expect(
            all(ChannelLimits(fadingDepth: 0...0)) { p in
                ([p.fading] + p.interferers.map(\.fading)).allSatisfy { $0.kind.wattersonProfile == nil }
            })
        #expect(
            all(ChannelLimits(driftMax: 0...0)) { p in
                p.driftRate == 0 && p.interferers.allSatisfy { $0.driftRate == 0 }
            })
        #expect(all(ChannelLimits(driftMax: 0...20)) { p in abs(p.driftRate * 12) <= 20 + 1e-9 })
        #expect(all(ChannelLimits(multipath: false)) { $0.multipathDelays.isEmpty })
        #expect(
            Self.draws(.contestPoor, ChannelLimits(multipathDelays: 0.002...0.003)).allSatisfy {
                $0.multipathDelays.count == 2 && $0.multipathDelays.allSatisfy { (0.002...0.003).contains($0) }
            })
        #expect(all(ChannelLimits(agcEnabled: false)) { $0.agc == nil })
        #expect(
            all(ChannelLimits(agcAttack: 0.002, agcRelease: 1.5)) {
                $0.agc == AGCParameters(attack: 0.002, release: 1.5)
            })
        #expect(all(ChannelLimits(filterTypes: [.cwWide])) { $0.filter == .cwWide })
        #expect(all(ChannelLimits(filterTypes: [.ssb, .cwNarrow])) { $0.filter != .cwWide })
        #expect(
            all(ChannelLimits(fadingTypes: [.fast])) { p in
                ([p.fading] + p.interferers.map(\.fading)).allSatisfy { [.none, .fast].contains($0.kind) }
            })
        #expect(all(ChannelLimits(toneRange: 500...500)) { $0.tone == 500 })
        #expect(all(ChannelLimits(wpmRange: 30...30)) { $0.interferers.allSatisfy { $0.wpm == 30 } })
    }

    /// Limits change the rendered audio, not only the metadata.
    @Test func limitsChangeTheAudio() {
        func render(_ parameters: ChannelParameters, seconds: Double = 3) -> (samples: [Float], report: ChannelReport) {
            var chain = ReceiverChain(sampleRate: 16_000)
            var rng = SeededGenerator(seed: 42)
            let wanted = parameters.wantedStation(timeline: carrier(from: 0.5, to: seconds - 0.5))
            return chain.renderSamples(
                wanted: wanted, interferers: [], parameters: parameters, sampleCount: Int(seconds * 16_000), using: &rng
            )
        }
        var base = plainParameters(snr: 10, agc: .standard)
        base.qrnStrength = 25
        // QRN rate: more crashes.
        var crashing = base
        crashing.qrnRate = 3
        let quiet = render(base), noisy = render(crashing, seconds: 10)
        #expect(quiet.report.crashCount == 0)
        #expect((10...60).contains(noisy.report.crashCount))
        // Crashes make the AGC pump: its gain range widens.
        #expect(
            noisy.report.agcGainMax - noisy.report.agcGainMin > quiet.report.agcGainMax - quiet.report.agcGainMin + 6)
        // AGC off versus attack and release times.
        var off = base
        off.agc = nil
        #expect(render(off).samples != quiet.samples && render(off).report.agcGainMax == 0)
        var slow = base
        slow.agc = AGCParameters(attack: 0.05, release: 2)
        #expect(render(slow).samples != quiet.samples)
        // Tone: the output's spectral peak follows it.
        var low = base
        low.tone = 520
        let spectrum = Spectrum.bins(render(low).samples)
        let peak = spectrum.power.indices.max { spectrum.power[$0] < spectrum.power[$1] } ?? 0
        #expect(abs(Double(peak) * 16_000 / Double(spectrum.count) - 520) < 5)
    }

    @Test func sameSeedSameBytes() {
        var rng = SeededGenerator(seed: 3)
        let parameters = ConditionPreset.contestPoor.draw(
            limits: .unrestricted, noiseOnly: false, clipDuration: 4, using: &rng)
        var keyRandom = SeededGenerator(seed: 4)
        let texts = parameters.interferers.map { _ in morse("TU 5NN 15 K1ABC") }
        let qrm = parameters.interferingStations(texts: texts, using: &keyRandom)
        let wanted = parameters.wantedStation(timeline: carrier(from: 0.3, to: 3.5))
        func once(_ chain: inout ReceiverChain, seed: UInt64) -> [Float] {
            var rng = SeededGenerator(seed: seed)
            return chain.renderSamples(
                wanted: wanted, interferers: qrm, parameters: parameters, sampleCount: 64_000, using: &rng
            ).samples
        }
        var first = ReceiverChain(sampleRate: 16_000), second = ReceiverChain(sampleRate: 16_000)
        let a = once(&first, seed: 10)
        _ = once(&second, seed: 11)  // the reused chain must not carry anything over
        let b = once(&second, seed: 10)
        #expect(a.map(\.bitPattern) == b.map(\.bitPattern))
        #expect(once(&first, seed: 12) != a)
        var stagesRandom = SeededGenerator(seed: 10)
        let stages = first.renderStages(
            wanted: wanted, interferers: qrm, parameters: parameters, sampleCount: 64_000, using: &stagesRandom)
        let worst = zip(stages.output, a).map { abs($0 - $1) }.max() ?? 1
        #expect(worst < 1e-4)
        var drawA = SeededGenerator(seed: 8), drawB = SeededGenerator(seed: 8)
        #expect(
            ConditionPreset.dxExpedition.draw(limits: Self.contestCW, noiseOnly: false, clipDuration: 9, using: &drawA)
                == ConditionPreset.dxExpedition.draw(
                    limits: Self.contestCW, noiseOnly: false, clipDuration: 9, using: &drawB))
    }

    @Test func parametersRoundTripThroughJSON() throws {
        var rng = SeededGenerator(seed: 1)
        let parameters = ConditionPreset.contestPoor.draw(
            limits: .unrestricted, noiseOnly: false, clipDuration: 10, using: &rng)
        let data = try JSONEncoder().encode(parameters)
        #expect(try JSONDecoder().decode(ChannelParameters.self, from: data) == parameters)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"contest_poor\"") && text.contains("\"cw_wide\"") || text.contains("\"ssb\""))
    }
}
