import MorseDataset
import Testing

/// A config that must be rejected, and the pieces its message must contain.
struct BadConfig: Sendable, CustomTestStringConvertible {
    let yaml: String
    let expected: [String]
    var testDescription: String { yaml.replacingOccurrences(of: "\n", with: "⏎") }

    init(_ yaml: String, _ expected: String...) {
        self.yaml = yaml
        self.expected = expected
    }
}

@Suite("Rejecting bad configs")
struct ConfigErrorTests {
    static let badConfigs: [BadConfig] = [
        // Unknown keys at every level, with the nearest allowed key.
        .init(
            "wpm_range: [15, 40]\nnosie:\n  snr_range: [8, 30]\n",
            "config:2: unknown key 'nosie'; did you mean 'noise'? Allowed keys here: profile, seed, contest_types"),
        .init(
            "noise:\n  snr_rnage: [8, 30]\n",
            "config:2: unknown key 'noise.snr_rnage'; did you mean 'snr_range'? Allowed keys in 'noise': snr_range"),
        .init("advanced_features:\n  agc_attak: 0.01\n", "advanced_features.agc_attak", "did you mean 'agc_attack'?"),
        .init(
            "composition_weights:\n  countries:\n    USA: 3\n    GERMNY: 10\n",
            "config:4: unknown key 'composition_weights.countries.GERMNY'; did you mean 'GERMANY'?"),
        .init(
            "duration_bands:\n  - {range: [3, 8], weight: 1}\n  - {range: [8, 15], wieght: 2}\n",
            "config:3: unknown key 'duration_bands[1].wieght'; did you mean 'weight'?"),
        .init("colour_noise: [pink]\n", "unknown key 'colour_noise'.", "Allowed keys here"),
        .init("42: x\n", "unknown key '42'"),
        // Wrong types.
        .init(
            "noise:\n  snr_range: high\n",
            "config:2: noise.snr_range: expected a list of two numbers like [-10, 30], got 'high'"),
        .init(
            "qso_probability: \"0.3\"\n", "qso_probability: expected a number from 0 to 1, got '0.3' (quoted, so text)"),
        .init(
            "audio:\n  sample_rate: 16000.5\n",
            "audio.sample_rate: expected a whole number from 8000 to 48000, got '16000.5'"),
        .init(
            "advanced_features:\n  multipath: maybe\n",
            "advanced_features.multipath: expected true or false, got 'maybe'"),
        .init(
            "noise:\n  qrm_interferers: [0, 2.5]\n",
            "noise.qrm_interferers: expected a list of two whole numbers like [0, 5], got '2.5'"),
        .init("audio: 16000\n", "audio: expected a mapping of keys (sample_rate, tone_freq_range), got '16000'"),
        .init("split_ratios: [0.8, 0.2]\n", "split_ratios: expected a list of three fractions", "got [0.8, 0.2]"),
        .init(
            "contest_types: CQWW\n", "contest_types: expected a list of contest types like [CQWW, CQWPX], got 'CQWW'"),
        .init("wpm_range: [15, 40, 60]\n", "wpm_range: expected a list of two numbers like [10, 45], got [15, 40, 60]"),
        .init("- just\n- a list\n", "(top level): expected a mapping of keys"),
        .init(
            "timing:\n  weight_ratio: heavy\n",
            "timing.weight_ratio: expected a number like 3 or a range like [2.8, 3.2], got 'heavy'"),
        // Empty and inverted ranges.
        .init(
            "wpm_range: [40, 15]\n",
            "config:1: wpm_range: [40, 15] is inverted; write the lower bound first, e.g. [15, 40]"),
        .init(
            "noise:\n  fading_depth: [0.7, 0.1]\n",
            "noise.fading_depth: [0.7, 0.1] is inverted; write the lower bound first, e.g. [0.1, 0.7]"),
        .init(
            "duration_bands:\n  - {range: [8, 3], weight: 1}\n", "duration_bands[0].range: [8, 3] is inverted",
            "e.g. [3, 8]"),
        .init("wpm_range: []\n", "wpm_range: the list is empty; write a list of two numbers like [10, 45]"),
        .init("contest_types: []\n", "contest_types: the list is empty; list at least one of: CQWW, CQWPX"),
        .init("conditions: []\n", "conditions: the list is empty"),
        .init("duration_bands: []\n", "duration_bands: the list is empty; give at least one band"),
        // Out of bounds.
        .init("wpm_range: [15, 70]\n", "config:1: wpm_range: 70 is above the maximum 60 WPM; use values from 5 to 60"),
        .init(
            "noise:\n  fading_rate: [0, 0.5]\n",
            "noise.fading_rate: 0 is not greater than 0 Hz; use values greater than 0 and at most 50 Hz"),
        .init(
            "noise:\n  snr_range: [-30, 10]\n",
            "noise.snr_range: -30 is below the minimum -20 dB; use values from -20 to 60 dB"),
        .init(
            "timing:\n  weight_ratio: 5\n",
            "timing.weight_ratio: 5 is above the maximum 4.5; use values from 2.5 to 4.5"),
        .init(
            "duration_bands:\n  - {range: [0.5, 8], weight: 1}\n",
            "config:2: duration_bands[0].range: 0.5 is below the minimum 1 s"),
        .init(
            "output:\n  shard_size: 0\n", "output.shard_size: 0 is below the minimum 1; use values from 1 to 1000000"),
        .init("seed: -3\n", "seed: -3 is negative; use a whole number from 0 to"),
        .init(
            "composition_weights:\n  sample_types:\n    ragchew: -1\n",
            "composition_weights.sample_types.ragchew: -1 is below the minimum 0"),
        .init("advanced_features:\n  agc_attack: 0\n", "advanced_features.agc_attack: 0 is not greater than 0 s"),
        // Ratios and weights.
        .init(
            "split_ratios: [0.8, 0.1, 0.2]\n", "config:1: split_ratios: [0.8, 0.1, 0.2] sum to 1.1; they must sum to 1"),
        .init("split_ratios: [0, 0.5, 0.5]\n", "split_ratios: [0, 0.5, 0.5] has a train fraction of 0"),
        .init(
            "fists: {keyer: 0, paddle: 0}\n",
            "fists: {keyer: 0, paddle: 0} has no weight above 0; give at least one fist a weight above 0"),
        .init("composition_weights:\n  countries: {}\n", "composition_weights.countries: {} has no weight above 0"),
        // Unknown and repeated names.
        .init(
            "conditions: [clean, contest_great]\n",
            "config:1: conditions: unknown condition 'contest_great'; did you mean 'contest_good'? Known: clean, contest_good"
        ),
        .init(
            "contest_types:\n  - CQWW\n  - cqwpx\n",
            "config:3: contest_types: unknown contest type 'cqwpx'; did you mean 'CQWPX'?"),
        .init(
            "prosigns:\n  common_prosigns: [AR, XX]\n", "prosigns.common_prosigns: unknown prosign 'XX'. Known: AR, AS"),
        .init(
            "output:\n  audio_format: float64\n",
            "output.audio_format: unknown audio format 'float64'; did you mean 'float32'?"),
        .init(
            "advanced_features:\n  filter_types: [cw_narow]\n",
            "unknown filter type 'cw_narow'; did you mean 'cw_narrow'?"),
        .init("conditions: [clean, clean]\n", "conditions: 'clean' is listed twice"),
        // Cross-field rules.
        .init(
            "audio:\n  sample_rate: 8000\n  tone_freq_range: [600, 3950]\n",
            "config:3: audio.tone_freq_range: 3950 is above 3900 Hz, 100 Hz below the Nyquist frequency of audio.sample_rate 8000"
        ),
        .init(
            "composition_weights:\n  sample_types:\n    plain_text: 5\n",
            "config:3: composition_weights.sample_types.plain_text: 5 turns on plain-text samples, but content.plain_text_file is not set"
        ),
        .init(
            "content:\n  plain_text_file: /nonexistent/plain.txt\n",
            "config:2: content.plain_text_file: '/nonexistent/plain.txt' is not a readable file"),
        // YAML syntax.
        .init("wpm_range: [15, 40\nconditions: [clean]\n", "config:", "invalid YAML"),
        .init("noise:\n  snr_range: [8, 30]\n   qrn_rate: [0, 1]\n", "config:3:", "invalid YAML"),
        .init("wpm_range: [15, 40]\nwpm_range: [10, 20]\n", "config:2:1: invalid YAML", "duplicate key 'wpm_range'"),
        .init(
            "noise:\n  snr_range: [8, 30]\n  qrn_rate: [0, 1]\n  snr_range: [1, 2]\n", "config:4:3: invalid YAML",
            "duplicate key 'snr_range'"),
    ]

    @Test("bad configs are rejected with the key, the value and the fix", arguments: badConfigs)
    func rejected(bad: BadConfig) {
        let error = configError { () throws(ConfigError) in try DatasetConfig.load(yaml: bad.yaml) }
        let message = error?.description ?? "(loaded without error)"
        for piece in bad.expected {
            #expect(message.contains(piece), "message: \(message)")
        }
    }

    @Test("the source name is used in messages")
    func sourceName() {
        let error = configError { () throws(ConfigError) in
            try DatasetConfig.load(yaml: "\n\nnosie: 1\n", source: "run.yaml")
        }
        #expect(error?.description.hasPrefix("run.yaml:3: unknown key 'nosie'") == true)
    }
}
