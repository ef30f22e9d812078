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
    /// `output.keep_audio`: keep the loose WAVs under `audio/` even when no format needs them.
    public var keepAudio: Bool
    /// `output.nemo_paths`: how the NeMo manifests name the audio.
    public var nemoPaths: NeMoPaths

    /// The sinks of ``formats``, each once, in the order of ``OutputFormat/allCases`` (so the card
    /// reads the same whatever order the list names them in).
    var sinks: [any DatasetSink.Type] { [IndexSink.self] + OutputFormat.allCases.filter(formats.contains).map(\.sink) }

    /// Whether the finished dataset keeps its WAVs under `audio/`: every format but WebDataset
    /// points at them (the folder layout is them, Lhotse's recordings name them), so only a
    /// WebDataset-only dataset drops them once its shards hold every clip, unless ``keepAudio``.
    public var keepsLooseAudio: Bool { keepAudio || formats.contains { $0 != .webdataset } }

    public init(
        descriptor: RunDescriptor, contestTypes: [String], wpmRange: [Double], conditions: [String],
        splitRatios: [Double],
        metrics: [String], trackElements: [String], configYAML: String, numWorkers: Int, audioFormat: WAVSampleFormat,
        version: String, formats: [OutputFormat] = [.folder], shardSize: Int = 1000, keepAudio: Bool = false,
        nemoPaths: NeMoPaths = .absolute
    ) {
        self.keepAudio = keepAudio
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
    /// Clips whose loose WAV a WebDataset-only dataset removed, found in its shards.
    let sharded: ShardedAudio

    /// - Parameter files: the dataset's open folder; every manifest is written through it.
    public init(files: DatasetFiles, description: DatasetDescription) {
        self.files = files
        self.description = description
        sharded = ShardedAudio(files: files)
    }

    /// The outcome: statistics over the clips listed, and ids whose audio is missing or damaged.
    public struct Outcome: Sendable {
        public var statistics: DatasetStatistics
        public var missing: [Int]
    }

    /// Writes the manifests of every clip in `index` whose audio is in place, in id order.
    ///
    /// ``IndexSink`` and each format's sink write their files (see ``DatasetSink``); then
    /// `dataset_info.json` and the card. The WAV files under `audio/` stay, except in a
    /// WebDataset-only dataset (``DatasetDescription/keepsLooseAudio``): once every clip of the
    /// run is in the shards and the card is written, its WAVs are removed (see ``removeLooseAudio()``).
    /// A clip whose WAV is no longer loose is read from the shard an earlier finalisation wrote.
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
            var fingerprint = CacheFingerprint()
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
                let finished = FinishedClip(
                    id: id, split: split, summary: clip, record: line,
                    wav: { () throws(DatasetError) -> [UInt8] in try readWAV(clip, split: split) })
                for sink in sinks { try sink.add(finished) }
                fingerprint.add(finished)
                statistics.add(clip)
            }
            // A finished sink's files are in place: only the others are abandoned if one fails.
            var finished: [any DatasetSink] = []
            while let sink = sinks.first {
                try sink.finish()
                finished.append(sink)
                sinks.removeFirst()
            }
            try files.writeAtomically(datasetInfo(statistics, now: now, sinks: finished), to: layout.datasetInfo)
            try files.writeAtomically(
                DatasetCard(
                    description: description, statistics: statistics,
                    fingerprint: fingerprint.description(of: layout.root)
                ).markdown, to: layout.root + "/README.md")
            if !description.keepsLooseAudio && missing.isEmpty && statistics.count == description.descriptor.numSamples
            {
                try removeLooseAudio()
            }
            return Outcome(statistics: statistics, missing: missing)
        } catch {
            for sink in sinks { sink.abandon() }
            throw error
        }
    }

    /// Removes the clip WAVs under `audio/{split}/` and then the folders, once the shards hold
    /// every clip. Only names the tool writes are removed (`morse_NNNNNN.wav` regular files, by
    /// name in their folder, never through a link); a folder that still holds anything else
    /// (a user's file) stays, with that file. Killed midway, the next run finds the removed
    /// clips in the shards and removes the rest.
    func removeLooseAudio() throws(DatasetError) {
        let audio = layout.root + "/audio"
        for split in DatasetSplit.allCases {
            let folder = layout.audioFolder(split)
            for entry in files.list(folder) where entry.kind == .regularFile {
                guard let id = DatasetLayout.clipID(fileName: Substring(entry.name)),
                    entry.name == layout.fileName(id: id)
                else { continue }
                try files.remove(folder + "/" + entry.name)
            }
            if files.list(folder).isEmpty { _ = try? files.remove(folder) }
        }
        if files.list(audio).isEmpty { _ = try? files.remove(audio) }
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

    /// Whether the clip's audio has the right size and the bytes its record's checksum names:
    /// the loose WAV, or else its member of a shard. A record without a checksum (an older
    /// dataset) is judged by size alone.
    func hasIntactAudio(_ clip: ClipSummary) -> Bool {
        if hasLooseAudio(clip) {
            guard let stated = clip.checksum else { return true }
            return ClipChecksum.ofFile(layout.audioPath(clip.audioFile)) == stated
        }
        guard let split = DatasetSplit(name: clip.split), hasShardAudio(clip, split: split) else { return false }
        guard let stated = clip.checksum else { return true }
        return sharded.wav(id: clip.id, split: split).map(ClipChecksum.of) == stated
    }

    /// Whether the clip's audio exists with exactly the size its record implies, loose or in a shard.
    func hasAudio(_ clip: ClipSummary) -> Bool {
        if hasLooseAudio(clip) { return true }
        guard let split = DatasetSplit(name: clip.split) else { return false }
        return hasShardAudio(clip, split: split)
    }

    /// The size in bytes of the clip's WAV, from its record.
    func expectedSize(_ clip: ClipSummary) -> Int {
        let header = WAVEncoder.headerSize(format: description.audioFormat)
        let bytesPerSample = description.audioFormat == .pcm16 ? 2 : 4
        return header + clip.numSamples * bytesPerSample
    }

    func hasLooseAudio(_ clip: ClipSummary) -> Bool {
        files.fileSize(layout.audioPath(clip.audioFile)) == expectedSize(clip)
    }

    func hasShardAudio(_ clip: ClipSummary, split: DatasetSplit) -> Bool {
        // Only a dataset that drops its loose WAVs reads clips back from its shards: in any other,
        // a missing WAV is made again (the folder layout and Lhotse point at it).
        guard !description.keepsLooseAudio else { return false }
        return sharded.location(id: clip.id, split: split)?.member.size == expectedSize(clip)
    }

    /// The clip's WAV bytes: the loose file (read without following a link), or its shard member.
    func readWAV(_ clip: ClipSummary, split: DatasetSplit) throws(DatasetError) -> [UInt8] {
        let path = layout.audioPath(clip.audioFile)
        if files.fileSize(path) != nil || description.keepsLooseAudio {
            return try files.read(path, limit: 1 << 31)
        }
        guard let bytes = sharded.wav(id: clip.id, split: split) else {
            throw .file(
                .invalidPath(
                    path: path,
                    reason:
                        "it is neither a loose WAV nor intact in a shard of \(layout.webDatasetFolder(split)); run the generate command again to make it"
                ))
        }
        return bytes
    }

    /// `dataset_info.json`: the reference's keys first, then ours.
    func datasetInfo(_ statistics: DatasetStatistics, now: Date, sinks: [any DatasetSink] = []) -> String {
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
        info.add("loose_audio", description.keepsLooseAudio)
        for sink in description.sinks { sink.describe(description, into: &info) }
        for sink in sinks { sink.describeWritten(into: &info) }
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
