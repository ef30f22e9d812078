import MorseSignal

/// What the configuration says about the channel (keys of `contest_cw.yaml`), restricting what
/// ``ConditionPreset/draw(limits:noiseOnly:clipDuration:using:)`` may draw.
///
/// Ranges clamp the preset's draw into them; lists restrict the choices. ``unrestricted`` leaves
/// the presets as they are.
public struct ChannelLimits: Hashable, Sendable {
    /// `noise.snr_range` (dB): the drawn SNR is clamped into it.
    public var snrRange: ClosedRange<Double>?
    /// `noise.snr_distribution`: whether the presets draw the SNR (clamped into ``snrRange``) or
    /// ``snrRange`` itself is drawn from (``SNRDistribution``).
    public var snrDistribution: SNRDistribution
    /// `noise.qrm_interferers`: the drawn number of interfering stations is clamped into it.
    public var interfererCount: ClosedRange<Int>?
    /// `noise.qrn_rate` (crashes per second): the drawn rate is clamped into it.
    public var qrnRate: ClosedRange<Double>?
    /// `noise.fading_rate` (Hz): the drawn QSB rate (slow, Rayleigh and selective fading) is
    /// clamped into it. Flutter keeps its own 3–30 Hz.
    public var fadingRate: ClosedRange<Double>?
    /// `noise.fading_depth` (0 … 1): the drawn fade depth is clamped into it.
    public var fadingDepth: ClosedRange<Double>?
    /// `noise.drift_max` (Hz over the clip): the preset's largest drift is clamped into it; each
    /// station then drifts by a uniform amount up to it, up or down.
    public var driftMax: ClosedRange<Double>?
    /// `advanced_features.multipath`: whether echo paths may be drawn at all.
    public var multipath: Bool
    /// `advanced_features.multipath_delays`, in **seconds** (the YAML gives ms; convert): the
    /// range echo delays are drawn from.
    public var multipathDelays: ClosedRange<Double>
    /// `advanced_features.agc_enabled`.
    public var agcEnabled: Bool
    /// `advanced_features.agc_attack` in seconds.
    public var agcAttack: Double
    /// `advanced_features.agc_release` in seconds.
    public var agcRelease: Double
    /// `advanced_features.filter_types`: the filters allowed; nil = the presets' own.
    public var filterTypes: [ReceiverFilterKind]?
    /// `advanced_features.fading_types`: the fading kinds allowed (``FadingKind/none`` always
    /// is); nil = the presets' own.
    public var fadingTypes: [FadingKind]?
    /// `audio.tone_freq_range` (Hz): the wanted tone is drawn uniformly from it.
    public var toneRange: ClosedRange<Double>
    /// Top-level `wpm_range`: the interferers' speeds are drawn uniformly from it.
    public var wpmRange: ClosedRange<Double>
    /// `audio.sample_rate` in Hz (used to place noise-only interferers against the exact filter).
    public var sampleRate: Double

    public init(
        snrRange: ClosedRange<Double>? = nil, snrDistribution: SNRDistribution = .preset,
        interfererCount: ClosedRange<Int>? = nil,
        qrnRate: ClosedRange<Double>? = nil, fadingRate: ClosedRange<Double>? = nil,
        fadingDepth: ClosedRange<Double>? = nil, driftMax: ClosedRange<Double>? = nil,
        multipath: Bool = true, multipathDelays: ClosedRange<Double> = 0...0.005,
        agcEnabled: Bool = true, agcAttack: Double = 0.01, agcRelease: Double = 0.5,
        filterTypes: [ReceiverFilterKind]? = nil, fadingTypes: [FadingKind]? = nil,
        toneRange: ClosedRange<Double> = 600...800, wpmRange: ClosedRange<Double> = 15...40,
        sampleRate: Double = 16_000
    ) {
        self.snrRange = snrRange
        self.snrDistribution = snrDistribution
        self.interfererCount = interfererCount
        self.qrnRate = qrnRate
        self.fadingRate = fadingRate
        self.fadingDepth = fadingDepth
        self.driftMax = driftMax
        self.multipath = multipath
        self.multipathDelays = multipathDelays
        self.agcEnabled = agcEnabled
        self.agcAttack = agcAttack
        self.agcRelease = agcRelease
        self.filterTypes = filterTypes
        self.fadingTypes = fadingTypes
        self.toneRange = toneRange
        self.wpmRange = wpmRange
        self.sampleRate = sampleRate
    }

    /// The presets as they are (reference AGC, multipath 0–5 ms, tones 600–800 Hz, 15–40 WPM, 16 kHz).
    public static let unrestricted = ChannelLimits()
}

extension ClosedRange where Bound: Comparable {
    /// `value` moved into the range.
    func clamp(_ value: Bound) -> Bound { Swift.min(Swift.max(value, lowerBound), upperBound) }
}

extension Optional {
    /// `value` clamped into the range when there is one.
    func clamp<B: Comparable>(_ value: B) -> B where Wrapped == ClosedRange<B> {
        self.map { $0.clamp(value) } ?? value
    }
}
