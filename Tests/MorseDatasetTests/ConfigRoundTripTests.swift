import MorseDataset
import Testing

@Suite("Writing configs back")
struct ConfigRoundTripTests {
    static var everyKeyChanged: DatasetConfig {
        var config = DatasetConfig.defaults
        for mutation in ConfigMutation.all { mutation.apply(&config) }
        return config
    }

    @Test("yaml loads back to an equal config")
    func roundTrip() throws {
        let reference = try DatasetConfig.load(yaml: contestCWYAML)
        for config in [DatasetConfig.defaults, reference, Self.everyKeyChanged] {
            let yaml = config.yaml
            let loaded = try DatasetConfig.load(yaml: yaml)
            #expect(loaded == config, "\(yaml)")
            #expect(loaded.yaml == yaml)
        }
    }

    @Test("every key is written")
    func everyKeyWritten() {
        let yaml = DatasetConfig.defaults.yaml
        let keys = [
            "profile: coverage", "seed: null",
            "contest_types: [CQWW, CQWPX, ARRLDX, SWEEPSTAKES, FIELD_DAY, NAQP, SPRINT, IARU, WAE, ALL_ASIAN]",
            "wpm_range: [10, 45]", "qso_probability: 0.3", "split_ratios: [0.8, 0.1, 0.1]", "  sample_rate: 16000",
            "  tone_freq_range: [300, 1000]", "  snr_range: [-10, 30]", "  qrm_interferers: [0, 5]",
            "  colours: [white]",
            "  snr_distribution: hard_weighted", "  weight_ratio: 3",
            "    ARGENTINA: 5", "    plain_text: 0", "  agc_attack: 0.01",
            "  fading_types: [slow, fast, selective, watterson_good, watterson_moderate, watterson_poor]",
            "  track_elements: [callsigns, rst_reports, serial_numbers, grid_squares, states_provinces, zones]",
            "  straight: 15", "  effective_ratio: [0.5, 0.9]", "  - {range: [22, 28], weight: 10}",
            "silence_range: [0.5, 1.5]",
            "  envelopes: [raised-cosine, blackman-harris]", "  plain_text_file: null", "  shard_size: 1000",
        ]
        for key in keys { #expect(yaml.contains(key + "\n"), "\(key)") }
    }

    @Test("each single change changes the yaml and the fingerprint", arguments: ConfigMutation.all)
    func fingerprintChanges(mutation: ConfigMutation) throws {
        var config = DatasetConfig.defaults
        mutation.apply(&config)
        #expect(config != DatasetConfig.defaults)
        #expect(config.fingerprint != DatasetConfig.defaults.fingerprint)
        #expect(try DatasetConfig.load(yaml: config.yaml) == config)
    }

    @Test("the fingerprint is stable hex")
    func fingerprintStable() throws {
        let fingerprint = DatasetConfig.defaults.fingerprint
        #expect(fingerprint.count == 16)
        #expect(fingerprint.allSatisfy { $0.isHexDigit })
        #expect(DatasetConfig.defaults.fingerprint == fingerprint)
        #expect(try DatasetConfig.load(yaml: DatasetConfig.defaults.yaml).fingerprint == fingerprint)
        #expect(try DatasetConfig.load(yaml: "").fingerprint == fingerprint)
    }
}
