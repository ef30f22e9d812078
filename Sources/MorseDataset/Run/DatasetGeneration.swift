import Foundation
import MorseDatasetFormat

/// One `generate` run from start to finish: prepare or resume the folder, make the clips still
/// missing on parallel workers, then write every manifest from the journal.
///
/// A run of one shard of several makes only that shard's clips and does not finalise: the
/// manifests of the whole dataset are written by ``DatasetMerge`` once every shard is done.
public struct DatasetGeneration: Sendable {
    public let settings: RunSettings
    public let layout: DatasetLayout
    public let workers: Int
    public let overwrite: Bool
    public let progress: ProgressStyle
    public let version: String
    public let shard: DatasetShard
    /// A pause before each clip, in seconds; 0 in normal use. Fault tests set it so that a run
    /// of a few clips lasts long enough to be interrupted at a chosen moment on any build.
    public var clipDelay: Double = 0

    public init(
        settings: RunSettings, outputDirectory: String, workers: Int, overwrite: Bool, progress: ProgressStyle,
        version: String,
        shard: DatasetShard = .whole
    ) {
        self.settings = settings
        layout = DatasetLayout(root: outputDirectory, numSamples: settings.numSamples)
        self.workers = workers
        self.overwrite = overwrite
        self.progress = progress
        self.version = version
        self.shard = shard
    }

    /// What a run did.
    public struct Result: Sendable {
        /// Statistics of the finished dataset; nil when the run stopped early or made one shard of several.
        public var statistics: DatasetStatistics?
        public var made: Int
        public var alreadyDone: Int
        /// Clips this run was responsible for (all, or its shard's).
        public var total: Int
        public var failures: [(id: Int, reason: String)]
        public var missing: [Int]
        public var stopped: String?
        public var elapsed: Double
        /// Files an overwrite kept because the tool did not make them (relative to the folder).
        public var kept: [String] = []
        public var succeeded: Bool { stopped == nil && failures.isEmpty && missing.isEmpty }
    }

    /// Runs the whole job. `started` is called once the settings, the config and the output folder
    /// have been checked (and the folder locked), before any clip is made, so a banner printed there
    /// never announces a run that is then refused. Lines for the user (failed clips as they happen)
    /// go to `log`.
    public func run(
        stop: StopSignal, started: () -> Void = {}, log: @escaping @Sendable (String) -> Void
    ) throws(DatasetError) -> Result {
        let start = Date()
        let settings = try settings.validated()
        let planner = try ClipPlanner(settings: settings)
        let builder = DatasetBuilder(layout: layout, descriptor: settings.descriptor, configYAML: settings.config.yaml)
        let ids = shard.ids(of: settings.numSamples)
        let prepared = try builder.prepare(overwrite: overwrite, shard: shard)
        started()
        let index = prepared.index
        let splits = planner.splitTable()
        let finaliser = DatasetFinaliser(
            files: prepared.files,
            description: DatasetDescription(settings: settings, numWorkers: workers, version: version))
        // Every finished clip's bytes are checked against its checksum: a clip damaged or replaced
        // in place (even at the same size) is made again.
        let damaged = Set(try finaliser.unusable(index, ids: ids, stop: stop))
        let isPending: @Sendable (Int) -> Bool = { index.entry($0) == nil || damaged.contains($0) }
        var done = 0
        for id in ids.clamped(to: 0..<index.indexedEnd) where !isPending(id) { done += 1 }
        let alreadyDone = done

        let counters = ProgressCounters()
        let reporter = ProgressReporter(counters: counters, total: ids.count, alreadyDone: alreadyDone, style: progress)
        reporter.begin()
        let layout = layout
        let clipDelay = clipDelay
        let outcome = try builder.generate(
            files: prepared.files, ids: ids, pending: isPending, split: { splits.split($0) }, workers: workers,
            counters: counters,
            stop: stop, shard: shard,
            makeWorker: { PacedClipMaker(ClipMaker(planner: planner, layout: layout), delay: clipDelay) },
            log: reporter.interleaving(log))
        reporter.end()
        if let fatal = outcome.fatal { throw fatal }
        var result = Result(
            statistics: nil, made: outcome.made, alreadyDone: alreadyDone, total: ids.count, failures: outcome.failures,
            missing: [], stopped: outcome.stopped, elapsed: 0, kept: prepared.kept)
        if outcome.stopped == nil && shard.isWhole {
            var finished = JournalIndex(count: settings.numSamples)
            try finished.add(journals: prepared.files.journalFiles())
            let outcome = try finaliser.finalise(finished, stop: stop)
            result.statistics = outcome.statistics
            result.missing = outcome.missing
        }
        result.elapsed = Date().timeIntervalSince(start)
        withExtendedLifetime(prepared.lock) {}
        return result
    }
}

extension DatasetDescription {
    /// What the card and `dataset_info.json` say about a dataset made with `settings`.
    public init(settings: RunSettings, numWorkers: Int, version: String) {
        let config = settings.config
        self.init(
            descriptor: settings.descriptor, contestTypes: config.contestTypes.map(\.rawValue),
            wpmRange: [config.wpmRange.lowerBound, config.wpmRange.upperBound],
            conditions: config.conditions.map(\.rawValue),
            splitRatios: [config.splitRatios.train, config.splitRatios.validation, config.splitRatios.test],
            metrics: config.evaluation.metrics.map(\.rawValue),
            trackElements: config.evaluation.trackElements.map(\.rawValue), configYAML: config.yaml,
            numWorkers: numWorkers, audioFormat: config.output.audioFormat, version: version,
            formats: config.output.formats, shardSize: config.output.shardSize, keepAudio: config.output.keepAudio,
            nemoPaths: config.output.nemoPaths)
    }
}
