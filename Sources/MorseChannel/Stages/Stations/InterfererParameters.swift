import MorseCode
import MorseSignal

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
    public func station(text: MorseText, wantedTone: Double, using rng: inout some RandomNumberGenerator)
        -> StationSignal
    {
        keyedStation(text: text, wantedTone: wantedTone, using: &rng)
    }

    /// ``station(text:wantedTone:using:)`` with the generator clips use: concrete, so a planner in
    /// another module runs keying specialised here, not through generic draws.
    public func station(text: MorseText, wantedTone: Double, using rng: inout SeededGenerator) -> StationSignal {
        keyedStation(text: text, wantedTone: wantedTone, using: &rng)
    }

    private func keyedStation(text: MorseText, wantedTone: Double, using rng: inout some RandomNumberGenerator)
        -> StationSignal
    {
        let timeline = keyer.key(text, using: &rng).shifted(by: startTime)
        let tone = ToneParameters(
            frequency: wantedTone + toneOffset, amplitude: 0.5,
            riseTime: min(
                max(riseTime, ToneParameters.riseTimeRange.lowerBound), ToneParameters.riseTimeRange.upperBound),
            chirpOffset: chirp, driftRate: driftRate, phase: 2 * Double.pi * rng.nextUnit())
        return StationSignal(timeline: timeline, tone: tone, fading: fading, level: level)
    }
}
