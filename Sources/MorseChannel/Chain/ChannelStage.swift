/// One effect of the channel: a stage the ``ReceiverChain`` runs over a whole clip at once.
///
/// Each effect lives in its own folder under `Stages/`: its DSP, the stage that reads its
/// fields out of ``ChannelParameters`` (in its initialiser), runs it over the clip buffer and
/// writes what it measured into the ``ChannelReport``. To add an effect:
/// 1. add its drawn values to ``ChannelParameters`` (and to `ChannelJSON` in MorseDataset: a test
///    compares the two) and its measurements to ``ChannelReport``;
/// 2. write `Stages/<Effect>/<Effect>Stage.swift` conforming to this protocol;
/// 3. add a case to ``ChannelEffect``: the compiler then points at the chain's switch that must
///    build and run it, and at the diagnostics' capture table.
/// Drawing it from a preset is ``PresetRanges``' business (`Presets/`).
///
/// Stages work on whole buffers through pointers: no existential, closure or allocation per
/// sample; the chain calls each one once per clip.
protocol ChannelStage {
    /// What the stage measured in one clip.
    associatedtype Report
    /// Applies the effect to the clip's `clip.total` samples (pre-roll included) at `clip.samples`.
    mutating func process(_ clip: ChannelClip, scratch: inout ChannelScratch) -> Report
    /// Writes what the stage drew and measured (`measured`, from ``process(_:scratch:)``) into
    /// the clip's report.
    func record(_ measured: Report, into report: inout ChannelReport)
}

/// The effects of the chain, in the order they act on a clip.
///
/// ``ReceiverChain`` runs them with an exhaustive `switch`, so a new case does not compile until
/// the chain builds and runs its stage.
public enum ChannelEffect: String, CaseIterable, Sendable {
    /// Band noise at the requested SNR (`Stages/Noise/`). Written, not added: it is the first.
    case bandNoise = "band_noise"
    /// QRN: static crashes (`Stages/StaticCrashes/`).
    case staticCrashes = "static_crashes"
    /// The wanted station with its fading and echo paths (`Stages/Stations/`).
    case wantedStation = "wanted_station"
    /// The interfering stations, QRM (`Stages/Stations/`).
    case interferers
    /// The receiver's filter over everything at the antenna (`Stages/ReceiverFilter/`).
    case receiverFilter = "receiver_filter"
    /// The receiver's fixed gain and AGC (`Stages/AGC/`).
    case gainControl = "gain_control"
    /// The output limiter (`Stages/Limiter/`).
    case limiter
}

/// The clip buffer as a stage sees it: `total` samples at `samples`, the first `preroll` of them
/// before the clip starts (so filters and the AGC have settled), with `front` zeroed samples
/// readable before `samples` and 8 writable after the end.
struct ChannelClip {
    let samples: UnsafeMutablePointer<Float>
    let total: Int
    let preroll: Int
    let front: Int
    let sampleRate: Double

    /// Samples of the clip itself (after the pre-roll).
    var count: Int { total - preroll }

    /// The same clip writing into `target` instead (a separate buffer for diagnostics).
    func writing(into target: UnsafeMutablePointer<Float>) -> ChannelClip {
        ChannelClip(samples: target, total: total, preroll: preroll, front: front, sampleRate: sampleRate)
    }
}
