import MorseChannel
import MorseCode
import MorseContent
import MorseDatasetFormat
import MorseSignal

/// One worker's clip factory: plans a clip, renders it through the receiver chain it owns (whose
/// buffers are reused from clip to clip) and encodes it. A class, because it owns the
/// noncopyable chain; each worker thread has its own.
public final class ClipMaker: ClipMaking {
    let planner: ClipPlanner
    let layout: DatasetLayout
    let format: WAVSampleFormat
    let trackElements: [TrackedElement]
    /// The record's keys (all for `generate`; `stream --fields` may ask for fewer).
    let recordKeys: RecordKeys
    var chain: ReceiverChain

    public init(planner: ClipPlanner, layout: DatasetLayout, recordKeys: RecordKeys = .all) {
        self.planner = planner
        self.layout = layout
        self.recordKeys = recordKeys
        let config = planner.settings.config
        format = config.output.audioFormat
        trackElements = config.evaluation.trackElements
        chain = ReceiverChain(sampleRate: Double(planner.settings.sampleRate))
    }

    public func make(id: Int, split: DatasetSplit) throws -> MadeClip {
        try make(plan: planner.plan(id), split: split)
    }

    /// Renders and encodes a planned clip (tests change a plan's channel before rendering it).
    func make(plan: ClipPlan, split: DatasetSplit) throws -> MadeClip {
        let id = plan.id
        let wanted =
            plan.isNoiseOnly
            ? nil : StationSignal(timeline: plan.timeline, tone: plan.tone, fading: plan.channel.fading, level: 0)
        var rng = planner.generator(id, .render)
        let (samples, report) = chain.render(
            wanted: wanted, interferers: plan.interferers, parameters: plan.channel, sampleCount: plan.sampleCount,
            using: &rng)
        let wav = WAVEncoder.encode(samples, sampleRate: plan.sampleRate, format: format)
        // Labels are times in the delivered audio (the filter's delay and the AGC's pull on onsets).
        // They and the checksum cost about a fifth of a clip, so a record without their keys
        // (`stream --fields text,duration`) skips them; they never change the audio.
        let labels =
            recordKeys.containsAny(ClipRecord.labelKeys)
            ? wanted.map { chain.deliveredSpans(wanted: $0, parameters: plan.channel) } : nil
        let checksum = recordKeys.contains(.checksum) ? ClipChecksum.of(wav) : ""
        let record = ClipRecord(
            plan: plan, split: split, layout: layout, seed: planner.settings.seed, report: report,
            trackElements: trackElements, checksum: checksum, labels: labels, keys: recordKeys)
        return MadeClip(wav: wav, record: record.json, duration: plan.duration)
    }
}
