import Foundation
import MorseDatasetFormat
import MorseFileSystem

/// The reference layout's manifests beside the WAVs, written row by row: `audio/{split}/metadata.parquet`
/// (Hugging Face audiofolder, typed as the card declares), `metadata/{split}.jsonl` (every clip's
/// full record) and `manifests/{split}.jsonl` (NeMo). `metadata.csv` and `splits/` are written for
/// every dataset by ``IndexSink``.
final class FolderSink: DatasetSink {
    private var records: [BufferedFileWriter] = [], nemo: [BufferedFileWriter] = []
    private var parquetFiles: [BufferedFileWriter] = [], parquet: [ParquetWriter] = []
    private let features: [(String, ClipFeature)]
    private let files: DatasetFiles
    /// Records waiting to be decoded into Parquet rows, per split (see ``ParquetRowBatch``).
    private var pendingRows: [[(id: Int, record: Data)]] = DatasetSplit.allCases.map { _ in [] }
    /// Threads that decode a batch of rows: the run's workers, idle while the dataset is finalised.
    private let rowWorkers: Int
    /// Every file still open, to finish or abandon.
    private var open: [BufferedFileWriter] = []
    /// What the NeMo manifests put before `train/morse_000042.wav` (see ``NeMoPaths``).
    private let nemoPrefix: String

    init(files: DatasetFiles, description: DatasetDescription) throws(DatasetError) {
        self.files = files
        rowWorkers = max(1, description.numWorkers)
        let layout = files.layout
        nemoPrefix = try Self.nemoPrefix(files, description.nemoPaths)
        let folders = [layout.manifestsFolder, layout.recordsFolder]
        for path in folders + DatasetSplit.allCases.map(layout.audioFolder) { try files.makeDirectory(path) }
        features = Self.parquetFeatures(description)
        let schema: ParquetSchema
        do throws(ParquetError) { schema = try ParquetSchema(features) } catch {
            throw .invalidOption("cannot declare \(layout.audioMetadata(.train)): \(error)")
        }
        let schemaMetadata = [(key: "huggingface", value: ClipFeature.datasetsSchemaMetadata(features))]
        var open: [BufferedFileWriter] = []
        do throws(DatasetError) {
            for split in DatasetSplit.allCases {
                records.append(try open.open(layout.records(split), in: files))
                nemo.append(try open.open(layout.nemoManifest(split), in: files))
                let file = try open.open(layout.audioMetadata(split), in: files)
                try file.write(bytes: ParquetWriter.magic)
                parquetFiles.append(file)
                parquet.append(
                    ParquetWriter(
                        schema: schema, metadata: schemaMetadata, rowGroupRows: Self.rowGroupRows,
                        rowGroupBytes: Self.rowGroupBytes))
            }
        } catch {
            open.abandonAll()
            throw error
        }
        self.open = open
    }

    /// Rows per Parquet row group: a few thousand keeps memory flat for a million clips (each
    /// split buffers one group) while `datasets` reads a group a batch.
    static let rowGroupRows = 2048
    /// A row group is also closed once its values reach this many bytes (long clips, many stations).
    static let rowGroupBytes = 16 << 20

    func add(_ clip: FinishedClip) throws(DatasetError) {
        let summary = clip.summary
        let split = clip.split.rawValue
        try records[split].write(bytes: clip.record)
        try records[split].write(bytes: CollectionOfOne(0x0A))
        try addParquetRow(clip)
        var manifest = JSONObject()
        manifest.add(NeMoField.audioFilepath.rawValue, nemoPrefix + summary.audioFile)
        manifest.add(NeMoField.duration.rawValue, summary.duration)
        manifest.add(NeMoField.text.rawValue, summary.text)
        if let checksum = summary.checksum { manifest.add(NeMoField.checksum.rawValue, checksum) }
        try nemo[split].write(manifest.encoded + "\n")
    }

    /// The NeMo path prefix: `../audio/`, or the real path of the folder this run holds open plus
    /// `/audio/` (resolved now, at finalisation, so a moved dataset finalised again points at its
    /// new place).
    static func nemoPrefix(_ files: DatasetFiles, _ paths: NeMoPaths) throws(DatasetError) -> String {
        guard paths == .absolute else { return DatasetLayout.nemoAudioPrefix(paths, realRoot: "") }
        let root = files.layout.root
        let real: String
        switch RealPath.of(root) {
        case let .success(path): real = path
        case let .failure(.system(code)):
            throw .io(path: root, errno: code, action: "find the real path (for the NeMo manifests) of")
        case .failure(.notUTF8):
            throw .invalidOption(
                "the real path of \(root) is not valid UTF-8, so NeMo manifests cannot name it exactly; rename the folder in UTF-8, or set output.nemo_paths: relative"
            )
        }
        // The path must still lead to the folder this run holds open, not to one renamed into its place.
        guard let held = try? files.root.status(""), RealPath.leads(real, to: held) else {
            throw .invalidOption(
                "\(root) was moved or replaced while the dataset was being finalised; run the same command again")
        }
        return DatasetLayout.nemoAudioPrefix(.absolute, realRoot: real)
    }

    /// Records decoded together: large enough to keep every worker busy, small enough to keep
    /// memory flat (a few MB of records per split).
    static let rowBatch = 512

    /// The clip's record as a row of its split's `metadata.parquet`, decoded with others of its split.
    private func addParquetRow(_ clip: FinishedClip) throws(DatasetError) {
        let split = clip.split.rawValue
        pendingRows[split].append((clip.id, clip.record))
        if pendingRows[split].count >= Self.rowBatch { try flushRows(split) }
    }

    /// Decodes the split's waiting records and appends their rows in id order.
    private func flushRows(_ split: Int) throws(DatasetError) {
        let batch = pendingRows[split]
        pendingRows[split].removeAll(keepingCapacity: true)
        let rows = ParquetRowBatch.decode(batch.map(\.record), features: features, workers: rowWorkers)
        for (clip, row) in zip(batch, rows) {
            let bytes: [UInt8]
            do {
                bytes = try parquet[split].append(row.get())
            } catch let error as ParquetError {
                throw .clipFailed(id: clip.id, reason: "its record does not fit metadata.parquet: \(error)")
            } catch {
                throw .clipFailed(
                    id: clip.id, reason: "its record does not have the declared types of metadata.parquet: \(error)")
            }
            if !bytes.isEmpty { try parquetFiles[split].write(bytes: bytes) }
        }
    }

    /// A split without clips gets no `metadata.parquet`: audiofolder would make it a split with
    /// no data, which `load_dataset("audiofolder", data_dir=…)` refuses ("corresponds to no data").
    func finish() throws(DatasetError) {
        for split in DatasetSplit.allCases { try flushRows(split.rawValue) }
        for split in DatasetSplit.allCases {
            let file = parquetFiles[split.rawValue]
            if parquet[split.rawValue].rowCount > 0 {
                try file.write(bytes: parquet[split.rawValue].finish())
            } else {
                file.abandon()
                open.removeAll { $0 === file }
                try files.remove(files.layout.audioMetadata(split))
            }
        }
        try open.finishAll()
    }

    func abandon() {
        open.abandonAll()
    }

    static let rootEntries = ["manifests", "metadata"]

    static func temporaryFolders(_ layout: DatasetLayout) -> [String] {
        [layout.root, layout.manifestsFolder, layout.recordsFolder]
            + DatasetSplit.allCases.map(layout.audioFolder)
    }

    /// The columns of `metadata.parquet`: every record field as the card declares it, with
    /// `file_name` a plain string, which audiofolder turns into the `audio` column.
    static func parquetFeatures(_ description: DatasetDescription) -> [(String, ClipFeature)] {
        HuggingFaceConfig.recordFeatures(description, fileName: (ClipField.fileName.rawValue, .string))
    }

    /// audiofolder: each split's WAVs and its `metadata.parquet`, whose `file_name` becomes `audio`.
    static func huggingFace(_ description: DatasetDescription) -> HuggingFaceConfig? {
        HuggingFaceConfig(
            dataFiles: { ["audio/\($0.name)/*.wav", "audio/\($0.name)/metadata.parquet"] },
            features: HuggingFaceConfig.recordFeatures(
                description, fileName: ("audio", .audio(sampleRate: description.descriptor.sampleRate))))
    }

    static func loading(_ description: DatasetDescription) -> String {
        """
        Hugging Face `datasets` (three splits, audio and text in one call):

        ```python
        from datasets import load_dataset
        ds = load_dataset("path/to/this/folder")  # every column typed by this card's header
        ```

        MorseWhisper's trainer reads `splits/{split}.csv` and loads `audio/<audio_file>` at \(description.descriptor.sampleRate) Hz.
        NeMo: pass `manifests/train.jsonl`, `manifests/validation.jsonl` and `manifests/test.jsonl` as the
        `manifest_filepath` of `train_ds`, `validation_ds` and `test_ds`. \(nemoPaths(description.nemoPaths))
        Clips last up to \(NumberFormat.fixed(description.descriptor.maxDuration, places: 2)) s: set `train_ds.max_duration: \(NumberFormat.fixed(description.descriptor.maxDuration, places: 2))` (NeMo's example
        configs have 16.7, which drops every longer clip; `validation_ds` and `test_ds` keep every clip unless given one).
        `audio/{split}/metadata.parquet` is what `datasets` reads: every column typed as declared above.
        `metadata/{split}.jsonl` holds the same full records as JSON lines, including per-character
        start and end times in seconds (`characters`) and the drawn channel parameters (`channel`).
        """
    }

    /// The card's sentence on what the NeMo manifests' paths are and when they need rewriting.
    static func nemoPaths(_ paths: NeMoPaths) -> String {
        switch paths {
        case .absolute:
            "Their `audio_filepath`s are absolute paths into this folder, so NeMo reads this dataset's audio whatever its working directory; after moving or copying the folder, run `morse-dataset merge <new folder>` to write them again (no audio is made)."
        case .relative:
            "Their `audio_filepath`s are relative to the manifest's folder (`../audio/…`): NeMo 2.1 and later look there first, but NeMo 2.0 and earlier try the working directory first, so run those from outside any other generated dataset."
        }
    }

    static func describe(_ description: DatasetDescription, into info: inout JSONObject) {}
}
