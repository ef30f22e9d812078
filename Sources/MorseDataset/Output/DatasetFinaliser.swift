import Foundation
import MorseDatasetFormat
import MorseSignal

/// What the dataset card and `dataset_info.json` say about how a dataset was made.
public struct DatasetDescription: Sendable {
    public var descriptor: RunDescriptor
    public var contestTypes: [String]
    public var wpmRange: [Double]
    public var conditions: [String]
    public var splitRatios: [Double]
    public var metrics: [String]
    public var trackElements: [String]
    public var configYAML: String
    public var numWorkers: Int
    public var audioFormat: WAVSampleFormat
    public var version: String
    /// `output.formats`, as the user listed them (`dataset_info.json` repeats the list).
    public var formats: [OutputFormat]
    /// `output.shard_size`: clips per WebDataset shard.
    public var shardSize: Int
    /// `output.nemo_paths`: how the NeMo manifests name the audio.
    public var nemoPaths: NeMoPaths

    /// The sinks of ``formats``, each once, in the order of ``OutputFormat/allCases`` (so the card
    /// reads the same whatever order the list names them in).
    var sinks: [any DatasetSink.Type] { OutputFormat.allCases.filter(formats.contains).map(\.sink) }

    public init(
        descriptor: RunDescriptor, contestTypes: [String], wpmRange: [Double], conditions: [String],
        splitRatios: [Double],
        metrics: [String], trackElements: [String], configYAML: String, numWorkers: Int, audioFormat: WAVSampleFormat,
        version: String, formats: [OutputFormat] = [.folder], shardSize: Int = 1000, nemoPaths: NeMoPaths = .absolute
    ) {
        self.nemoPaths = nemoPaths
        self.formats = formats
        self.shardSize = shardSize
        self.descriptor = descriptor
        self.contestTypes = contestTypes
        self.wpmRange = wpmRange
        self.conditions = conditions
        self.splitRatios = splitRatios
        self.metrics = metrics
        self.trackElements = trackElements
        self.configYAML = configYAML
        self.numWorkers = numWorkers
        self.audioFormat = audioFormat
        self.version = version
    }
}

/// Writes every manifest, the statistics and the dataset card from the journal, in id order.
///
/// Memory stays flat: the journal index holds a few integers per clip, and each record is read,
/// written to every manifest and dropped.
public struct DatasetFinaliser {
    public let files: DatasetFiles
    public var layout: DatasetLayout { files.layout }
    public let description: DatasetDescription

    /// - Parameter files: the dataset's open folder; every manifest is written through it.
    public init(files: DatasetFiles, description: DatasetDescription) {
        self.files = files
        self.description = description
    }

    /// The outcome: statistics over the clips listed, and ids whose audio is missing or damaged.
    public struct Outcome: Sendable {
        public var statistics: DatasetStatistics
        public var missing: [Int]
    }

    /// Writes the manifests of every clip in `index` whose audio is in place, in id order.
    ///
    /// Each format's sink writes its files (see ``DatasetSink``); then `dataset_info.json` and the
    /// card. The WAV files under `audio/` stay whatever the formats: they are what a resume or merge checks.
    /// - Parameter stop: checked every few thousand clips, so a signal stops a long finalisation
    ///   at once (the manifests written so far are temporary files, removed by the next run).
    public func finalise(_ index: JournalIndex, now: Date = Date(), stop: StopSignal? = nil) throws(DatasetError)
        -> Outcome
    {
        var sinks: [any DatasetSink] = []
        do throws(DatasetError) {
            for sink in description.sinks { sinks.append(try sink.init(files: files, description: description)) }
            var statistics = DatasetStatistics()
            var missing: [Int] = []
            var handles: [Int: FileHandle] = [:]
            defer { for handle in handles.values { try? handle.close() } }
            let decoder = JSONDecoder()
            for id in 0..<index.indexedEnd {
                guard let entry = index.entry(id) else { continue }
                if id & 0xFFF == 0, let why = stop?.why { throw .stopped(why) }
                // The index verified every line's seal; one that changed since is not published.
                guard let line = try index.record(entry, handles: &handles),
                    let clip = try? decoder.decode(ClipSummary.self, from: line),
                    let split = DatasetSplit(name: clip.split)
                else {
                    throw .damagedJournal(path: index.files[entry.file], line: 0)
                }
                guard hasAudio(clip) else {
                    missing.append(id)
                    continue
                }
                let finished = FinishedClip(id: id, split: split, summary: clip, record: line)
                for sink in sinks { try sink.add(finished) }
                statistics.add(clip)
            }
            // A finished sink's files are in place: only the others are abandoned if one fails.
            while let sink = sinks.first {
                try sink.finish()
                sinks.removeFirst()
            }
            try files.writeAtomically(datasetInfo(statistics, now: now), to: layout.datasetInfo)
            try files.writeAtomically(
                DatasetCard(description: description, statistics: statistics).markdown, to: layout.root + "/README.md")
            return Outcome(statistics: statistics, missing: missing)
        } catch {
            for sink in sinks { sink.abandon() }
            throw error
        }
    }

    /// Ids whose journal line is there but whose audio file is missing, has the wrong size or
    /// bytes that do not match the record's checksum: a resumed run makes them again.
    /// - Parameters:
    ///   - ids: the ids to check (default: all).
    ///   - stop: checked between clips; a signal ends the check with ``DatasetError/stopped(_:)``.
    public func unusable(_ index: JournalIndex, ids: Range<Int>? = nil, stop: StopSignal? = nil) throws(DatasetError)
        -> [Int]
    {
        var handles: [Int: FileHandle] = [:]
        defer { for handle in handles.values { try? handle.close() } }
        let decoder = JSONDecoder()
        var bad: [Int] = []
        let all = 0..<index.indexedEnd
        for id in (ids ?? all).clamped(to: all) {
            guard let entry = index.entry(id) else { continue }
            if let why = stop?.why { throw .stopped(why) }
            guard let line = try index.record(entry, handles: &handles),
                let clip = try? decoder.decode(ClipSummary.self, from: line), hasIntactAudio(clip)
            else {
                bad.append(id)
                continue
            }
        }
        return bad
    }

    /// Whether the clip's audio file has the right size and the bytes its record's checksum names.
    /// A record without a checksum (an older dataset) is judged by size alone.
    func hasIntactAudio(_ clip: ClipSummary) -> Bool {
        guard hasAudio(clip) else { return false }
        guard let stated = clip.checksum else { return true }
        return ClipChecksum.ofFile(layout.audioPath(clip.audioFile)) == stated
    }

    /// Whether the clip's audio file exists with exactly the size its record implies.
    func hasAudio(_ clip: ClipSummary) -> Bool {
        let header = WAVEncoder.headerSize(format: description.audioFormat)
        let bytesPerSample = description.audioFormat == .pcm16 ? 2 : 4
        return files.fileSize(layout.audioPath(clip.audioFile)) == header + clip.numSamples * bytesPerSample
    }

    /// `dataset_info.json`: the reference's keys first, then ours.
    func datasetInfo(_ statistics: DatasetStatistics, now: Date) -> String {
        let run = description.descriptor
        var info = JSONObject()
        info.add("num_samples", statistics.count)
        info.add("num_morse_samples", statistics.morse)
        info.add("num_noise_samples", statistics.noiseOnly)
        info.add("sample_rate", run.sampleRate)
        info.add("max_duration", run.maxDuration)
        info.add("contest_types", strings: description.contestTypes)
        info.add("wpm_range", numbers: description.wpmRange)
        info.add("conditions", strings: description.conditions)
        info.add("avg_duration", statistics.averageDuration, decimals: 4)
        info.add("num_workers", description.numWorkers)
        info.add("creation_date", Self.creationDate(now))
        info.add("seed", run.seed)
        info.add("requested_samples", run.numSamples)
        info.add("noise_ratio", run.noiseRatio)
        info.add("split_ratios", numbers: description.splitRatios)
        var splits = JSONObject()
        for split in DatasetSplit.allCases { splits.add(split.name, statistics.splits[split.name] ?? 0) }
        info.add("split_counts", object: splits)
        info.add("total_duration_hours", statistics.totalDuration / 3600, decimals: 4)
        info.add("min_duration", statistics.count == 0 ? 0 : statistics.minDuration, decimals: 4)
        info.add("max_clip_duration", statistics.maxDuration, decimals: 4)
        info.add("audio_format", description.audioFormat.rawValue)
        info.add("formats", strings: description.formats.map(\.rawValue))
        for sink in description.sinks { sink.describe(description, into: &info) }
        info.add("evaluation_metrics", strings: description.metrics)
        info.add("track_elements", strings: description.trackElements)
        info.add("config_fingerprint", run.configFingerprint)
        info.add("generator", "morse-dataset \(description.version)")
        return info.encoded + "\n"
    }

    /// ISO 8601 date of `now`, or of `SOURCE_DATE_EPOCH` when set (for byte-identical rebuilds).
    static func creationDate(_ now: Date) -> String {
        var date = now
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Double(epoch) {
            date = Date(timeIntervalSince1970: seconds)
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
