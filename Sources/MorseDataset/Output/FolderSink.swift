import Foundation
import MorseDatasetFormat

/// The reference layout's manifests beside the WAVs, written row by row: `metadata.csv` and
/// `splits/{split}.csv` with `{split}_transcripts.txt` (MorseWhisper), `audio/{split}/metadata.parquet`
/// (Hugging Face audiofolder, typed as the card declares), `metadata/{split}.jsonl` (every clip's
/// full record) and `manifests/{split}.jsonl` (NeMo).
final class FolderSink: DatasetSink {
    private let metadata: BufferedFileWriter
    private var splitCSV: [BufferedFileWriter] = [], transcripts: [BufferedFileWriter] = []
    private var records: [BufferedFileWriter] = [], nemo: [BufferedFileWriter] = []
    private var parquetFiles: [BufferedFileWriter] = [], parquet: [ParquetWriter] = []
    private let features: [(String, ClipFeature)]
    private let decoder = JSONDecoder()
    private let files: DatasetFiles
    /// Every file still open, to finish or abandon.
    private var open: [BufferedFileWriter] = []

    init(files: DatasetFiles, description: DatasetDescription) throws(DatasetError) {
        self.files = files
        let layout = files.layout
        let folders = [layout.splitsFolder, layout.manifestsFolder, layout.recordsFolder]
        for path in folders + DatasetSplit.allCases.map(layout.audioFolder) { try files.makeDirectory(path) }
        features = Self.parquetFeatures(description)
        let schema: ParquetSchema
        do throws(ParquetError) { schema = try ParquetSchema(features) } catch {
            throw .invalidOption("cannot declare \(layout.audioMetadata(.train)): \(error)")
        }
        let schemaMetadata = [(key: "huggingface", value: ClipFeature.datasetsSchemaMetadata(features))]
        var open: [BufferedFileWriter] = []
        func writer(_ path: String) throws(DatasetError) -> BufferedFileWriter {
            let created = try files.writer(path)
            open.append(created)
            return created
        }
        do throws(DatasetError) {
            metadata = try writer(layout.metadataCSV)
            try metadata.write(ClipField.csvHeader + "\n")
            for split in DatasetSplit.allCases {
                let csv = try writer(layout.splitCSV(split))
                try csv.write(ClipField.csvHeader + "\n")
                splitCSV.append(csv)
                transcripts.append(try writer(layout.transcripts(split)))
                records.append(try writer(layout.records(split)))
                nemo.append(try writer(layout.nemoManifest(split)))
                let file = try writer(layout.audioMetadata(split))
                try file.write(bytes: ParquetWriter.magic)
                parquetFiles.append(file)
                parquet.append(
                    ParquetWriter(
                        schema: schema, metadata: schemaMetadata, rowGroupRows: Self.rowGroupRows,
                        rowGroupBytes: Self.rowGroupBytes))
            }
        } catch {
            for created in open { created.abandon() }
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
        let row = summary.csvRow + "\n"
        try metadata.write(row)
        try splitCSV[split].write(row)
        try transcripts[split].write(summary.audioFile + "|" + summary.text + "\n")
        try records[split].write(bytes: clip.record)
        try records[split].write(bytes: CollectionOfOne(0x0A))
        try addParquetRow(clip)
        var manifest = JSONObject()
        manifest.add(NeMoField.audioFilepath.rawValue, "../audio/" + summary.audioFile)
        manifest.add(NeMoField.duration.rawValue, summary.duration)
        manifest.add(NeMoField.text.rawValue, summary.text)
        if let checksum = summary.checksum { manifest.add(NeMoField.checksum.rawValue, checksum) }
        try nemo[split].write(manifest.encoded + "\n")
    }

    /// The clip's record as a row of its split's `metadata.parquet`.
    private func addParquetRow(_ clip: FinishedClip) throws(DatasetError) {
        let split = clip.split.rawValue
        let bytes: [UInt8]
        do {
            bytes = try parquet[split].append(ParquetRecord.row(clip.record, features: features, decoder: decoder))
        } catch let error as ParquetError {
            throw .clipFailed(id: clip.id, reason: "its record does not fit metadata.parquet: \(error)")
        } catch {
            throw .clipFailed(
                id: clip.id, reason: "its record does not have the declared types of metadata.parquet: \(error)")
        }
        if !bytes.isEmpty { try parquetFiles[split].write(bytes: bytes) }
    }

    /// A split without clips gets no `metadata.parquet`: audiofolder would make it a split with
    /// no data, which `load_dataset("audiofolder", data_dir=…)` refuses ("corresponds to no data").
    func finish() throws(DatasetError) {
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

    static let rootEntries = ["splits", "manifests", "metadata", "metadata.csv"]

    static func temporaryFolders(_ layout: DatasetLayout) -> [String] {
        [layout.root, layout.splitsFolder, layout.manifestsFolder, layout.recordsFolder]
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
        NeMo reads `manifests/{split}.jsonl` (`audio_filepath` is relative to the manifest's folder; NeMo
        tries such a path against the working directory first, so run it from outside any other
        generated dataset). Clips last up to \(NumberFormat.fixed(description.descriptor.maxDuration, places: 2)) s: set NeMo's
        `max_duration` to at least that (its usual 16.7 drops the longer clips).
        `audio/{split}/metadata.parquet` is what `datasets` reads: every column typed as declared above.
        `metadata/{split}.jsonl` holds the same full records as JSON lines, including per-character
        start and end times in seconds (`characters`) and the drawn channel parameters (`channel`).
        """
    }

    static func describe(_ description: DatasetDescription, into info: inout JSONObject) {}
}
