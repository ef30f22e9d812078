import MorseCode
import MorseSignal

/// A keyed station ready to render: what it sends, how it sounds, how it fades, how loud it is.
public struct StationSignal: Sendable, Hashable {
    /// Key-down times in seconds from the clip's start (already shifted by any start time).
    public var timeline: KeyedTimeline
    /// Pitch (at the clip's start), keying edges, chirp and drift. Its `amplitude` is ignored:
    /// the chain sets the level from ``level`` and the clip's SNR.
    public var tone: ToneParameters
    /// The station's own fading.
    public var fading: FadingParameters
    /// Key-down carrier level in dB relative to the wanted station's carrier (the SNR reference).
    public var level: Double

    public init(timeline: KeyedTimeline, tone: ToneParameters, fading: FadingParameters = .none, level: Double = 0) {
        self.timeline = timeline
        self.tone = tone
        self.fading = fading
        self.level = level
    }

    /// Tone frequency in Hz at clip time `t` seconds (drift only; chirp ignored).
    func frequency(at t: Double) -> Double { tone.frequency + tone.driftRate * t }

    /// Clip time in seconds midway between the first key-down and the last key-up.
    var midTime: Double {
        guard let first = timeline.marks.first, let last = timeline.marks.last else { return 0 }
        return (first.start + last.end) / 2
    }
}
