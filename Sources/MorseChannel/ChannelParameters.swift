import MorseCode
import MorseSignal

/// Everything drawn for one clip's channel. Codable; goes into the dataset's metadata as it is.
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
    public func interferingStations(texts: [MorseText], using rng: inout some RandomNumberGenerator) -> [StationSignal] {
        zip(interferers, texts).map { $0.station(text: $1, wantedTone: tone, using: &rng) }
    }
}

/// One interfering station (QRM): a real operator keying real Morse near the wanted signal.
public struct InterfererParameters: Hashable, Sendable, Codable {
    /// Tone in Hz relative to the wanted tone (may lie outside the receiver's passband).
    public var toneOffset: Double
    /// Key-down carrier in dB relative to the wanted carrier (for noise-only clips: relative to
    /// the reference carrier the clip's SNR would use).
    public var level: Double
    /// Speed in words per minute.
    public var wpm: Double
    /// Kind of key.
    public var fist: FistKind
    /// Sloppiness of the hand, 0 … 1.
    public var sloppiness: Double
    /// When its first key-down falls, in seconds from the clip's start (negative: already sending).
    public var startTime: Double
    /// Its own fading.
    public var fading: FadingParameters
    /// Its frequency drift in Hz per second.
    public var driftRate: Double
    /// Rise time of its keying edges in seconds.
    public var riseTime: Double
    /// Chirp at key-down in Hz (0 = none).
    public var chirp: Double

    public init(
        toneOffset: Double, level: Double, wpm: Double = 25, fist: FistKind = .keyer, sloppiness: Double = 0.2,
        startTime: Double = 0, fading: FadingParameters = .none, driftRate: Double = 0,
        riseTime: Double = 0.005, chirp: Double = 0
    ) {
        self.toneOffset = toneOffset
        self.level = level
        self.wpm = wpm
        self.fist = fist
        self.sloppiness = sloppiness
        self.startTime = startTime
        self.fading = fading
        self.driftRate = driftRate
        self.riseTime = riseTime
        self.chirp = chirp
    }

    /// The keying of this station.
    public var keyer: Keyer {
        Keyer(timing: MorseTiming(wpm: wpm), fist: Fist(kind: fist, sloppiness: sloppiness))
    }

    /// Keys `text` and returns the station ready for the chain (timeline shifted to
    /// ``startTime``, tone `wantedTone + toneOffset`, its drift, chirp, fading and level).
    public func station(text: MorseText, wantedTone: Double, using rng: inout some RandomNumberGenerator) -> StationSignal {
        let timeline = keyer.key(text, using: &rng).shifted(by: startTime)
        let tone = ToneParameters(
            frequency: wantedTone + toneOffset, amplitude: 0.5,
            riseTime: min(max(riseTime, ToneParameters.riseTimeRange.lowerBound), ToneParameters.riseTimeRange.upperBound),
            chirpOffset: chirp, driftRate: driftRate, phase: 2 * Double.pi * rng.nextUnit())
        return StationSignal(timeline: timeline, tone: tone, fading: fading, level: level)
    }
}
