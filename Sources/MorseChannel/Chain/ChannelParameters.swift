import MorseCode
import MorseSignal

/// Everything drawn for one clip's channel. Codable; goes into the dataset's metadata as it is.
///
/// Each field is read by one stage in `Stages/` (its initialiser says which); the fields are the
/// JSON contract of the dataset's metadata, so they stay flat here.
///
/// Levels are absolute against the band noise: the wanted carrier sits ``snr`` dB above the noise
/// power in 500 Hz, and every interferer ``InterfererParameters/level`` dB relative to that carrier.
public struct ChannelParameters: Hashable, Sendable, Codable {
    /// The preset the parameters were drawn from.
    public var condition: ConditionPreset
    /// Requested SNR in dB: key-down carrier power of the wanted station (before fading) over the
    /// noise power in 500 Hz centred on its tone, at the antenna.
    public var snr: Double
    /// Spectrum of the band noise.
    public var noiseColour: NoiseColour
    /// The receiver's filter.
    public var filter: ReceiverFilterKind
    /// The receiver's tuning: the wanted station's tone in Hz at the clip's start (drawn from
    /// `audio.tone_freq_range`). CW filters and the SNR bands are centred on it (for a
    /// drifting wanted station, on its tone midway through its transmission).
    public var tone: Double
    /// Fading of the wanted station.
    public var fading: FadingParameters
    /// Frequency drift of the wanted station in Hz per second (the chain applies it).
    public var driftRate: Double
    /// Static crashes per second.
    public var qrnRate: Double
    /// Peak of the strongest crashes in dB above the band noise density.
    public var qrnStrength: Double
    /// The interfering stations (QRM).
    public var interferers: [InterfererParameters]
    /// Delays in seconds of the wanted station's echo paths (beyond the main path); empty = none.
    public var multipathDelays: [Double]
    /// Level in dB of each echo path relative to the main path (same count as the delays).
    public var multipathGains: [Double]
    /// The AGC, or nil when it is off.
    public var agc: AGCParameters?
    /// Largest output magnitude (full scale 1).
    public var limiterCeiling: Double

    public init(
        condition: ConditionPreset = .clean, snr: Double = 30, noiseColour: NoiseColour = .white,
        filter: ReceiverFilterKind = .cwNarrow, tone: Double = 700, fading: FadingParameters = .none,
        driftRate: Double = 0, qrnRate: Double = 0, qrnStrength: Double = 0,
        interferers: [InterfererParameters] = [], multipathDelays: [Double] = [], multipathGains: [Double] = [],
        agc: AGCParameters? = .standard, limiterCeiling: Double = 0.95
    ) {
        self.condition = condition
        self.snr = snr
        self.noiseColour = noiseColour
        self.filter = filter
        self.tone = tone
        self.fading = fading
        self.driftRate = driftRate
        self.qrnRate = qrnRate
        self.qrnStrength = qrnStrength
        self.interferers = interferers
        self.multipathDelays = multipathDelays
        self.multipathGains = multipathGains
        self.agc = agc
        self.limiterCeiling = limiterCeiling
    }

    /// The wanted station for `timeline` (clip times), keyed with `tone`'s edges and chirp, at
    /// this clip's ``tone`` frequency, drift and fading.
    public func wantedStation(timeline: KeyedTimeline, tone: ToneParameters = ToneParameters()) -> StationSignal {
        var tone = tone
        tone.frequency = self.tone
        tone.driftRate = driftRate
        return StationSignal(timeline: timeline, tone: tone, fading: fading, level: 0)
    }

    /// The interfering stations keyed from one text each (in order), for a clip whose wanted
    /// tone is ``tone``. Texts beyond the interferers are ignored; missing ones send nothing.
    public func interferingStations(texts: [MorseText], using rng: inout some RandomNumberGenerator) -> [StationSignal]
    {
        zip(interferers, texts).map { $0.station(text: $1, wantedTone: tone, using: &rng) }
    }
}
