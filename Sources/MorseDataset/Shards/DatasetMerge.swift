import Foundation
import MorseDatasetFormat
import MorseFileSystem

/// Joins the shards of one run into a finished dataset: `morse-dataset merge OUT SHARD_DIR...`.
///
/// Every shard folder's `run.json` must match. All their journals are indexed together; every
/// clip id must have a journal line and its audio; otherwise nothing is written and the report
/// names the missing ids and shards. The audio is then **copied** into `OUT` (the shard folders
/// stay intact; a clip already in `OUT` with the right size is not copied again), the merged
/// journal is written to `OUT/.morse-dataset/journal.jsonl`, and the same finaliser as
/// `generate` writes the manifests, so the result equals a single run byte for byte.
/// When the shards were written into `OUT` itself, `merge OUT` alone finalises it.
public struct DatasetMerge: Sendable {
    public let output: String
    public let shardFolders: [String]
    public let version: String

    public init(output: String, shardFolders: [String], version: String) {
        self.output = output
        self.shardFolders = shardFolders
        self.version = version
    }

    /// What a merge did.
    public struct Result: Sendable {
        public var statistics: DatasetStatistics
        /// Folders merged (`OUT` included when it held shards).
        public var folders: [String]
        public var journals: Int
        public var copied: Int
        public var settings: RunSettings
    }

    /// - Parameter command: what this run is, shown to another run that finds a lock taken.
    public func run(command: String = DatasetBuilder.commandLine) throws(DatasetError) -> Result {
        let folders = try sourceFolders()
        let (descriptor, configYAML) = try agreedRun(folders)
        let settings = try Self.settings(descriptor: descriptor, configYAML: configYAML, folder: folders[0])
        let layout = DatasetLayout(root: output, numSamples: descriptor.numSamples)
        // OUT is ours alone while we write it; each shard is locked shared, so no run writes
        // into it meanwhile (several merges may read one shard). Every file is reached from the
        // folders' descriptors: a link planted in a shard is refused, never copied through.
        let created = !FileManager.default.fileExists(atPath: layout.root)
        let files = try DatasetFiles.open(layout, create: true)
        try checkOutput(files)
        let outputLock = try DatasetBuilder.lock(files, mode: .exclusive, command: command)
        // A merge refused before it writes leaves no trace: an `OUT` it created is removed again.
        func refused(_ error: DatasetError) -> DatasetError {
            guard created else { return error }
            _ = try? files.remove(layout.stateFolder + "/" + DatasetLock.fileName)
            rmdir(layout.stateFolder)
            rmdir(layout.root)
            return error
        }
        defer { withExtendedLifetime(outputLock) {} }
        let outputRoot = Self.canonical(layout.root)
        var shardFiles: [DatasetFiles] = []
        var shardLocks: [DatasetLock] = []
        for folder in folders {
            if Self.canonical(folder) == outputRoot {
                shardFiles.append(files)
                continue
            }
            let opened: DatasetFiles
            do throws(DatasetError) {
                opened = try DatasetFiles.open(
                    DatasetLayout(root: folder, numSamples: descriptor.numSamples), create: false)
                shardLocks.append(try DatasetBuilder.lock(opened, mode: .shared, command: command))
            } catch { throw refused(error) }
            shardFiles.append(opened)
        }
        defer { withExtendedLifetime(shardLocks) {} }

        // Index every journal of every folder; remember which folder each journal lies in.
        var index = JournalIndex(count: descriptor.numSamples)
        var folderOfJournal: [Int] = []
        var journalNames: [String] = []
        for number in folders.indices {
            let journals = shardFiles[number].journalFiles()
            try index.add(journals: journals)
            folderOfJournal += Array(repeating: number, count: journals.count)
            journalNames += journals.map { URL(fileURLWithPath: $0).lastPathComponent }
        }

        // Check every clip before writing anything.
        let description = DatasetDescription(settings: settings, numWorkers: journalNames.count, version: version)
        let outputFinaliser = DatasetFinaliser(files: files, description: description)
        var copies: [(from: String, shard: Int, to: String)] = []
        var missing: [Int] = []
        var handles: [Int: FileHandle] = [:]
        defer { for handle in handles.values { try? handle.close() } }
        let decoder = JSONDecoder()
        for id in 0..<descriptor.numSamples {
            guard let entry = index.entry(id) else {
                missing.append(id)
                continue
            }
            guard let line = try index.record(entry, handles: &handles),
                let clip = try? decoder.decode(ClipSummary.self, from: line)
            else {
                missing.append(id)
                continue
            }
            // Both the clip already in the output and the one to copy must match the checksum.
            if outputFinaliser.hasIntactAudio(clip) { continue }
            let shard = folderOfJournal[entry.file]
            let folder = folders[shard]
            let source = DatasetFinaliser(files: shardFiles[shard], description: description)
            let sourcePath = folder + "/audio/" + clip.audioFile
            if let relative = try? shardFiles[shard].relative(sourcePath),
                (try? shardFiles[shard].root.status(relative))??.kind == .symbolicLink
            {
                throw refused(.file(.symbolicLink(path: sourcePath, action: "copy")))
            }
            guard source.hasIntactAudio(clip) else {
                missing.append(id)
                continue
            }
            copies.append((sourcePath, shard, layout.root + "/audio/" + clip.audioFile))
        }
        if !missing.isEmpty {
            throw refused(
                .incompleteMerge(Self.missingReport(missing, total: descriptor.numSamples, journalNames: journalNames)))
        }

        // Write: the run state, the audio, the merged journal, then the manifests.
        try DatasetBuilder.createFolders(files, descriptor: descriptor, configYAML: configYAML)
        for copy in copies { try files.copy(copy.from, from: shardFiles[copy.shard], to: copy.to) }
        if folders.contains(where: { Self.canonical($0) != outputRoot }) {
            let journal = try files.writer(layout.journalFile)
            do throws(DatasetError) {
                for id in 0..<index.indexedEnd {
                    guard let entry = index.entry(id) else { continue }
                    try journal.write(bytes: try index.line(entry, handles: &handles))
                    try journal.write(bytes: [0x0A])
                }
                try journal.finish()
            } catch {
                journal.abandon()
                throw error
            }
        }
        var merged = JournalIndex(count: descriptor.numSamples)
        try merged.add(journals: files.journalFiles())
        let outcome = try outputFinaliser.finalise(merged)
        guard outcome.missing.isEmpty else {
            throw .incompleteMerge(
                Self.missingReport(outcome.missing, total: descriptor.numSamples, journalNames: journalNames))
        }
        return Result(
            statistics: outcome.statistics, folders: folders, journals: journalNames.count, copied: copies.count,
            settings: settings)
    }

    /// `OUT` (when it already holds our run state) and the shard folders, without repeats.
    func sourceFolders() throws(DatasetError) -> [String] {
        var folders: [String] = []
        var seen = Set<String>()
        let outputState = DatasetLayout(root: output, numSamples: 1).runFile
        for folder in (FileManager.default.fileExists(atPath: outputState) ? [output] : []) + shardFolders {
            let root = DatasetLayout(root: folder, numSamples: 1).root
            if seen.insert(Self.canonical(root)).inserted { folders.append(root) }
        }
        guard !folders.isEmpty else {
            throw .notADataset(output)
        }
        return folders
    }

    /// The run every folder belongs to, or an error naming the folder that differs.
    func agreedRun(_ folders: [String]) throws(DatasetError) -> (RunDescriptor, String) {
        var reference: (folder: String, descriptor: RunDescriptor)?
        for folder in folders {
            let layout = DatasetLayout(root: folder, numSamples: 1)
            guard FileManager.default.fileExists(atPath: folder) else {
                throw .io(path: folder, errno: ENOENT, action: "read")
            }
            guard let descriptor = RunDescriptor.load(layout.runFile) else { throw .notADataset(folder) }
            if let reference, let difference = descriptor.difference(from: reference.descriptor) {
                throw .mismatchedShards(path: folder, reference: reference.folder, difference: difference)
            }
            if reference == nil { reference = (folder, descriptor) }
        }
        guard let reference else { throw .notADataset(output) }
        let configFile = DatasetLayout(root: reference.folder, numSamples: 1).configFile
        guard let yaml = try? String(contentsOfFile: configFile, encoding: .utf8) else {
            throw .io(path: configFile, errno: errno == 0 ? ENOENT : errno, action: "read")
        }
        return (reference.descriptor, yaml)
    }

    /// The run's settings, rebuilt from its stored config and descriptor.
    static func settings(descriptor: RunDescriptor, configYAML: String, folder: String) throws(DatasetError)
        -> RunSettings
    {
        let path = DatasetLayout(root: folder, numSamples: 1).configFile
        let config: DatasetConfig
        do { config = try DatasetConfig.load(yaml: configYAML, source: path) } catch {
            throw .invalidOption(
                "\(path): \(error.description); the shard's run state is damaged, generate that shard again")
        }
        guard config.fingerprint == descriptor.configFingerprint else {
            throw .invalidOption(
                "\(path) does not match its run.json (config fingerprint \(config.fingerprint), expected \(descriptor.configFingerprint)); generate that shard again"
            )
        }
        return RunSettings(
            config: config, numSamples: descriptor.numSamples, seed: descriptor.seed,
            maxDuration: descriptor.maxDuration,
            noiseRatio: descriptor.noiseRatio)
    }

    /// Refuses an `OUT` that is not empty and not one of our datasets.
    func checkOutput(_ files: DatasetFiles) throws(DatasetError) {
        let layout = files.layout
        let contents = files.list(layout.root)
        if !contents.isEmpty && !files.exists(layout.runFile) { throw .foreignDirectory(layout.root) }
    }

    /// Which ids are missing, and which shards they belong to when the journals name one shard count.
    static func missingReport(_ missing: [Int], total: Int, journalNames: [String]) -> String {
        var lines = [
            "merge: \(missing.count) of \(total) clips are missing (ids \(ranges(missing))); nothing was written."
        ]
        let shards = journalNames.compactMap(DatasetShard.fromJournalName)
        let counts = Set(shards.map(\.count))
        if counts.count == 1, let count = counts.first {
            let present = Set(shards.map(\.index))
            for index in 0..<count {
                guard let shard = try? DatasetShard(index: index, count: count) else { continue }
                let ids = shard.ids(of: total)
                let lost = missing.filter { ids.contains($0) }
                guard !lost.isEmpty else { continue }
                let span = ids.isEmpty ? "no ids" : "ids \(ids.lowerBound)–\(ids.upperBound - 1)"
                if present.contains(index) {
                    lines.append(
                        "  \(shard) (\(span)): \(lost.count) clips missing or damaged; run that shard's generate command again to finish it"
                    )
                } else {
                    lines.append(
                        "  \(shard) (\(span)): no journal in the folders given; run it (or name its folder), then merge again"
                    )
                }
            }
        } else {
            lines.append("  run the missing shards (or name their folders), then merge again")
        }
        return lines.joined(separator: "\n")
    }

    /// `3–7, 9, 12–20` (at most 10 ranges, then `…`).
    static func ranges(_ ids: [Int]) -> String {
        var parts: [String] = []
        var start = ids.first ?? 0, previous = start
        for id in ids.dropFirst() + [Int.min] {
            if id == previous + 1 {
                previous = id
                continue
            }
            parts.append(start == previous ? "\(start)" : "\(start)–\(previous)")
            start = id
            previous = id
        }
        return parts.count > 10 ? parts.prefix(10).joined(separator: ", ") + ", …" : parts.joined(separator: ", ")
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
