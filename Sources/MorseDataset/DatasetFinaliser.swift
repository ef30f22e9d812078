import Foundation
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
    /// `output.formats`: `folder` (the reference layout) and/or `webdataset` (tar shards).
    public var formats: [String]
    /// `output.shard_size`: clips per WebDataset shard.
    public var shardSize: Int

    public var writesFolder: Bool { formats.contains("folder") }
    public var writesWebDataset: Bool { formats.contains("webdataset") }

    public init(
        descriptor: RunDescriptor, contestTypes: [String], wpmRange: [Double], conditions: [String], splitRatios: [Double],
        metrics: [String], trackElements: [String], configYAML: String, numWorkers: Int, audioFormat: WAVSampleFormat,
        version: String, formats: [String] = ["folder"], shardSize: Int = 1000
    ) {
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
    public let layout: DatasetLayout
    public let description: DatasetDescription

    public init(layout: DatasetLayout, description: DatasetDescription) {
        self.layout = layout
        self.description = description
    }

    /// The outcome: statistics over the clips listed, and ids whose audio is missing or damaged.
    public struct Outcome: Sendable {
        public var statistics: DatasetStatistics
        public var missing: [Int]
    }

    /// Writes the manifests of every clip in `index` whose audio is in place, in id order.
    ///
    /// With `folder` among the formats: `metadata.csv`, `splits/`, `audio/{split}/metadata.jsonl`
    /// and `manifests/`; with `webdataset`: the tar shards. Always `dataset_info.json` and the card.
    /// The WAV files under `audio/` stay in both cases: they are what a resume or merge checks.
    public func finalise(_ index: JournalIndex, now: Date = Date()) throws(DatasetError) -> Outcome {
        var writers: [BufferedFileWriter] = []
        var tars: WebDatasetWriter?
        func writer(_ path: String) throws(DatasetError) -> BufferedFileWriter {
            let created = try BufferedFileWriter(path: path)
            writers.append(created)
            return created
        }
        do throws(DatasetError) {
            var folder: FolderManifests?
            if description.writesFolder {
                for path in [layout.splitsFolder, layout.manifestsFolder] + DatasetSplit.allCases.map(layout.audioFolder) {
                    try FileSystem.makeDirectory(path)
                }
                folder = try FolderManifests(layout: layout, open: writer)
            }
            if description.writesWebDataset { tars = try WebDatasetWriter(layout: layout, shardSize: description.shardSize) }
            var statistics = DatasetStatistics()
            var missing: [Int] = []
            var handles: [Int: FileHandle] = [:]
            defer { for handle in handles.values { try? handle.close() } }
            let decoder = JSONDecoder()
            for (id, entry) in index.entries.enumerated() {
                guard let entry else { continue }
                let line = try index.line(entry, handles: &handles)
                guard let clip = try? decoder.decode(ClipSummary.self, from: line), let split = DatasetSplit(name: clip.split) else {
                    throw .damagedJournal(path: index.files[entry.file], line: 0)
                }
                guard hasAudio(clip) else {
                    missing.append(id)
                    continue
                }
                try folder?.add(clip, split: split, record: line)
                if let tars {
                    let path = layout.root + "/audio/" + clip.audioFile
                    guard let wav = FileManager.default.contents(atPath: path) else { throw .io(path: path, errno: errno, action: "read") }
                    try tars.add(id: id, split: split, wav: Array(wav), text: clip.text, record: line)
                }
                statistics.add(clip)
            }
            for created in writers { try created.finish() }
            writers.removeAll()
            try tars?.finish()
            try FileSystem.writeAtomically(datasetInfo(statistics, now: now), to: layout.datasetInfo)
            try FileSystem.writeAtomically(DatasetCard(description: description, statistics: statistics).markdown, to: layout.root + "/README.md")
            return Outcome(statistics: statistics, missing: missing)
        } catch {
            for created in writers { created.abandon() }
            tars?.abandon()
            throw error
        }
    }

    /// Ids whose journal line is there but whose audio file is missing or has the wrong size: a
    /// resumed run makes them again.
    /// - Parameter ids: the ids to check (default: all).
    public func unusable(_ index: JournalIndex, ids: Range<Int>? = nil) throws(DatasetError) -> [Int] {
        var handles: [Int: FileHandle] = [:]
        defer { for handle in handles.values { try? handle.close() } }
        let decoder = JSONDecoder()
        var bad: [Int] = []
        for id in ids ?? index.entries.indices {
            guard let entry = index.entries[id] else { continue }
            let line = try index.line(entry, handles: &handles)
            guard let clip = try? decoder.decode(ClipSummary.self, from: line), hasAudio(clip) else {
                bad.append(id)
                continue
            }
        }
        return bad
    }

    /// Whether the clip's audio file exists with exactly the size its record implies.
    func hasAudio(_ clip: ClipSummary) -> Bool {
        let header = WAVEncoder.headerSize(format: description.audioFormat)
        let bytesPerSample = description.audioFormat == .pcm16 ? 2 : 4
        return FileSystem.fileSize(layout.root + "/audio/" + clip.audioFile) == header + clip.numSamples * bytesPerSample
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
        info.add("formats", strings: description.formats)
        if description.writesWebDataset { info.add("webdataset_shard_size", description.shardSize) }
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

/// The reference layout's manifests, written row by row as the finaliser walks the clips.
struct FolderManifests {
    let metadata: BufferedFileWriter
    var splitCSV: [BufferedFileWriter] = [], transcripts: [BufferedFileWriter] = []
    var audioJSONL: [BufferedFileWriter] = [], nemo: [BufferedFileWriter] = []

    /// Opens every manifest through `open` (which keeps the writers, to finish or abandon them).
    init(layout: DatasetLayout, open: (String) throws(DatasetError) -> BufferedFileWriter) throws(DatasetError) {
        metadata = try open(layout.metadataCSV)
        try metadata.write(ClipSummary.csvHeader + "\n")
        for split in DatasetSplit.allCases {
            let csv = try open(layout.splitCSV(split))
            try csv.write(ClipSummary.csvHeader + "\n")
            splitCSV.append(csv)
            transcripts.append(try open(layout.transcripts(split)))
            audioJSONL.append(try open(layout.audioMetadata(split)))
            nemo.append(try open(layout.nemoManifest(split)))
        }
    }

    func add(_ clip: ClipSummary, split: DatasetSplit, record: Data) throws(DatasetError) {
        let row = clip.csvRow + "\n"
        try metadata.write(row)
        try splitCSV[split.rawValue].write(row)
        try transcripts[split.rawValue].write(clip.audioFile + "|" + clip.text + "\n")
        try audioJSONL[split.rawValue].write(String(decoding: record, as: UTF8.self) + "\n")
        var manifest = JSONObject()
        manifest.add("audio_filepath", "../audio/" + clip.audioFile)
        manifest.add("duration", clip.duration)
        manifest.add("text", clip.text)
        try nemo[split.rawValue].write(manifest.encoded + "\n")
    }
}
