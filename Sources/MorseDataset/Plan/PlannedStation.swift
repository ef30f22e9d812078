import MorseChannel
import MorseCode

/// One station keyed into a clip, with what the record says about it: the wanted station, an
/// interfering station (QRM), or a caller answering the wanted station's CQ in a pileup.
public struct PlannedStation: Sendable {
    /// What a station is to the listener.
    public enum Role: String, Sendable, CaseIterable {
        /// The station the transcript is of.
        case wanted
        /// Another station on the band, sending its own traffic.
        case qrm
        /// A station answering the wanted station's CQ (pileups).
        case caller
    }

    public var role: Role
    /// The station's callsign when the clip knows it (callers), else "".
    public var callsign: String
    /// The keying speed and weighting it was keyed at (what reads its marks back).
    public var timing: MorseTiming
    public var fist: Fist
    /// The keyed station: its timeline in clip seconds, tone, fading and level (dB re the wanted carrier).
    public var signal: StationSignal

    public init(role: Role, callsign: String = "", timing: MorseTiming, fist: Fist, signal: StationSignal) {
        self.role = role
        self.callsign = callsign
        self.timing = timing
        self.fist = fist
        self.signal = signal
    }

    /// Exactly what the station keys, in canonical spelling (the whole text, also where the clip
    /// cuts it).
    public var text: String { signal.timeline.text }

    /// The station's labels as heard in a clip of `duration` seconds: only the characters and
    /// words whose whole keying (first key-down to last key-up) lies inside [0, duration];
    /// `partial` is true when any character was left out.
    public func heard(inClipOf duration: Double) -> (
        characters: [KeyedTimeline.Span], words: [KeyedTimeline.Span], partial: Bool
    ) {
        let inside = { (span: KeyedTimeline.Span) in span.start >= 0 && span.end <= duration }
        let characters = signal.timeline.characters.filter(inside)
        let words = signal.timeline.words.filter(inside)
        return (characters, words, characters.count < signal.timeline.characters.count)
    }
}
