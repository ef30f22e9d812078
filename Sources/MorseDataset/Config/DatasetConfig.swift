import MorseChannel
import MorseCode
import MorseContent
import MorseDatasetFormat
import MorseSignal

/// Everything a dataset run can be configured with: the reference's `contest_cw.yaml` keys plus ours.
///
/// A config is a plain value. Build one with ``DatasetConfig/load(yaml:source:relativeTo:)`` or
/// ``DatasetConfig/load(contentsOf:)`` (keys that are absent keep their ``defaults``), or start from
/// ``defaults`` and change fields, then call ``validated()``. ``yaml`` writes the full effective
/// config back; ``fingerprint`` identifies it.
///
/// Names in lists (contest types, conditions, filter kinds, …) are the enums of the layers that
/// use them (see ``ConfigName``); weights maps always hold every known name (0 = off) after
/// ``validated()``. Every key is described once, in ``ConfigSchema``.
public struct DatasetConfig: Sendable, Hashable {
    /// The defaults that keys a config leaves out take (``ConfigProfile``); set by `profile:` or
    /// the CLI's `--profile`.
    public var profile: ConfigProfile = .coverage
    /// Dataset seed; `nil` lets the CLI choose one (its `--seed` option wins over this key).
    public var seed: UInt64?
    /// Contests whose exchanges the content generator uses (``ContestType``).
    public var contestTypes: [ContestType]
    /// Character speed range in words per minute (PARIS), drawn per clip.
    public var wpmRange: ClosedRange<Double>
    /// Channel condition presets drawn per clip (``ConditionPreset``).
    public var conditions: [ConditionPreset]
    /// Probability that a clip holds a whole QSO rather than a single transmission.
    public var qsoProbability: Double
    /// Fractions of clips in the train, validation and test splits; they sum to 1.
    public var splitRatios: SplitRatios
    /// Sample rate and tone frequency.
    public var audio: Audio
    /// Noise and interference ranges that bound what the condition presets draw.
    public var noise: Noise
    /// Human timing imperfections.
    public var timing: Timing
    /// Relative weights of callsign countries and sample types.
    public var compositionWeights: CompositionWeights
    /// Callsign options.
    public var callsigns: Callsigns
    /// Prosign and abbreviation options.
    public var prosigns: Prosigns
    /// Propagation and receiver effects.
    public var advancedFeatures: AdvancedFeatures
    /// What the dataset records for evaluation.
    public var evaluation: Evaluation
    /// Relative weights of operator fist kinds (0 = never).
    public var fists: [FistKind: Double]
    /// Farnsworth spacing (characters at full speed, longer gaps).
    public var farnsworth: Farnsworth
    /// Target clip duration bands, one drawn per clip by weight.
    public var durationBands: [DurationBand]
    /// Silence before and after the Morse, in seconds (drawn separately for each side).
    public var silenceRange: ClosedRange<Double>
    /// Keying edge and chirp options.
    public var keying: Keying
    /// Text content options.
    public var content: Content
    /// Output formats.
    public var output: Output
    /// Persistent operators: how many there are (0 = every clip draws its own fist, speed and pitch).
    public var operators = Operators(poolSize: 2000)
    /// What the splits keep apart: clips, or operators (no operator in two splits).
    public var splitBy: SplitUnit = .clip

    /// Creates a config from every field; prefer starting from ``defaults``.
    public init(
        seed: UInt64?, contestTypes: [ContestType], wpmRange: ClosedRange<Double>, conditions: [ConditionPreset],
        qsoProbability: Double, splitRatios: SplitRatios, audio: Audio, noise: Noise, timing: Timing,
        compositionWeights: CompositionWeights, callsigns: Callsigns, prosigns: Prosigns,
        advancedFeatures: AdvancedFeatures, evaluation: Evaluation, fists: [FistKind: Double],
        farnsworth: Farnsworth, durationBands: [DurationBand], silenceRange: ClosedRange<Double>,
        keying: Keying, content: Content, output: Output
    ) {
        self.seed = seed
        self.contestTypes = contestTypes
        self.wpmRange = wpmRange
        self.conditions = conditions
        self.qsoProbability = qsoProbability
        self.splitRatios = splitRatios
        self.audio = audio
        self.noise = noise
        self.timing = timing
        self.compositionWeights = compositionWeights
        self.callsigns = callsigns
        self.prosigns = prosigns
        self.advancedFeatures = advancedFeatures
        self.evaluation = evaluation
        self.fists = fists
        self.farnsworth = farnsworth
        self.durationBands = durationBands
        self.silenceRange = silenceRange
        self.keying = keying
        self.content = content
        self.output = output
    }
}

extension DatasetConfig {
    /// Train / validation / test fractions (`split_ratios: [train, validation, test]`).
    public struct SplitRatios: Sendable, Hashable {
        /// Fraction of clips in the train split (> 0).
        public var train: Double
        /// Fraction of clips in the validation split.
        public var validation: Double
        /// Fraction of clips in the test split.
        public var test: Double
        /// Creates split ratios.
        public init(train: Double, validation: Double, test: Double) {
            self.train = train
            self.validation = validation
            self.test = test
        }
    }

    /// `audio`: output sample rate and CW tone.
    public struct Audio: Sendable, Hashable {
        /// Output sample rate in Hz (8000…48000).
        public var sampleRate: Int
        /// CW tone frequency range in Hz; its top stays 100 Hz below the Nyquist frequency.
        public var toneFrequencyRange: ClosedRange<Double>
        /// Creates audio settings.
        public init(sampleRate: Int, toneFrequencyRange: ClosedRange<Double>) {
            self.sampleRate = sampleRate
            self.toneFrequencyRange = toneFrequencyRange
        }
    }

    /// `noise`: ranges that the condition presets' drawn channel parameters are clamped into.
    public struct Noise: Sendable, Hashable {
        /// Signal-to-noise ratio range in dB.
        public var snrRange: ClosedRange<Double>
        /// Number of interfering stations (QRM).
        public var qrmInterferers: ClosedRange<Int>
        /// Static crashes (QRN) per second.
        public var qrnRate: ClosedRange<Double>
        /// QSB fading rate in Hz.
        public var fadingRate: ClosedRange<Double>
        /// Maximum fade depth, 0 (none) … 1 (full).
        public var fadingDepth: ClosedRange<Double>
        /// Maximum tone drift in Hz.
        public var driftMax: ClosedRange<Double>
        /// Noise colours drawn from.
        public var colours: [NoiseColour]
        /// How the SNR is drawn: by the presets (clamped into ``snrRange``) or from ``snrRange``.
        public var snrDistribution: SNRDistribution
        /// Creates noise settings.
        public init(
            snrRange: ClosedRange<Double>, qrmInterferers: ClosedRange<Int>, qrnRate: ClosedRange<Double>,
            fadingRate: ClosedRange<Double>, fadingDepth: ClosedRange<Double>, driftMax: ClosedRange<Double>,
            colours: [NoiseColour], snrDistribution: SNRDistribution = .preset
        ) {
            self.snrRange = snrRange
            self.snrDistribution = snrDistribution
            self.qrmInterferers = qrmInterferers
            self.qrnRate = qrnRate
            self.fadingRate = fadingRate
            self.fadingDepth = fadingDepth
            self.driftMax = driftMax
            self.colours = colours
        }
    }

    /// `timing`: human imperfections of the operator's keying.
    public struct Timing: Sendable, Hashable {
        /// Per-element timing spread in percent; a fist's sloppiness is `percent / 10`.
        public var variationPercent: ClosedRange<Double>
        /// Dash-to-dot length ratio (3 is standard); a single number in YAML is a fixed ratio.
        public var weightRatio: ClosedRange<Double>
        /// Creates timing settings.
        public init(variationPercent: ClosedRange<Double>, weightRatio: ClosedRange<Double>) {
            self.variationPercent = variationPercent
            self.weightRatio = weightRatio
        }
    }

    /// `composition_weights`: relative weights; every known name is present (0 = never).
    public struct CompositionWeights: Sendable, Hashable {
        /// Callsign country weights.
        public var countries: [Country: Double]
        /// Sample type weights.
        public var sampleTypes: [SampleType: Double]
        /// Creates composition weights.
        public init(countries: [Country: Double], sampleTypes: [SampleType: Double]) {
            self.countries = countries
            self.sampleTypes = sampleTypes
        }
    }

    /// `callsigns`: special callsign forms.
    public struct Callsigns: Sendable, Hashable {
        /// Fraction of portable / mobile callsigns (`/P`, `/M`, `/QRP`, …).
        public var includePortable: Double
        /// Fraction of special event / contest callsigns (e.g. K1A).
        public var includeSpecial: Double
        /// Creates callsign settings.
        public init(includePortable: Double, includeSpecial: Double) {
            self.includePortable = includePortable
            self.includeSpecial = includeSpecial
        }
    }

    /// `prosigns`: prosigns and CW abbreviations in the text.
    public struct Prosigns: Sendable, Hashable {
        /// Probability of using CW abbreviations.
        public var useAbbreviations: Double
        /// Prosigns the text may contain.
        public var commonProsigns: [Prosign]
        /// Creates prosign settings.
        public init(useAbbreviations: Double, commonProsigns: [Prosign]) {
            self.useAbbreviations = useAbbreviations
            self.commonProsigns = commonProsigns
        }
    }

    /// `advanced_features`: propagation and receiver effects.
    public struct AdvancedFeatures: Sendable, Hashable {
        /// Whether presets may add multipath.
        public var multipath: Bool
        /// Multipath path delays in milliseconds.
        public var multipathDelays: ClosedRange<Double>
        /// Whether the receiver AGC runs.
        public var agcEnabled: Bool
        /// AGC attack time in seconds.
        public var agcAttack: Double
        /// AGC release time in seconds.
        public var agcRelease: Double
        /// Receiver filter kinds allowed.
        public var filterTypes: [ReceiverFilterKind]
        /// Fading kinds allowed.
        public var fadingTypes: [FadingKind]
        /// Creates advanced feature settings.
        public init(
            multipath: Bool, multipathDelays: ClosedRange<Double>, agcEnabled: Bool, agcAttack: Double,
            agcRelease: Double, filterTypes: [ReceiverFilterKind], fadingTypes: [FadingKind]
        ) {
            self.multipath = multipath
            self.multipathDelays = multipathDelays
            self.agcEnabled = agcEnabled
            self.agcAttack = agcAttack
            self.agcRelease = agcRelease
            self.filterTypes = filterTypes
            self.fadingTypes = fadingTypes
        }
    }

    /// `evaluation`: what the dataset records for evaluation.
    public struct Evaluation: Sendable, Hashable {
        /// Metrics named in `dataset_info.json` and the dataset card.
        public var metrics: [EvaluationMetric]
        /// Per-clip metadata fields written.
        public var trackElements: [TrackedElement]
        /// Creates evaluation settings.
        public init(metrics: [EvaluationMetric], trackElements: [TrackedElement]) {
            self.metrics = metrics
            self.trackElements = trackElements
        }
    }

    /// `farnsworth`: extra spacing between characters sent at full speed.
    public struct Farnsworth: Sendable, Hashable {
        /// Probability that a clip uses Farnsworth spacing.
        public var probability: Double
        /// Effective speed as a fraction of the character speed.
        public var effectiveRatio: ClosedRange<Double>
        /// Creates Farnsworth settings.
        public init(probability: Double, effectiveRatio: ClosedRange<Double>) {
            self.probability = probability
            self.effectiveRatio = effectiveRatio
        }
    }

    /// One entry of `duration_bands`: a target duration range in seconds and its weight.
    public struct DurationBand: Sendable, Hashable {
        /// Target clip duration range in seconds.
        public var range: ClosedRange<Double>
        /// Relative weight of this band.
        public var weight: Double
        /// Creates a duration band.
        public init(range: ClosedRange<Double>, weight: Double) {
            self.range = range
            self.weight = weight
        }
    }

    /// `keying`: keying edges and chirp.
    public struct Keying: Sendable, Hashable {
        /// Rise and fall time of keying edges in milliseconds.
        public var riseTimeMs: ClosedRange<Double>
        /// Edge shapes drawn from.
        public var envelopes: [EnvelopeShape]
        /// Probability that a transmitter chirps.
        public var chirpProbability: Double
        /// Chirp frequency swing in Hz.
        public var chirpHz: ClosedRange<Double>
        /// Creates keying settings.
        public init(
            riseTimeMs: ClosedRange<Double>, envelopes: [EnvelopeShape], chirpProbability: Double,
            chirpHz: ClosedRange<Double>
        ) {
            self.riseTimeMs = riseTimeMs
            self.envelopes = envelopes
            self.chirpProbability = chirpProbability
            self.chirpHz = chirpHz
        }
    }

    /// `content`: text generator options.
    public struct Content: Sendable, Hashable {
        /// Probability that a serial number or RST is sent with cut numbers (`5NN`, `T` for 0).
        public var cutNumberRate: Double
        /// Text file for the `plain_text` sample type; a relative path in a config file is
        /// resolved against the config file's folder when loaded.
        public var plainTextFile: String?
        /// Creates content settings.
        public init(cutNumberRate: Double, plainTextFile: String?) {
            self.cutNumberRate = cutNumberRate
            self.plainTextFile = plainTextFile
        }
    }

    /// `operators`: the finite pool of operators whose habits recur across clips.
    public struct Operators: Sendable, Hashable {
        /// Number of distinct operators (0 = none: every clip draws its own fist, speed and pitch).
        public var poolSize: Int
        /// Creates operator settings.
        public init(poolSize: Int) { self.poolSize = poolSize }
    }

    /// `output`: dataset formats.
    public struct Output: Sendable, Hashable {
        /// Layouts written.
        public var formats: [OutputFormat]
        /// Sample format of the audio.
        public var audioFormat: WAVSampleFormat
        /// Clips per WebDataset shard.
        public var shardSize: Int
        /// Keep the WAVs under `audio/` even when WebDataset is the only format.
        public var keepAudio: Bool
        /// How NeMo manifests name the audio: absolute paths (the default) or relative to the manifest.
        public var nemoPaths: NeMoPaths
        /// Creates output settings.
        public init(
            formats: [OutputFormat], audioFormat: WAVSampleFormat, shardSize: Int, keepAudio: Bool = false,
            nemoPaths: NeMoPaths = .absolute
        ) {
            self.formats = formats
            self.keepAudio = keepAudio
            self.audioFormat = audioFormat
            self.shardSize = shardSize
            self.nemoPaths = nemoPaths
        }
    }
}

extension DatasetConfig {
    /// The built-in config (profile `coverage`): ranges that cover real listening, so a decoder
    /// trained on the defaults meets every pitch, speed and signal level it will hear. Each value
    /// and its source are in `Sources/MorseChannel/CHANNEL.md` ("Default coverage") and
    /// `docs/config.md`: tones 300–1,000 Hz, SNR −10…+30 dB (500 Hz) weighted towards weak
    /// signals, 10–45 WPM, all four fists, Farnsworth in 15 % of clips, the Watterson (ITU-R
    /// F.1487) fading conditions besides slow, flutter and selective fading. Other keys are those of
    /// ``referenceDefaults``.
    public static let defaults: DatasetConfig = {
        var config = referenceDefaults
        config.profile = .coverage
        config.wpmRange = 10...45
        config.audio.toneFrequencyRange = 300...1000
        config.noise.snrRange = -10...30
        config.noise.snrDistribution = .hardWeighted
        config.farnsworth.probability = 0.15
        config.advancedFeatures.fadingTypes = [
            .slow, .fast, .selective, .wattersonGood, .wattersonModerate, .wattersonPoor,
        ]
        return config
    }()

    /// The defaults of the given profile.
    public static func defaults(for profile: ConfigProfile) -> DatasetConfig {
        switch profile {
        case .coverage: defaults
        case .reference: referenceDefaults
        }
    }
}

extension DatasetConfig {
    /// Profile `reference` (`--profile reference`): the reference's `contest_cw.yaml` values with
    /// all ten contests, plus the defaults of our own keys: the built-in config before the
    /// coverage defaults (tones 600–800 Hz, SNR 8–30 dB drawn by the presets, 15–40 WPM,
    /// Farnsworth in 10 % of clips).
    public static let referenceDefaults: DatasetConfig = {
        var config = DatasetConfig(
            seed: nil,
            contestTypes: ContestType.configNames,
            wpmRange: 15...40,
            conditions: ConditionPreset.configNames,
            qsoProbability: 0.3,
            splitRatios: SplitRatios(train: 0.8, validation: 0.1, test: 0.1),
            audio: Audio(sampleRate: 16000, toneFrequencyRange: 600...800),
            noise: Noise(
                snrRange: 8...30, qrmInterferers: 0...5, qrnRate: 0...0.5, fadingRate: 0.1...0.5,
                fadingDepth: 0.1...0.7, driftMax: 0...100, colours: [.white]),
            timing: Timing(variationPercent: 2...8, weightRatio: 3...3),
            compositionWeights: CompositionWeights(
                countries: [
                    .USA: 30, .CANADA: 10, .ENGLAND: 15, .GERMANY: 20, .JAPAN: 15, .ITALY: 10,
                    .RUSSIA: 10, .SPAIN: 5, .FRANCE: 5, .BRAZIL: 5, .AUSTRALIA: 5, .ARGENTINA: 5,
                ],
                sampleTypes: [
                    .fullQSO: 30, .cqCall: 20, .exchangeOnly: 25, .partialCopy: 15, .repeatRequest: 10,
                    .multiTransmission: 0, .ragchew: 0, .practiceGroups: 0, .plainText: 0, .pileup: 0,
                ]),
            callsigns: Callsigns(includePortable: 0.1, includeSpecial: 0.05),
            prosigns: Prosigns(useAbbreviations: 0.3, commonProsigns: [.AR, .AS, .BK, .KN, .SK, .BT]),
            advancedFeatures: AdvancedFeatures(
                multipath: true, multipathDelays: 0...5, agcEnabled: true, agcAttack: 0.01, agcRelease: 0.5,
                filterTypes: [.cwNarrow, .cwWide], fadingTypes: [.slow, .fast, .selective]),
            evaluation: Evaluation(
                metrics: EvaluationMetric.configNames,
                trackElements: TrackedElement.configNames),
            fists: [.keyer: 40, .paddle: 30, .bug: 15, .straight: 15],
            farnsworth: Farnsworth(probability: 0.1, effectiveRatio: 0.5...0.9),
            durationBands: [
                DurationBand(range: 3...8, weight: 25), DurationBand(range: 8...15, weight: 35),
                DurationBand(range: 15...22, weight: 30), DurationBand(range: 22...28, weight: 10),
            ],
            silenceRange: 0.5...1.5,
            keying: Keying(
                riseTimeMs: 3...8, envelopes: [.raisedCosine, .blackmanHarris], chirpProbability: 0.05,
                chirpHz: 10...60),
            content: Content(cutNumberRate: 0.8, plainTextFile: nil),
            output: Output(formats: [.folder], audioFormat: .pcm16, shardSize: 1000))
        config.profile = .reference
        return config
    }()
}
