import MorseCode
import Testing

@testable import MorseChannel

/// `noise.snr_distribution`: the presets' own bands, or the config's range, uniform or weighted
/// towards weak signals.
@Suite struct SNRDistributionTests {
    static func snrs(_ distribution: SNRDistribution, range: ClosedRange<Double>, count: Int = 4000) -> [Double] {
        let limits = ChannelLimits(snrRange: range, snrDistribution: distribution)
        return (0..<count).map { index in
            var rng = SeededGenerator(seed: 9000 + UInt64(index))
            let preset = ConditionPreset.allCases[index % ConditionPreset.allCases.count]
            return preset.draw(limits: limits, noiseOnly: false, clipDuration: 10, using: &rng).snr
        }
    }

    /// Shares of `values` in the four quarters of `range`.
    static func quarterShares(_ values: [Double], _ range: ClosedRange<Double>) -> [Double] {
        var counts = [0, 0, 0, 0]
        let width = range.upperBound - range.lowerBound
        for value in values { counts[min(3, Int((value - range.lowerBound) / width * 4))] += 1 }
        return counts.map { Double($0) / Double(values.count) }
    }

    @Test func presetDrawsStayInsideThePresetBands() {
        // The presets' bands span 5–33 dB: with `preset` a −10…30 dB range is never reached below 5.
        let values = Self.snrs(.preset, range: -10...30)
        #expect(values.allSatisfy { (5...30).contains($0) })
        #expect(values.min() ?? 0 >= 5)
    }

    @Test func uniformFillsTheRangeEvenly() {
        let range = -10.0...30.0
        let shares = Self.quarterShares(Self.snrs(.uniform, range: range), range)
        // 4 σ of a binomial share 0.25 over 4,000 draws is 0.027.
        for share in shares { #expect(abs(share - 0.25) < 0.03, "\(shares)") }
    }

    @Test func hardWeightedFavoursWeakSignals() {
        let range = -10.0...30.0
        let values = Self.snrs(.hardWeighted, range: range)
        #expect(values.allSatisfy { range.contains($0) })
        // Density 3 − 2t: CDF (3t − t²)/2 gives quarters 0.34375, 0.28125, 0.21875, 0.15625.
        let expected = [0.34375, 0.28125, 0.21875, 0.15625]
        let shares = Self.quarterShares(values, range)
        for (share, want) in zip(shares, expected) { #expect(abs(share - want) < 0.03, "\(shares)") }
        #expect((values.min() ?? 99) < -9 && (values.max() ?? -99) > 28)
    }

    @Test(arguments: [SNRDistribution.uniform, .hardWeighted])
    func onlyTheSNRChangesWithTheDistribution(distribution: SNRDistribution) {
        // One uniform number per clip in every case, so the rest of the draw is the same.
        for seed in UInt64(0)..<40 {
            var a = SeededGenerator(seed: seed), b = SeededGenerator(seed: seed)
            let preset = ConditionPreset.contestPoor
            let old = preset.draw(
                limits: ChannelLimits(snrRange: -10...30), noiseOnly: false, clipDuration: 8, using: &a)
            let new = preset.draw(
                limits: ChannelLimits(snrRange: -10...30, snrDistribution: distribution), noiseOnly: false,
                clipDuration: 8, using: &b)
            #expect(old.tone == new.tone && old.filter == new.filter && old.fading == new.fading)
            #expect(old.interferers.count == new.interferers.count)
        }
    }

    @Test func withoutARangeThePresetDecides() {
        var a = SeededGenerator(seed: 3), b = SeededGenerator(seed: 3)
        let old = ConditionPreset.clean.draw(limits: .unrestricted, noiseOnly: false, clipDuration: 8, using: &a)
        let new = ConditionPreset.clean.draw(
            limits: ChannelLimits(snrDistribution: .hardWeighted), noiseOnly: false, clipDuration: 8, using: &b)
        #expect(old.snr == new.snr && (27...33).contains(new.snr))
    }
}
