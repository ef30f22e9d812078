import Foundation
import MorseCode
import MorseDatasetFormat
import MorseFileSystem
import MorseSignal

/// What `validate` checks beyond the defaults.
public struct ValidationOptions: Sendable {
    /// Threads that read audio headers (and decode clips).
    public var workers: Int
    /// Required sample rate in Hz; nil = `dataset_info.json`'s `sample_rate`, else 16000.
    public var sampleRate: Int?
    /// Longest allowed clip in seconds; nil = `dataset_info.json`'s `max_duration`, else no limit.
    public var maxDuration: Double?
    /// Also run the reference decoder on these clips; nil = do not decode.
    public var decode: DecoderSurvey?
    /// Findings kept per kind for the report (all are counted).
    public var findingsPerKind: Int

    public init(
        workers: Int = 4, sampleRate: Int? = nil, maxDuration: Double? = nil, decode: DecoderSurvey? = nil,
        findingsPerKind: Int = 1000
    ) {
        self.workers = workers
        self.sampleRate = sampleRate
        self.maxDuration = maxDuration
        self.decode = decode
        self.findingsPerKind = findingsPerKind
    }
}

extension ValidationOptions {
    /// Why validation options cannot be used.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case workers(Int)
        case sampleRate(Int)
        case maxDuration(Double)
        case survey(name: String, value: Double, allowed: String)

        public var description: String {
            let rates = WAVLimits.standard.sampleRates
            return switch self {
            case let .workers(count): "\(count) workers cannot read anything; use 1 to 1024"
            case let .sampleRate(rate):
                "a sample rate of \(rate) Hz is not one a WAV file we read has; use \(rates.lowerBound) to \(rates.upperBound) Hz"
            case let .maxDuration(seconds):
                "a maximum duration of \(seconds) s would not check anything; give a finite number of seconds above 0"
            case let .survey(name, value, allowed):
                "the decoder survey's \(name) \(value) is not usable; use \(allowed)"
            }
        }
    }

    /// Throws unless every option is finite and inside its range.
    public func check() throws(Problem) {
        guard (1...1024).contains(workers) else { throw .workers(workers) }
        if let sampleRate, !WAVLimits.standard.sampleRates.contains(sampleRate) { throw .sampleRate(sampleRate) }
        if let maxDuration, !(maxDuration.isFinite && maxDuration > 0) { throw .maxDuration(maxDuration) }
        if let decode {
            guard decode.fraction.isFinite, (0...1).contains(decode.fraction) else {
                throw .survey(name: "fraction", value: decode.fraction, allowed: "0 to 1")
            }
            if let snr = decode.minimumSNR, !snr.isFinite {
                throw .survey(name: "minimum SNR", value: snr, allowed: "a finite number of dB")
            }
            guard decode.flagCER.isFinite, decode.flagCER >= 0 else {
                throw .survey(name: "flagging CER", value: decode.flagCER, allowed: "a finite number of 0 or more")
            }
        }
    }
}

/// Checks a dataset made by `generate`: every manifest row against its audio file, no orphan
/// audio, no id twice, splits disjoint, transcripts within the alphabet, manifests agreeing.
///
/// Streaming: manifests are read line by line and audio files are checked from their headers in
/// batches on ``ValidationOptions/workers`` threads; memory holds a few numbers per clip.
public struct DatasetValidator: Sendable {
    public let files: DatasetLayout
    public let options: ValidationOptions
    /// The dataset folder's real path: absolute NeMo paths must lead into it.
    let realRoot: String

    /// Refuses options that would silently disable a check (a NaN maximum duration compares
    /// false with everything) or cannot work (no workers, a sample rate no WAV file has).
    public init(root: String, options: ValidationOptions = ValidationOptions()) throws(ValidationOptions.Problem) {
        try options.check()
        files = DatasetLayout(reading: root)
        self.options = options
        realRoot = (try? RealPath.of(root).get()) ?? root
    }

    /// What metadata.csv says about one clip, and what its audio holds.
    struct Entry {
        var split: DatasetSplit
        var textHash: Int
        var statedDuration: Double
        var audioDuration: Double?
        var line: Int
    }

    /// Runs every check; `progress` receives a line after each stage.
    public func run(progress: (String) -> Void = { _ in }) -> ValidationReport {
        let start = Date()
        var log = FindingLog(perKind: options.findingsPerKind)
        let info = readInfo(&log)
        let sampleRate = options.sampleRate ?? info.sampleRate ?? 16_000
        let check = AudioCheck(sampleRate: sampleRate, maxDuration: options.maxDuration ?? info.maxDuration)
        // A WebDataset-only dataset keeps no loose WAVs: each clip is a member of one of its shards.
        let store = ClipAudioStore(root: files.root)

        var entries: [Int: Entry] = [:]
        var decodeRows: [MetadataRow] = []
        var audioChecked = 0
        var batch: [(id: Int, job: AudioCheck.Job)] = []
        func flush() {
            let outcomes = parallelMap(batch.map(\.job), workers: options.workers) { check.check($0) }
            for (item, outcome) in zip(batch, outcomes) {
                entries[item.id]?.audioDuration = outcome.duration
                for finding in outcome.findings { log.add(finding) }
            }
            audioChecked += batch.count
            batch.removeAll(keepingCapacity: true)
        }
        let read = forEachMetadataRow(path: files.metadataCSV) { line, parsed in
            let location = "metadata.csv:\(line)"
            let row: MetadataRow
            switch parsed {
            case let .success(value): row = value
            case let .failure(problem):
                log.add(ValidationFinding(.malformedRow, location, "row \(problem)"))
                return
            }
            let here = "\(location) (id \(row.id))"
            guard let split = DatasetSplit(name: row.split) else {
                log.add(ValidationFinding(.malformedRow, here, "split '\(row.split)' is not train, validation or test"))
                return
            }
            if let first = entries[row.id] {
                let other = first.split == split ? "" : " (there in \(first.split), here in \(split))"
                log.add(
                    ValidationFinding(
                        .duplicateID, here, "id \(row.id) is listed again; first at metadata.csv:\(first.line)\(other)")
                )
                return
            }
            if let named = DatasetLayout.clip(inAudioFile: row.audioFile), named.split == split, named.id == row.id {
            } else {
                log.add(
                    ValidationFinding(
                        .manifestDisagreement, here,
                        "audio_file '\(row.audioFile)' does not name clip \(row.id) in split \(split) ('\(split)/morse_…\(row.id).wav')"
                    ))
            }
            checkTranscript(row, location: here, log: &log)
            entries[row.id] = Entry(
                split: split, textHash: row.text.hashValue, statedDuration: row.duration, line: line)
            var job = AudioCheck.Job(
                path: files.audioPath(row.audioFile), audioFile: row.audioFile, statedDuration: row.duration,
                location: here, checksum: row.checksum)
            if store.shards != nil {
                guard case let .member(shard, member) = store.location(of: row.audioFile) else {
                    log.add(
                        ValidationFinding(
                            .missingAudio, here,
                            "no shard in webdataset/\(split)/ holds \(files.fileName(id: row.id)) (audio_file '\(row.audioFile)'); regenerate the dataset (run the generate command again)"
                        ))
                    return
                }
                job.member = (store, shard, member)
            }
            batch.append((row.id, job))
            if batch.count >= 1024 { flush() }
            if options.decode?.selects(row) == true { decodeRows.append(row) }
        }
        flush()
        if case let .failure(problem) = read {
            log.add(
                ValidationFinding(
                    .missingManifest, "metadata.csv",
                    "\(problem); it lists every clip, so nothing else can be checked. Regenerate the dataset"))
        }
        progress("Checked \(entries.count) clips in metadata.csv against \(audioChecked) audio files")
        if let shards = store.shards {
            checkShards(shards, entries: entries, log: &log)
            progress(
                "Checked that every clip is in exactly one of the \(shards.shardCount) WebDataset shards of its split")
        }

        // The folder layout's own manifests exist only when it is one of the dataset's formats.
        let hasFolderLayout = info.formats?.contains("folder") != false
        for source in ManifestSource.allCases where hasFolderLayout || !source.isFolderOnly {
            var seen: [Int: DatasetSplit] = [:]
            for split in DatasetSplit.allCases {
                compare(source, split: split, entries: entries, check: check, seen: &seen, log: &log)
            }
        }
        progress(
            "Compared the split CSVs, transcripts\(hasFolderLayout ? ", audio metadata and NeMo manifests" : "") with metadata.csv"
        )
        findOrphans(entries: entries, log: &log)
        if let count = info.numSamples, count != entries.count, read.isSuccess {
            log.add(
                ValidationFinding(
                    .manifestDisagreement, "dataset_info.json",
                    "num_samples is \(count) but metadata.csv lists \(entries.count) clips"))
        }
        if read.isSuccess {
            for split in DatasetSplit.allCases {
                guard let stated = info.splitCounts[split.name] else { continue }
                let actual = entries.values.reduce(0) { $0 + ($1.split == split ? 1 : 0) }
                if stated != actual {
                    log.add(
                        ValidationFinding(
                            .manifestDisagreement, "dataset_info.json",
                            "split_counts.\(split) is \(stated) but metadata.csv lists \(actual) clips in \(split)"))
                }
            }
        }

        var survey: DecoderSurveyResult?
        if let decode = options.decode {
            let result = decode.run(decodeRows, files: files, workers: options.workers)
            for clip in result.flagged {
                log.add(
                    ValidationFinding(
                        .labelDisagreesWithAudio, "audio/\(clip.audioFile) (id \(clip.id))",
                        "label '\(clip.label)' but the reference decoder hears '\(clip.heard)' (CER \(NumberFormat.decimal(clip.cer, places: 3)) at SNR \(clip.snr500.map { NumberFormat.decimal($0, places: 1) } ?? "?") dB); listen to it or run `morse-dataset preview`"
                    ))
            }
            survey = result
            progress("Decoded \(result.clips.count) clips with the reference decoder")
        }
        return ValidationReport(
            clips: entries.count, audioChecked: audioChecked, sampleRate: sampleRate, maxDuration: check.maxDuration,
            log: log,
            decode: survey, elapsed: Date().timeIntervalSince(start))
    }

    /// Transcript checks: noise-only clips are empty, Morse clips are not, and every symbol is ours.
    func checkTranscript(_ row: MetadataRow, location: String, log: inout FindingLog) {
        if row.isNoiseOnly {
            if !row.text.isEmpty {
                log.add(
                    ValidationFinding(
                        .malformedRow, location, "noise-only clip has the transcript '\(row.text)'; it must be empty"))
            }
            return
        }
        guard !row.text.isEmpty else {
            log.add(ValidationFinding(.malformedRow, location, "Morse clip has an empty transcript"))
            return
        }
        do {
            _ = try MorseText(row.text)
        } catch {
            log.add(ValidationFinding(.outsideAlphabet, location, "transcript '\(row.text)' has an \(error)"))
        }
    }

    // MARK: Manifests other than metadata.csv

    /// The files that repeat metadata.csv, per split.
    enum ManifestSource: CaseIterable {
        case splitCSV, transcripts, records, nemo

        /// Whether only the folder format writes it (`metadata.csv` and `splits/` every dataset has).
        var isFolderOnly: Bool { self == .records || self == .nemo }

        func path(_ files: DatasetLayout, _ split: DatasetSplit) -> String {
            switch self {
            case .splitCSV: files.splitCSV(split)
            case .transcripts: files.transcripts(split)
            case .records: files.records(split)
            case .nemo: files.nemoManifest(split)
            }
        }
    }

    /// One clip as a manifest states it.
    struct Record {
        var line: Int
        var id: Int?
        var audioFile: String?
        var text: String
        var duration: Double?
        var split: String?
    }

    /// A line of `metadata/{split}.jsonl` (a clip record) or of a NeMo manifest (`audio_filepath`).
    struct JSONRecord: Decodable {
        var id: Int?
        var audioFile: String?
        var text: String
        var duration: Double?
        var split: String?

        init(from decoder: any Decoder) throws {
            let record = try decoder.container(keyedBy: ClipField.self)
            id = try record.decodeIfPresent(Int.self, forKey: .id)
            text = try record.decode(String.self, forKey: .text)
            duration = try record.decodeIfPresent(Double.self, forKey: .duration)
            split = try record.decodeIfPresent(String.self, forKey: .split)
            audioFile =
                try record.decodeIfPresent(String.self, forKey: .audioFile)
                ?? decoder.container(keyedBy: NeMoField.self).decodeIfPresent(String.self, forKey: .audioFilepath)
        }
    }

    /// Calls `body` for each record of one manifest, or with the finding for a line that cannot be
    /// read; returns the finding for a manifest that cannot be read at all.
    func forEachRecord(
        _ source: ManifestSource, path: String, relative: String, _ body: (Result<Record, ValidationFinding>) -> Void
    ) -> ValidationFinding? {
        switch source {
        case .splitCSV:
            let result = forEachMetadataRow(path: path) { line, parsed in
                switch parsed {
                case let .success(row):
                    body(
                        .success(
                            Record(
                                line: line, id: row.id, audioFile: row.audioFile, text: row.text,
                                duration: row.duration, split: row.split)))
                case let .failure(problem):
                    body(.failure(ValidationFinding(.malformedRow, "\(relative):\(line)", "row \(problem)")))
                }
            }
            if case let .failure(problem) = result {
                return ValidationFinding(.missingManifest, relative, "\(problem)")
            }
            return nil
        case .transcripts, .records, .nemo:
            guard let reader = LineReader(path: path) else {
                return ValidationFinding(.missingManifest, relative, "is missing or unreadable")
            }
            let decoder = JSONDecoder()
            while let line = reader.next() {
                guard !line.isEmpty else { continue }
                let location = "\(relative):\(reader.lineNumber)"
                if source == .transcripts {
                    guard let bar = line.firstIndex(of: "|") else {
                        body(
                            .failure(
                                ValidationFinding(
                                    .malformedRow, location, "line has no '|' between audio path and transcript")))
                        continue
                    }
                    body(
                        .success(
                            Record(
                                line: reader.lineNumber, id: nil, audioFile: String(line[..<bar]),
                                text: String(line[line.index(after: bar)...]), duration: nil, split: nil)))
                } else {
                    guard let record = try? decoder.decode(JSONRecord.self, from: Data(line.utf8)),
                        let audioFile = record.audioFile
                    else {
                        body(
                            .failure(
                                ValidationFinding(
                                    .malformedRow, location,
                                    "line is not a JSON object with audio_file (or audio_filepath) and text")))
                        continue
                    }
                    body(
                        .success(
                            Record(
                                line: reader.lineNumber, id: record.id, audioFile: audioFile, text: record.text,
                                duration: record.duration, split: record.split)))
                }
            }
            return nil
        }
    }

    /// Compares one manifest with metadata.csv and the audio.
    func compare(
        _ source: ManifestSource, split: DatasetSplit, entries: [Int: Entry], check: AudioCheck,
        seen: inout [Int: DatasetSplit],
        log: inout FindingLog
    ) {
        let path = source.path(files, split)
        let relative = String(path.dropFirst(files.root.count + 1))
        var here = Set<Int>()
        var elsewhere: (count: Int, example: String?) = (0, nil)
        let unreadable = forEachRecord(source, path: path, relative: relative) { result in
            let record: Record
            switch result {
            case let .success(value): record = value
            case let .failure(finding):
                log.add(finding)
                return
            }
            var audioFile = record.audioFile
            if source == .nemo, let path = audioFile {
                switch nemoAudioFile(path, location: "\(relative):\(record.line)", log: &log) {
                case let .some(file): audioFile = file
                case .none:
                    elsewhere.count += 1
                    if elsewhere.example == nil { elsewhere.example = path }
                    // Still matched by its split and file name, so a moved dataset gives one finding, not many.
                    audioFile = path.split(separator: "/").suffix(2).joined(separator: "/")
                }
            }
            let named = audioFile.flatMap(DatasetLayout.clip(inAudioFile:))
            guard let id = record.id ?? named?.id else {
                log.add(
                    ValidationFinding(
                        .malformedRow, "\(relative):\(record.line)",
                        "audio path '\(record.audioFile ?? "")' does not name a clip (split/morse_NNNNNN.wav)"))
                return
            }
            let location = "\(relative):\(record.line) (id \(id))"
            if let earlier = seen[id] {
                if earlier == split {
                    log.add(
                        ValidationFinding(.duplicateID, location, "id \(id) is listed more than once in \(relative)"))
                } else {
                    log.add(
                        ValidationFinding(
                            .splitOverlap, location,
                            "id \(id) is in \(split) here but also in \(earlier) (\(source.path(files, earlier).dropFirst(files.root.count + 1))); splits must be disjoint"
                        ))
                }
                return
            }
            seen[id] = split
            here.insert(id)
            guard let entry = entries[id] else {
                log.add(
                    ValidationFinding(.manifestDisagreement, location, "lists id \(id), which metadata.csv does not"))
                return
            }
            if entry.split != split {
                log.add(
                    ValidationFinding(
                        .manifestDisagreement, location,
                        "puts id \(id) in \(split) but metadata.csv:\(entry.line) puts it in \(entry.split)"))
            }
            if let named, named.id != id || named.split != split {
                log.add(
                    ValidationFinding(
                        .manifestDisagreement, location,
                        "audio path '\(record.audioFile ?? "")' does not name clip \(id) in \(split)"))
            }
            if let stated = record.split, stated != split.name {
                log.add(
                    ValidationFinding(
                        .manifestDisagreement, location, "says split '\(stated)' inside the \(split) manifest"))
            }
            if record.text.hashValue != entry.textHash {
                log.add(
                    ValidationFinding(
                        .manifestDisagreement, location,
                        "transcript '\(record.text)' differs from metadata.csv:\(entry.line)"))
            }
            if let duration = record.duration {
                let reference = entry.audioDuration ?? entry.statedDuration
                if abs(duration - reference) > check.tolerance {
                    let against = entry.audioDuration == nil ? "metadata.csv:\(entry.line) states" : "the audio holds"
                    log.add(
                        ValidationFinding(
                            .durationMismatch, location,
                            "duration is stated as \(seconds(duration)) but \(against) \(seconds(reference))"))
                }
            }
        }
        if let unreadable {
            log.add(unreadable)
            return
        }
        if let example = elsewhere.example {
            log.add(
                ValidationFinding(
                    .manifestDisagreement, relative,
                    "\(elsewhere.count) audio_filepath\(elsewhere.count == 1 ? "" : "s") lead outside this dataset (\(realRoot)), e.g. '\(example)': NeMo would read those files, not this dataset's. The dataset was moved or copied after it was finalised; run `morse-dataset merge \(files.root)` to write the manifests for this folder again (no audio is made)"
                ))
        }
        let missing = entries.filter { $0.value.split == split && !here.contains($0.key) }.sorted { $0.key < $1.key }
        for (id, entry) in missing where seen[id] == nil {
            log.add(
                ValidationFinding(
                    .manifestDisagreement, relative,
                    "lacks id \(id), which metadata.csv:\(entry.line) lists in \(split)"))
        }
    }

    // MARK: WebDataset shards

    /// Every clip of metadata.csv in exactly one shard of its split, and nothing else in the shards.
    func checkShards(_ shards: ShardIndex, entries: [Int: Entry], log: inout FindingLog) {
        for (location, problem) in shards.problems {
            log.add(ValidationFinding(.unreadableAudio, location, problem))
        }
        for (location, name) in shards.strays {
            log.add(
                ValidationFinding(
                    .orphanAudio, location,
                    "member '\(name)' is not a clip's .wav, .txt or .json; the shard was not written by generate: regenerate it"
                ))
        }
        for (id, found) in shards.clips.sorted(by: { $0.key < $1.key }) {
            let places = found.map { "\($0.shard) (byte \($0.member.headerOffset))" }
            guard let entry = entries[id] else {
                log.add(
                    ValidationFinding(
                        .orphanAudio, places[0],
                        "member \(found[0].member.name) is clip \(id), which metadata.csv does not list; regenerate the dataset"
                    ))
                continue
            }
            if found.count > 1 {
                log.add(
                    ValidationFinding(
                        .duplicateID, places[0],
                        "clip \(id) is in \(found.count) shards: \(places.joined(separator: ", ")); each clip must be in exactly one shard of its split"
                    ))
            }
            for place in found where place.split != entry.split {
                log.add(
                    ValidationFinding(
                        .splitOverlap, "\(place.shard) (byte \(place.member.headerOffset))",
                        "holds clip \(id), which metadata.csv:\(entry.line) puts in \(entry.split); splits must be disjoint"
                    ))
            }
        }
    }

    /// The `audio_file` value (`train/morse_000042.wav`) a NeMo `audio_filepath` names in this
    /// dataset, or nil for an absolute path outside it. A relative path other than `../audio/…`
    /// is reported here (NeMo would look for it in the working directory too) and given back as
    /// it is, so the row's other checks still run.
    func nemoAudioFile(_ path: String, location: String, log: inout FindingLog) -> String? {
        switch DatasetLayout.nemoAudioFile(path, realRoot: realRoot) {
        case let .inDataset(audioFile, _): return audioFile
        case .outside: return nil
        case let .unrecognised(path):
            log.add(
                ValidationFinding(
                    .manifestDisagreement, location,
                    "audio_filepath '\(path)' is neither an absolute path into this dataset nor '../audio/<split>/morse_NNNNNN.wav'; run `morse-dataset merge \(files.root)` to write the manifests again"
                ))
            return path
        }
    }

    // MARK: Orphans and dataset info

    /// Audio files in the split folders that no metadata.csv row lists.
    func findOrphans(entries: [Int: Entry], log: inout FindingLog) {
        for split in DatasetSplit.allCases {
            let folder = files.audioFolder(split)
            guard let directory = opendir(folder) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard name.hasSuffix(".wav"), !name.hasPrefix(".") else { continue }
                let location = "audio/\(split)/\(name)"
                guard let id = DatasetLayout.clipID(fileName: Substring(name)) else {
                    log.add(
                        ValidationFinding(
                            .orphanAudio, location,
                            "is not named morse_NNNNNN.wav and no manifest lists it; move it out of the dataset"))
                    continue
                }
                guard let listed = entries[id] else {
                    log.add(
                        ValidationFinding(
                            .orphanAudio, location,
                            "id \(id) is in no manifest; delete the file or regenerate the dataset"))
                    continue
                }
                if listed.split != split {
                    log.add(
                        ValidationFinding(
                            .orphanAudio, location,
                            "no manifest lists it: metadata.csv:\(listed.line) puts id \(id) in \(listed.split), not \(split)"
                        ))
                }
            }
        }
    }

    /// The fields of dataset_info.json that validation uses.
    struct Info {
        var sampleRate: Int?
        var maxDuration: Double?
        var numSamples: Int?
        var splitCounts: [String: Int] = [:]
        /// `formats`: nil for a dataset from before the key (the folder layout).
        var formats: [String]?
    }

    func readInfo(_ log: inout FindingLog) -> Info {
        // Opened like a clip: a FIFO or device of that name is refused, not read; a few KiB is
        // what we write, so anything over a MiB is not ours.
        let data: Data
        do throws(FileReadError) {
            let file = try ReadableFile(path: files.datasetInfo, followSymlinks: false)
            guard file.size <= 1 << 20 else {
                log.add(
                    ValidationFinding(
                        .malformedRow, "dataset_info.json",
                        "is \(file.size) bytes; the one generate writes is a few KiB, so it is not read"))
                return Info()
            }
            data = Data(try file.read(at: 0, count: file.size))
        } catch .missing {
            log.add(
                ValidationFinding(
                    .missingManifest, "dataset_info.json",
                    "is missing; the maximum duration and sample rate are then not known (give them as validation options)"
                ))
            return Info()
        } catch {
            log.add(
                ValidationFinding(
                    .missingManifest, "dataset_info.json",
                    "cannot be read: \(error); the maximum duration and sample rate are then not known (give them as validation options)"
                ))
            return Info()
        }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            log.add(ValidationFinding(.malformedRow, "dataset_info.json", "is not a JSON object"))
            return Info()
        }
        var info = Info()
        info.sampleRate = (object["sample_rate"] as? NSNumber)?.intValue
        info.maxDuration = (object["max_duration"] as? NSNumber)?.doubleValue
        info.numSamples = (object["num_samples"] as? NSNumber)?.intValue
        info.formats = object["formats"] as? [String]
        if let counts = object["split_counts"] as? [String: Any] {
            for (key, value) in counts {
                if let number = value as? NSNumber { info.splitCounts[key] = number.intValue }
            }
        }
        return info
    }
}

extension Result {
    var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }
}
