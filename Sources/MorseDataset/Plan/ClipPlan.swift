import MorseChannel
import MorseCode
import MorseContent
import MorseDatasetFormat
import MorseSignal

/// Everything about one clip decided before any audio exists: a pure function of
/// (config, seed, clip id). Rendering only carries it out.
public struct ClipPlan: Sendable {
    public var id: Int
    public var isNoiseOnly: Bool
    public var condition: ConditionPreset
    /// Total clip length in samples (silence included); never above the maximum duration.
    public var sampleCount: Int
    public var sampleRate: Int
    /// Seconds of silence before the first key-down.
    public var leadingSilence: Double
    /// What is keyed; nil for noise-only clips.
    public var content: ClipContent?
    public var timing: MorseTiming
    public var fist: Fist
    public var tone: ToneParameters
    /// The wanted station's timeline, in seconds from the start of the clip.
    public var timeline: KeyedTimeline
    public var channel: ChannelParameters
    /// Every station other than the wanted one (QRM and pileup callers), keyed and ready to render.
    public var others: [PlannedStation]
    /// The operator the wanted station's fist, speed and pitch came from (nil when operators are off).
    public var operatorID: Int?

    /// The stations rendered besides the wanted one.
    public var interferers: [StationSignal] { others.map(\.signal) }

    /// The wanted station's call where the text is its own CQ (`cq_call`, `pileup`), else "".
    var runStationCall: String {
        guard let content, content.sampleType == .cqCall || content.sampleType == .pileup else { return "" }
        return content.callsigns.first ?? ""
    }

    /// Every station in the clip, the wanted one first (none for noise-only clips).
    public var stations: [PlannedStation] {
        guard !isNoiseOnly else { return others }
        let wanted = PlannedStation(
            role: .wanted, callsign: runStationCall, timing: timing, fist: fist,
            signal: StationSignal(timeline: timeline, tone: tone, fading: channel.fading, level: 0))
        return [wanted] + others
    }

    public var duration: Double { Double(sampleCount) / Double(sampleRate) }
    /// The transcript: exactly what the wanted station keys ("" for noise-only clips).
    public var text: String { content?.text ?? "" }
}

/// Why a clip cannot be planned.
public enum ClipPlanError: Error, CustomStringConvertible {
    case nothingFits(budget: Double, wpm: Double)
    case unkeyable(String, reason: String)

    public var description: String {
        switch self {
        case let .nothingFits(budget, wpm):
            "no text fits in \(NumberFormat.fixed(budget, places: 2)) s of Morse at \(NumberFormat.fixed(wpm, places: 1)) WPM; raise the shortest duration band or the lowest WPM"
        case let .unkeyable(text, reason):
            "generated text '\(text)' cannot be keyed: \(reason)"
        }
    }
}
