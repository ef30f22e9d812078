import Foundation
import MorseDatasetFormat

/// The reference layout's manifests beside the WAVs, written row by row: `audio/{split}/metadata.jsonl`
/// (Hugging Face audiofolder) and `manifests/{split}.jsonl` (NeMo). `metadata.csv` and `splits/`
/// are written for every dataset by ``IndexSink``.
final class FolderSink: DatasetSink {
    private var audioJSONL: [BufferedFileWriter] = [], nemo: [BufferedFileWriter] = []
    /// Every file still open, to finish or abandon.
    private var open: [BufferedFileWriter] = []

    init(files: DatasetFiles, description: DatasetDescription) throws(DatasetError) {
        let layout = files.layout
        for path in [layout.manifestsFolder] + DatasetSplit.allCases.map(layout.audioFolder) {
            try files.makeDirectory(path)
        }
        var open: [BufferedFileWriter] = []
        func writer(_ path: String) throws(DatasetError) -> BufferedFileWriter {
            let created = try files.writer(path)
            open.append(created)
            return created
        }
        do throws(DatasetError) {
            for split in DatasetSplit.allCases {
                audioJSONL.append(try writer(layout.audioMetadata(split)))
                nemo.append(try writer(layout.nemoManifest(split)))
            }
        } catch {
            for created in open { created.abandon() }
            throw error
        }
        self.open = open
    }

    func add(_ clip: FinishedClip) throws(DatasetError) {
        let summary = clip.summary
        let split = clip.split.rawValue
        try audioJSONL[split].write(bytes: clip.record)
        try audioJSONL[split].write(bytes: CollectionOfOne(0x0A))
        var manifest = JSONObject()
        manifest.add(NeMoField.audioFilepath.rawValue, "../audio/" + summary.audioFile)
        manifest.add(NeMoField.duration.rawValue, summary.duration)
        manifest.add(NeMoField.text.rawValue, summary.text)
        if let checksum = summary.checksum { manifest.add(NeMoField.checksum.rawValue, checksum) }
        try nemo[split].write(manifest.encoded + "\n")
    }

    func finish() throws(DatasetError) {
        try open.finishAll()
    }

    func abandon() {
        open.abandonAll()
    }

    static let rootEntries = ["splits", "manifests", "metadata.csv"]

    static func temporaryFolders(_ layout: DatasetLayout) -> [String] {
        [layout.root, layout.splitsFolder, layout.manifestsFolder] + DatasetSplit.allCases.map(layout.audioFolder)
    }

    /// audiofolder: each split's WAVs and its `metadata.jsonl`, whose `file_name` becomes `audio`.
    static func huggingFace(_ description: DatasetDescription) -> HuggingFaceConfig? {
        HuggingFaceConfig(
            dataFiles: { ["audio/\($0.name)/*.wav", "audio/\($0.name)/metadata.jsonl"] },
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
        `audio/{split}/metadata.jsonl` holds every clip's full metadata, including per-character
        start and end times in seconds (`characters`) and the drawn channel parameters (`channel`).
        """
    }

    static func describe(_ description: DatasetDescription, into info: inout JSONObject) {}
}
