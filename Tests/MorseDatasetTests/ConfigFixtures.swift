import MorseDataset
import Testing

/// `contest_cw.yaml` of the reference, verbatim (trailing spaces included): it must load unchanged.
let contestCWYAML = #"""
    # Configuration for Contest CW Dataset Generation

    # Contest types to include in the dataset
    contest_types:
      - CQWW          # CQ World Wide DX Contest
      - CQWPX         # CQ WPX Contest
      - ARRLDX        # ARRL International DX Contest
      - FIELD_DAY     # ARRL Field Day
      - NAQP          # North American QSO Party
      - SWEEPSTAKES   # ARRL Sweepstakes
      - SPRINT        # NA Sprint
      - IARU          # IARU HF Championship

    # Speed range in Words Per Minute
    wpm_range: [15, 40]

    # Signal conditions to simulate
    conditions:
      - clean               # Perfect conditions (for baseline)
      - contest_good        # Good contest conditions (SNR ~20dB)
      - contest_moderate    # Moderate conditions (SNR ~15dB, some QRM)
      - contest_poor        # Poor conditions (SNR ~10dB, heavy QRM/QRN)
      - dx_expedition      # Pileup conditions (weak signal, heavy interference)

    # Probability of generating full QSOs vs single transmissions
    qso_probability: 0.3

    # Train/validation/test split ratios
    split_ratios: [0.8, 0.1, 0.1]

    # Audio parameters
    audio:
      sample_rate: 16000    # 16kHz for Whisper compatibility
      tone_freq_range: [600, 800]  # CW tone frequency range in Hz

    # Noise and interference parameters
    noise:
      snr_range: [8, 30]    # Signal-to-noise ratio range in dB
      qrm_interferers: [0, 5]  # Number of interfering stations
      qrn_rate: [0.0, 0.5]    # Static crashes per second
      fading_rate: [0.1, 0.5]  # QSB fading rate in Hz
      fading_depth: [0.1, 0.7]  # Maximum fade depth
      drift_max: [0, 100]      # Maximum frequency drift in Hz

    # CW timing variations (human-like imperfections)
    timing:
      variation_percent: [2, 8]  # Timing variation percentage
      weight_ratio: 3           # Dash/dot weight ratio (normally 3:1)

    # Dataset composition weights
    composition_weights:
      countries:
        USA: 30
        GERMANY: 20
        JAPAN: 15
        ENGLAND: 15
        CANADA: 10
        ITALY: 10
        RUSSIA: 10
        SPAIN: 5
        FRANCE: 5
        BRAZIL: 5
        AUSTRALIA: 5
        ARGENTINA: 5
      
      # Relative weights for different sample types
      sample_types:
        full_qso: 30
        cq_call: 20
        exchange_only: 25
        partial_copy: 15
        repeat_request: 10

    # Special callsign features
    callsigns:
      include_portable: 0.1    # Fraction of portable/mobile stations
      include_special: 0.05    # Fraction of special event/contest stations

    # Prosigns and abbreviations
    prosigns:
      use_abbreviations: 0.3   # Probability of using CW abbreviations
      common_prosigns:
        - AR    # End of message (+)
        - AS    # Wait
        - BK    # Break
        - KN    # Go ahead, specific station
        - SK    # End of contact
        - BT    # Separator (=)

    # Advanced features for state-of-the-art performance
    advanced_features:
      # Simulate real propagation effects
      multipath: true
      multipath_delays: [0, 5]  # ms
      
      # AGC effects
      agc_enabled: true
      agc_attack: 0.01    # seconds
      agc_release: 0.5    # seconds
      
      # Filter characteristics
      filter_types:
        - cw_narrow       # 250 Hz bandwidth
        - cw_wide         # 500 Hz bandwidth
      
      # QSB (fading) patterns
      fading_types:
        - slow            # HF propagation
        - fast            # Flutter (aircraft, aurora)
        - selective       # Multipath fading

    # Evaluation metrics
    evaluation:
      metrics:
        - wer             # Word Error Rate
        - cer             # Character Error Rate
        - callsign_accuracy  # Specific to amateur radio
        - exchange_accuracy  # Contest exchange accuracy
      
      # Specific elements to track
      track_elements:
        - callsigns
        - rst_reports
        - serial_numbers
        - grid_squares
        - states_provinces
        - zones 
    """#

/// The error `body` throws, or `nil` when it succeeds.
func configError(_ body: () throws(ConfigError) -> DatasetConfig) -> ConfigError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

/// One change to a config, for round-trip and fingerprint tests: every field of the config is
/// changed by one of ``ConfigMutation/all``, and each keeps the config valid.
struct ConfigMutation: Sendable, CustomTestStringConvertible {
    let name: String
    let apply: @Sendable (inout DatasetConfig) -> Void

    var testDescription: String { name }

    static let all: [ConfigMutation] = [
        .init(name: "profile") { $0.profile = .reference },
        .init(name: "seed") { $0.seed = 42 },
        .init(name: "contest_types") { $0.contestTypes = [.WAE, .CQWW] },
        .init(name: "wpm_range") { $0.wpmRange = 10...25 },
        .init(name: "conditions") { $0.conditions = [.clean] },
        .init(name: "qso_probability") { $0.qsoProbability = 0.1 + 0.2 },
        .init(name: "split_ratios") { $0.splitRatios = .init(train: 0.7, validation: 0.2, test: 0.1) },
        .init(name: "audio.sample_rate") { $0.audio.sampleRate = 22050 },
        .init(name: "audio.tone_freq_range") { $0.audio.toneFrequencyRange = 500...950.5 },
        .init(name: "noise.snr_range") { $0.noise.snrRange = -5...12.25 },
        .init(name: "noise.qrm_interferers") { $0.noise.qrmInterferers = 1...3 },
        .init(name: "noise.qrn_rate") { $0.noise.qrnRate = 0.1...2 },
        .init(name: "noise.fading_rate") { $0.noise.fadingRate = 0.05...1 },
        .init(name: "noise.fading_depth") { $0.noise.fadingDepth = 0...1 },
        .init(name: "noise.drift_max") { $0.noise.driftMax = 5...50 },
        .init(name: "noise.colours") { $0.noise.colours = [.pink, .white] },
        .init(name: "noise.snr_distribution") { $0.noise.snrDistribution = .uniform },
        .init(name: "timing.variation_percent") { $0.timing.variationPercent = 1...3 },
        .init(name: "timing.weight_ratio") { $0.timing.weightRatio = 2.8...3.3 },
        .init(name: "composition_weights.countries") { $0.compositionWeights.countries[.ARGENTINA] = 0.5 },
        .init(name: "composition_weights.sample_types") { $0.compositionWeights.sampleTypes[.ragchew] = 7 },
        .init(name: "callsigns.include_portable") { $0.callsigns.includePortable = 0.2 },
        .init(name: "callsigns.include_special") { $0.callsigns.includeSpecial = 0 },
        .init(name: "prosigns.use_abbreviations") { $0.prosigns.useAbbreviations = 1 },
        .init(name: "prosigns.common_prosigns") { $0.prosigns.commonProsigns = [] },
        .init(name: "advanced_features.multipath") { $0.advancedFeatures.multipath = false },
        .init(name: "advanced_features.multipath_delays") { $0.advancedFeatures.multipathDelays = 1...20 },
        .init(name: "advanced_features.agc_enabled") { $0.advancedFeatures.agcEnabled = false },
        .init(name: "advanced_features.agc_attack") { $0.advancedFeatures.agcAttack = 0.002 },
        .init(name: "advanced_features.agc_release") { $0.advancedFeatures.agcRelease = 2 },
        .init(name: "advanced_features.filter_types") { $0.advancedFeatures.filterTypes = [.ssb] },
        .init(name: "advanced_features.fading_types") { $0.advancedFeatures.fadingTypes = [.rayleigh, .slow] },
        .init(name: "evaluation.metrics") { $0.evaluation.metrics = [.cer] },
        .init(name: "evaluation.track_elements") { $0.evaluation.trackElements = [] },
        .init(name: "fists") { $0.fists[.straight] = 1 },
        .init(name: "farnsworth.probability") { $0.farnsworth.probability = 0.5 },
        .init(name: "farnsworth.effective_ratio") { $0.farnsworth.effectiveRatio = 0.6...0.6 },
        .init(name: "duration_bands") { $0.durationBands = [.init(range: 1...600, weight: 1)] },
        .init(name: "silence_range") { $0.silenceRange = 0...0.25 },
        .init(name: "keying.rise_time_ms") { $0.keying.riseTimeMs = 1...2 },
        .init(name: "keying.envelopes") { $0.keying.envelopes = [.blackmanHarris] },
        .init(name: "keying.chirp_probability") { $0.keying.chirpProbability = 0.5 },
        .init(name: "keying.chirp_hz") { $0.keying.chirpHz = 0...0 },
        .init(name: "content.cut_number_rate") { $0.content.cutNumberRate = 0.1 },
        // Any readable file will do: this source file.
        .init(name: "content.plain_text_file") { $0.content.plainTextFile = String(#filePath) },
        .init(name: "output.formats") { $0.output.formats = [.webdataset, .folder] },
        .init(name: "output.audio_format") { $0.output.audioFormat = .float32 },
        .init(name: "output.shard_size") { $0.output.shardSize = 7 },
    ]
}
