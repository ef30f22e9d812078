import Foundation
import MorseDatasetFormat
import MorseFileSystem
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

    /// The output folder, readied and locked for one run.
    public struct Prepared: Sendable {
        /// The open root folder; every write of the run goes through it.
        public let files: DatasetFiles
        /// Held until the run ends (the kernel releases it if the process dies).
        public let lock: DatasetLock
        /// What previous runs already finished.
        public let index: JournalIndex
        /// Files an overwrite (or the recovery of an interrupted one) kept because the tool did
        /// not make them, relative to the root.
        public let kept: [String]
    }

    /// Readies the output folder and returns what previous runs already finished.
    ///
    /// A new or empty folder starts a dataset. A folder holding our dataset made with the same
    /// settings is resumed: every journal in it is indexed (a line cut off by a crash is dropped
    /// from this shard's journal) and this shard's leftover temporary files are removed. A dataset
    /// made with other settings is refused unless `overwrite`; a non-empty folder that is not ours
    /// is always refused.
    ///
    /// The dataset's lock is taken first: exclusive for the whole dataset and for an overwrite,
    /// shared by the shards of one run that share a folder (each writes only its own journal and
    /// clips, and `run.json` is written only when missing). An overwrite that a killed run left
    /// half done is finished first. Every path is reached from the root folder's descriptor,
    /// never through a symbolic link.
    /// - Parameters:
    ///   - overwrite: start afresh. For the whole dataset (or another run's dataset) everything we
    ///     wrote is deleted (anything else is kept and listed in ``Prepared/kept``); for one shard
    ///     of the same run only that shard's journal is, so the other shards' work survives.
    ///   - shard: the part of the dataset this run makes.
    ///   - command: what this run is, shown to a second run that finds the lock taken.
    public func prepare(overwrite: Bool, shard: DatasetShard = .whole, command: String = DatasetBuilder.commandLine)
        throws(DatasetError) -> Prepared
    {
        let files = try DatasetFiles.open(layout, create: true)
        let contents = files.list(layout.root).map(\.name)
        let interrupted = contents.contains { $0.hasPrefix(DatasetOverwrite.trashPrefix) }
        if !files.exists(layout.runFile) && !interrupted && !contents.isEmpty
            && !(contents == [DatasetLock.folder] && isStateFolderOnly(files))
        {
            throw .foreignDirectory(layout.root)
        }
        // A run that will be refused is refused before it takes the lock (which records its holder
        // in the lock file): a refusal changes nothing in the folder. Checked again under the lock.
        if !overwrite, let stored = loadDescriptor(files) { try refuseChanged(files, stored: stored) }
        var held: DatasetLock? = try Self.lock(files, mode: shard.isWhole ? .exclusive : .shared, command: command)
        var kept: [String] = []
        if let lock = held {
            kept = try DatasetFiles.filed { () throws(FileSystemError) in
                try ToolMadeFiles.overwrite.recover(in: files.root, holding: lock)
            }
        }
        var restartShard = false
        var replace = false
        if let stored = loadDescriptor(files) {
            if descriptor.difference(from: stored) != nil {
                if !overwrite { try refuseChanged(files, stored: stored) }
                replace = true
            } else if overwrite {
                if shard.isWhole { replace = true } else { restartShard = true }
            }
        }
        if replace {
            if held?.mode == .shared {
                // Replacing the dataset needs it to ourselves: other shards must not be writing.
                // One process cannot hold both locks on one file, so the shared one goes first.
                held = nil
                held = try Self.lock(files, mode: .exclusive, command: command)
            }
            guard let lock = held else { throw .file(.locked(path: layout.stateFolder, holder: nil)) }
            let trash = try DatasetFiles.filed { () throws(FileSystemError) in
                try ToolMadeFiles.overwrite.moveAside(in: files.root, holding: lock)
            }
            try Self.createFolders(files, descriptor: descriptor, configYAML: configYAML)
            kept += try DatasetFiles.filed { () throws(FileSystemError) in
                try ToolMadeFiles.overwrite.deleteTrash(trash, in: files.root)
            }
        }
        try Self.createFolders(files, descriptor: descriptor, configYAML: configYAML)
        removeTemporaryFiles(files, shard: shard)
        let own = layout.journalFile(shard)
        if restartShard { try files.remove(own) }
        var index = JournalIndex(count: descriptor.numSamples)
        for journal in files.journalFiles() {
            let valid = try index.add(journal: journal)
            if journal == own, let size = files.fileSize(journal), size > valid {
                try files.appender(journal).truncate(to: valid)
            }
        }
        guard let lock = held else { throw .file(.locked(path: layout.stateFolder, holder: nil)) }
        return Prepared(
            files: files, lock: lock, index: restartShard ? JournalIndex(count: descriptor.numSamples) : index,
            kept: kept.sorted())
    }

    /// Throws ``DatasetError/changedRun(path:difference:)`` when `stored` differs from this run.
    func refuseChanged(_ files: DatasetFiles, stored: RunDescriptor) throws(DatasetError) {
        guard var difference = descriptor.difference(from: stored) else { return }
        if stored.configFingerprint != descriptor.configFingerprint,
            let storedYAML = try? files.read(layout.configFile, limit: 1 << 24)
        {
            let changes = ConfigChanges.between(
                stored: String(decoding: storedYAML, as: UTF8.self), requested: configYAML)
            if !changes.isEmpty {
                difference +=
                    "; changed: " + changes.prefix(5).joined(separator: ", ") + (changes.count > 5 ? ", …" : "")
            }
        }
        throw .changedRun(path: layout.root, difference: difference)
    }

    /// This process's command line, as the lock shows it to a second run.
    public static var commandLine: String { CommandLine.arguments.joined(separator: " ") }

    /// Takes the dataset's lock in `mode`.
    static func lock(_ files: DatasetFiles, mode: DatasetLock.Mode, command: String) throws(DatasetError) -> DatasetLock
    {
        try DatasetFiles.filed { () throws(FileSystemError) in
            try DatasetLock.acquire(in: files.root, mode: mode, command: command)
        }
    }

    /// The stored run descriptor, read without following a link, or nil.
    func loadDescriptor(_ files: DatasetFiles) -> RunDescriptor? {
        guard let bytes = try? files.read(layout.runFile, limit: 1 << 24) else { return nil }
        return try? JSONDecoder().decode(RunDescriptor.self, from: Data(bytes))
    }

    /// Creates the dataset's folders and writes its run state (descriptor and effective config),
    /// rewriting a state file only when it differs, since shards sharing a folder all do this.
    static func createFolders(_ files: DatasetFiles, descriptor: RunDescriptor, configYAML: String) throws(DatasetError)
    {
        let layout = files.layout
        try files.makeDirectory(layout.stateFolder)
        let stored = try? files.read(layout.runFile, limit: 1 << 24)
        if stored.flatMap({ try? JSONDecoder().decode(RunDescriptor.self, from: Data($0)) }) != descriptor {
            try files.writeAtomically(descriptor.encoded(), to: layout.runFile, sync: true)
        }
        if (try? files.read(layout.configFile, limit: 1 << 24)) != Array(configYAML.utf8) {
            try files.writeAtomically(configYAML, to: layout.configFile)
        }
        for split in DatasetSplit.allCases { try files.makeDirectory(layout.audioFolder(split)) }
    }

    /// Whether the state folder holds nothing but possibly the lock and our temporary files:
    /// another shard has just created it and is about to write `run.json`.
    func isStateFolderOnly(_ files: DatasetFiles) -> Bool {
        files.list(layout.stateFolder).allSatisfy {
            ($0.name.hasPrefix(".") && $0.name.hasSuffix(".tmp")) || $0.name == DatasetLock.fileName
        }
    }

    /// Deletes `.name.tmp` files a killed run left behind: the audio of this shard's clips, the
    /// manifests when this run finalises (the whole dataset), and shared state files whose writer
    /// process is gone. Temporary files of other shards still running are left alone. Each is
    /// unlinked by name in its folder (a link is unlinked as a link, never followed).
    func removeTemporaryFiles(_ files: DatasetFiles, shard: DatasetShard) {
        let mine = shard.ids(of: descriptor.numSamples)
        func entries(_ folder: String) -> [String] {
            files.list(folder).map(\.name).filter { $0.hasPrefix(".") && $0.hasSuffix(".tmp") }
        }
        for folder in DatasetSplit.allCases.map(layout.audioFolder) {
            for name in entries(folder) {
                let digits = name.drop { !$0.isNumber }.prefix { $0.isNumber }
                if let id = Int(digits), mine.contains(id) { _ = try? files.remove(folder + "/" + name) }
            }
        }
        if shard.isWhole {
            for folder in Set(OutputFormat.everySink.flatMap { $0.temporaryFolders(layout) }) {
                for name in entries(folder) { _ = try? files.remove(folder + "/" + name) }
            }
        }
        for name in entries(layout.stateFolder) {
            let parts = name.split(separator: ".")
            guard parts.count >= 3, let pid = Int32(parts[parts.count - 2]) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { _ = try? files.remove(layout.stateFolder + "/" + name) }
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
        files: DatasetFiles, ids: Range<Int>, pending: @Sendable (Int) -> Bool, split: @Sendable (Int) -> DatasetSplit,
        workers: Int, counters: ProgressCounters, stop: StopSignal,
        shard: DatasetShard = .whole, makeWorker: @Sendable () -> any ClipMaking, log: @Sendable (String) -> Void
    ) throws(DatasetError) -> RunOutcome {
        let journal = try files.appender(layout.journalFile(shard))
        // Each split's folder is held open, so a clip is written by name into the folder that was
        // checked, even if a link is put in the folder's place while the run goes on.
        var folders: [DatasetRoot] = []
        for split in DatasetSplit.allCases { folders.append(try files.folder(layout.audioFolder(split))) }
        let splitFolders = folders
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
                    let name = layout.fileName(id: id)
                    try DatasetFiles.filed { () throws(FileSystemError) in
                        try splitFolders[split.rawValue].writeAtomically(clip.wav, to: name)
                    }
                    try journalLock.withLock { _ throws(DatasetError) in
                        try journal.append(JournalLine.sealed(clip.record))
                    }
                    counters.finished(duration: clip.duration)
                } catch let error as DatasetError {
                    if let code = error.systemErrno, [ENOSPC, EDQUOT, EROFS, EACCES, EPERM, EIO].contains(code) {
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
