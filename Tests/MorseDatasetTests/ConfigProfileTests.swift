import MorseChannel
import MorseCode
import MorseDataset
import Testing

/// Coverage defaults and `profile` / `--profile reference` (issue 15.1).
@Suite("Config profiles")
struct ConfigProfileTests {
    @Test("the built-in defaults cover real listening")
    func coverageDefaults() throws {
        let config = try DatasetConfig.load(yaml: "")
        #expect(config == DatasetConfig.defaults)
        #expect(config.profile == .coverage)
        #expect(config.audio.toneFrequencyRange == 300...1000)
        #expect(config.noise.snrRange == -10...30)
        #expect(config.noise.snrDistribution == .hardWeighted)
        #expect(config.wpmRange == 10...45)
        #expect(FistKind.allCases.allSatisfy { (config.fists[$0] ?? 0) > 0 })
        #expect(config.farnsworth.probability == 0.15)
        #expect(config.channelLimits.snrDistribution == .hardWeighted)
    }

    @Test("profile reference restores the defaults before coverage")
    func referenceProfile() throws {
        for config in [
            try DatasetConfig.load(yaml: "profile: reference\n"), try DatasetConfig.load(yaml: "", profile: .reference),
        ] {
            #expect(config == DatasetConfig.referenceDefaults)
            #expect(config.audio.toneFrequencyRange == 600...800)
            #expect(config.noise.snrRange == 8...30 && config.noise.snrDistribution == .preset)
            #expect(config.wpmRange == 15...40 && config.farnsworth.probability == 0.1)
        }
        // The argument wins over the key, as `--profile` does over `profile:`.
        #expect(try DatasetConfig.load(yaml: "profile: reference\n", profile: .coverage) == DatasetConfig.defaults)
    }

    @Test("a key given wins over either profile")
    func explicitKeysWin() throws {
        let config = try DatasetConfig.load(yaml: "profile: reference\nwpm_range: [20, 30]\n")
        #expect(config.wpmRange == 20...30 && config.audio.toneFrequencyRange == 600...800)
        let coverage = try DatasetConfig.load(yaml: "audio:\n  tone_freq_range: [500, 900]\n")
        #expect(coverage.audio.toneFrequencyRange == 500...900 && coverage.wpmRange == 10...45)
    }

    @Test("noise.snr_range alone keeps its old meaning: presets clamped into it")
    func snrRangeAloneMeansPreset() throws {
        let alone = try DatasetConfig.load(yaml: "noise:\n  snr_range: [0, 20]\n")
        #expect(alone.noise.snrRange == 0...20 && alone.noise.snrDistribution == .preset)
        let both = try DatasetConfig.load(yaml: "noise:\n  snr_range: [0, 20]\n  snr_distribution: uniform\n")
        #expect(both.noise.snrDistribution == .uniform)
        let distributionOnly = try DatasetConfig.load(yaml: "noise:\n  snr_distribution: uniform\n")
        #expect(distributionOnly.noise.snrRange == -10...30 && distributionOnly.noise.snrDistribution == .uniform)
    }

    @Test("contest_cw.yaml draws the same channel under either profile")
    func contestConfigKeepsItsMeaning() throws {
        let coverage = try DatasetConfig.load(yaml: contestCWYAML)
        let reference = try DatasetConfig.load(yaml: contestCWYAML, profile: .reference)
        #expect(coverage.noise.snrDistribution == .preset)
        #expect(coverage.channelLimits == reference.channelLimits)
        #expect(coverage.wpmRange == reference.wpmRange)
    }

    @Test("an unknown profile is refused by name")
    func unknownProfile() {
        #expect {
            _ = try DatasetConfig.load(yaml: "profile: loud\n")
        } throws: { error in
            let text = String(describing: error)
            return text.contains("profile") && text.contains("loud") && text.contains("coverage")
        }
    }
}
