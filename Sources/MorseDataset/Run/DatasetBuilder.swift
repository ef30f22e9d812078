import Foundation
import MorseDatasetFormat
import Synchronization

/// A rendered clip, ready to be written: its WAV bytes and its metadata record (one JSON line).
public struct MadeClip: Sendable {
    public var wav: [UInt8]
    public var record: String
    public var duration: Double

    public init(wav: [UInt8], record: String, duration: Double) {
        self.wav = wav
        self.record = record
        self.duration = duration
    }
}

/// Makes clips for one worker thread, reusing its scratch memory from clip to clip.
public protocol ClipMaking {
    /// Renders clip `id`, to be stored in `split`.
    mutating func make(id: Int, split: DatasetSplit) throws -> MadeClip
}

/// Runs workers over the clips still to make, writing each clip's audio and then its journal line.
///
/// Workers take ids in increasing order from a shared counter, so memory does not depend on the
/// dataset size and a clip's bytes do not depend on which worker made it.
public struct DatasetBuilder: Sendable {
    public let layout: DatasetLayout
    public let descriptor: RunDescriptor
    public let configYAML: String

    public init(layout: DatasetLayout, descriptor: RunDescriptor, configYAML: String) {
        self.layout = layout
        self.descriptor = descriptor
        self.configYAML = configYAML
    }

    /// Readies the output folder and returns what previous runs already finished.
    ///
    /// A new or empty folder starts a dataset. A folder holding our dataset made with the same
    /// settings is resumed: every journal in it is indexed (a line cut off by a crash is dropped
    /// from this shard's journal) and this shard's leftover temporary files are removed. A dataset
    /// made with other settings is refused unless `overwrite`; a non-empty folder that is not ours
    /// is always refused.
    ///
    /// Several shards of the same run may prepare one shared folder at the same time: each writes
    /// only its own journal and its own clips, and `run.json` is written only when missing.
    /// - Parameters:
    ///   - overwrite: start afresh. For the whole dataset (or another run's dataset) everything we
    ///     wrote is deleted; for one shard of the same run only that shard's journal is, so the
    ///     other shards' work in a shared folder survives.
    ///   - shard: the part of the dataset this run makes.
    public func prepare(overwrite: Bool, shard: DatasetShard = .whole) throws(DatasetError) -> JournalIndex {
        let manager = FileManager.default
        let contents = (try? manager.contentsOfDirectory(atPath: layout.root)) ?? []
        var restartShard = false
        if let stored = RunDescriptor.load(layout.runFile) {
            if var difference = descriptor.difference(from: stored) {
                if stored.configFingerprint != descriptor.configFingerprint,
                    let storedYAML = try? String(contentsOfFile: layout.configFile, encoding: .utf8)
                {
                    let changes = ConfigChanges.between(stored: storedYAML, requested: configYAML)
                    if !changes.isEmpty {
                        difference += "; changed: " + changes.prefix(5).joined(separator: ", ") + (changes.count > 5 ? ", …" : "")
                    }
                }
                guard overwrite else { throw .changedRun(path: layout.root, difference: difference) }
                try removeDataset()
            } else if overwrite {
                if shard.isWhole { try removeDataset() } else { restartShard = true }
            }
        } else if !contents.isEmpty && !(contents == [".morse-dataset"] && isStateFolderOnly()) {
            throw .foreignDirectory(layout.root)
        }
        try Self.createFolders(layout, descriptor: descriptor, configYAML: configYAML)
        removeTemporaryFiles(shard: shard)
        let own = layout.journalFile(shard)
        if restartShard { unlink(own) }
        var index = JournalIndex(count: descriptor.numSamples)
        for journal in layout.journalFiles() {
            let valid = try index.add(journal: journal)
            if journal == own, let size = FileSystem.fileSize(journal), size > valid {
                guard truncate(journal, off_t(valid)) == 0 else { throw .io(path: journal, errno: errno, action: "repair") }
            }
        }
        return restartShard ? JournalIndex(count: descriptor.numSamples) : index
    }

    /// Creates the dataset's folders and writes its run state (descriptor and effective config),
    /// rewriting a state file only when it differs, since shards sharing a folder all do this.
    static func createFolders(_ layout: DatasetLayout, descriptor: RunDescriptor, configYAML: String) throws(DatasetError) {
        try FileSystem.makeDirectory(layout.root)
        try FileSystem.makeDirectory(layout.stateFolder)
        if RunDescriptor.load(layout.runFile) != descriptor { try FileSystem.writeShared(descriptor.encoded(), to: layout.runFile) }
        if (try? String(contentsOfFile: layout.configFile, encoding: .utf8)) != configYAML {
            try FileSystem.writeShared(configYAML, to: layout.configFile)
        }
        for split in DatasetSplit.allCases { try FileSystem.makeDirectory(layout.audioFolder(split)) }
    }

    /// Whether the state folder holds nothing but possibly our temporary files: another shard
    /// has just created it and is about to write `run.json`.
    func isStateFolderOnly() -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: layout.stateFolder)) ?? []
        return names.allSatisfy { $0.hasPrefix(".") && $0.hasSuffix(".tmp") }
    }

    /// Removes everything a previous run of ours wrote, in any format (only files we name; nothing else).
    func removeDataset() throws(DatasetError) {
        let manager = FileManager.default
        let formats = OutputFormat.allCases.flatMap { $0.sink.rootEntries }
        for name in [".morse-dataset", "audio"] + formats + ["dataset_info.json", "README.md"] {
            let path = layout.root + "/" + name
            if manager.fileExists(atPath: path) {
                do { try manager.removeItem(atPath: path) } catch { throw .io(path: path, errno: EACCES, action: "remove") }
            }
        }
    }

    /// Deletes `.name.tmp` files a killed run left behind: the audio of this shard's clips, the
    /// manifests when this run finalises (the whole dataset), and shared state files whose writer
    /// process is gone. Temporary files of other shards still running are left alone.
    func removeTemporaryFiles(shard: DatasetShard) {
        let mine = shard.ids(of: descriptor.numSamples)
        func entries(_ folder: String) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix(".") && $0.hasSuffix(".tmp") }
        }
        for folder in DatasetSplit.allCases.map(layout.audioFolder) {
            for name in entries(folder) {
                let digits = name.drop { !$0.isNumber }.prefix { $0.isNumber }
                if let id = Int(digits), mine.contains(id) { unlink(folder + "/" + name) }
            }
        }
        if shard.isWhole {
            for folder in Set(OutputFormat.allCases.flatMap { $0.sink.temporaryFolders(layout) }) {
                for name in entries(folder) { unlink(folder + "/" + name) }
            }
        }
        for name in entries(layout.stateFolder) {
            let parts = name.split(separator: ".")
            guard parts.count >= 3, let pid = Int32(parts[parts.count - 2]) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(layout.stateFolder + "/" + name) }
        }
    }

    /// What happened in one run of the workers.
    public struct RunOutcome: Sendable {
        public var made: Int
        public var failures: [(id: Int, reason: String)]
        /// Why the run stopped early (a signal or a fatal error), or nil if it finished its list.
        public var stopped: String?
        public var fatal: DatasetError?
    }

    /// Makes the clips of `ids` that are still `pending`, in increasing id order, on `workers` threads.
    ///
    /// Ids are taken one at a time from a shared counter and skipped when done, so no list of
    /// the clips to make is built: memory and start-up time do not depend on the dataset size.
    /// - Parameters:
    ///   - pending: whether clip `id` still has to be made.
    ///   - split: the split of a clip id.
    ///   - shard: whose journal the finished clips go to.
    ///   - makeWorker: creates one clip maker per worker thread.
    ///   - log: receives one line per failed clip as it happens.
    public func generate(
        ids: Range<Int>, pending: @Sendable (Int) -> Bool, split: @Sendable (Int) -> DatasetSplit, workers: Int, counters: ProgressCounters, stop: StopSignal,
        shard: DatasetShard = .whole, makeWorker: @Sendable () -> any ClipMaking, log: @Sendable (String) -> Void
    ) throws(DatasetError) -> RunOutcome {
        let journal = try LineAppender(path: layout.journalFile(shard))
        let next = Atomic<Int>(ids.lowerBound)
        let failures = Mutex<[(id: Int, reason: String)]>([])
        let fatal = Mutex<DatasetError?>(nil)
        let journalLock = Mutex<Void>(())
        let layout = layout
        DispatchQueue.concurrentPerform(iterations: max(1, workers)) { _ in
            var maker = makeWorker()
            while !stop.isSet {
                let id = next.add(1, ordering: .relaxed).oldValue
                guard id < ids.upperBound else { break }
                guard pending(id) else { continue }
                let split = split(id)
                do {
                    let clip = try maker.make(id: id, split: split)
                    try FileSystem.writeAtomically(clip.wav, to: layout.audioPath(id: id, split: split))
                    try journalLock.withLock { _ throws(DatasetError) in try journal.append(JournalLine.sealed(clip.record)) }
                    counters.finished(duration: clip.duration)
                } catch let error as DatasetError {
                    if case let .io(_, code, _) = error, [ENOSPC, EDQUOT, EROFS, EACCES, EPERM, EIO].contains(code) {
                        fatal.withLock { if $0 == nil { $0 = error } }
                        stop.set(error.description)
                    } else {
                        failures.withLock { $0.append((id, error.description)) }
                        counters.failedOne()
                        log("clip \(id) failed: \(error.description)")
                    }
                } catch {
                    let reason = String(describing: error)
                    failures.withLock { $0.append((id, reason)) }
                    counters.failedOne()
                    log("clip \(id) failed: \(reason)")
                }
            }
        }
        journal.sync()
        return RunOutcome(
            made: counters.finishedCount, failures: failures.withLock { $0 }.sorted { $0.id < $1.id },
            stopped: stop.why, fatal: fatal.withLock { $0 })
    }
}
