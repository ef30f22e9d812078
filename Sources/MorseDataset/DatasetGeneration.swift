import Foundation

/// One `generate` run from start to finish: prepare or resume the folder, make the clips still
/// missing on parallel workers, then write every manifest from the journal.
public struct DatasetGeneration: Sendable {
    public let settings: RunSettings
    public let layout: DatasetLayout
    public let workers: Int
    public let overwrite: Bool
    public let progress: ProgressStyle
    public let version: String

    public init(settings: RunSettings, outputDirectory: String, workers: Int, overwrite: Bool, progress: ProgressStyle, version: String) {
        self.settings = settings
        layout = DatasetLayout(root: outputDirectory, numSamples: settings.numSamples)
        self.workers = workers
        self.overwrite = overwrite
        self.progress = progress
        self.version = version
    }

    /// What a run did.
    public struct Result: Sendable {
        public var statistics: DatasetStatistics?
        public var made: Int
        public var alreadyDone: Int
        public var failures: [(id: Int, reason: String)]
        public var missing: [Int]
        public var stopped: String?
        public var elapsed: Double
        public var succeeded: Bool { stopped == nil && failures.isEmpty && missing.isEmpty }
    }

    /// Runs the whole job. Lines for the user (failed clips as they happen) go to `log`.
    public func run(stop: StopSignal, log: @escaping @Sendable (String) -> Void) throws(DatasetError) -> Result {
        let start = Date()
        let settings = try settings.validated()
        let planner = try ClipPlanner(settings: settings)
        let builder = DatasetBuilder(layout: layout, descriptor: settings.descriptor, configYAML: settings.config.yaml)
        var index = try builder.prepare(overwrite: overwrite)
        let splits = planner.splits()
        let description = describe(settings)
        let finaliser = DatasetFinaliser(layout: layout, description: description)
        let damaged = Set(try finaliser.unusable(index))
        let pending = (0..<settings.numSamples).filter { index.entries[$0] == nil || damaged.contains($0) }
        let alreadyDone = settings.numSamples - pending.count

        let counters = ProgressCounters()
        let reporter = ProgressReporter(counters: counters, total: settings.numSamples, alreadyDone: alreadyDone, style: progress)
        reporter.begin()
        let layout = layout
        let outcome = try builder.generate(
            pending: pending, splits: splits, workers: workers, counters: counters, stop: stop,
            makeWorker: { ClipMaker(planner: planner, layout: layout) }, log: log)
        reporter.end()
        if let fatal = outcome.fatal { throw fatal }
        var result = Result(
            statistics: nil, made: outcome.made, alreadyDone: alreadyDone, failures: outcome.failures, missing: [],
            stopped: outcome.stopped, elapsed: 0)
        if outcome.stopped == nil {
            index = JournalIndex(count: settings.numSamples)
            try index.add(journal: layout.journalFile)
            let finished = try finaliser.finalise(index)
            result.statistics = finished.statistics
            result.missing = finished.missing
        }
        result.elapsed = Date().timeIntervalSince(start)
        return result
    }

    func describe(_ settings: RunSettings) -> DatasetDescription {
        let config = settings.config
        return DatasetDescription(
            descriptor: settings.descriptor, contestTypes: config.contestTypes,
            wpmRange: [config.wpmRange.lowerBound, config.wpmRange.upperBound], conditions: config.conditions,
            splitRatios: [config.splitRatios.train, config.splitRatios.validation, config.splitRatios.test],
            metrics: config.evaluation.metrics, trackElements: config.evaluation.trackElements, configYAML: config.yaml,
            numWorkers: workers, audioFormat: .init(rawValue: config.output.audioFormat) ?? .pcm16, version: version)
    }
}
