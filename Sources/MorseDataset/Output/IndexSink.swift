import Foundation
import MorseDatasetFormat

/// The index files every dataset gets, whatever its formats: `metadata.csv` (every clip) and
/// `splits/{split}.csv` with `{split}_transcripts.txt`, so `validate`, `stats` and `preview` (and
/// MorseWhisper's trainer) work on a WebDataset-only or Lhotse-only dataset as on the folder layout.
///
/// `audio_file` always names the clip as `train/morse_000042.wav`: the WAV under `audio/` when the
/// dataset keeps loose WAVs, else member `morse_000042.wav` of a shard in `webdataset/train/`
/// (``DatasetLayout/webDatasetMember(_:)``).
final class IndexSink: DatasetSink {
    private let metadata: BufferedFileWriter
    private var splitCSV: [BufferedFileWriter] = [], transcripts: [BufferedFileWriter] = []
    /// Every file still open, to finish or abandon.
    private var open: [BufferedFileWriter] = []

    init(files: DatasetFiles, description: DatasetDescription) throws(DatasetError) {
        let layout = files.layout
        try files.makeDirectory(layout.splitsFolder)
        var open: [BufferedFileWriter] = []
        do throws(DatasetError) {
            metadata = try open.open(layout.metadataCSV, in: files)
            try metadata.write(ClipField.csvHeader + "\n")
            for split in DatasetSplit.allCases {
                let csv = try open.open(layout.splitCSV(split), in: files)
                try csv.write(ClipField.csvHeader + "\n")
                splitCSV.append(csv)
                transcripts.append(try open.open(layout.transcripts(split), in: files))
            }
        } catch {
            open.abandonAll()
            throw error
        }
        self.open = open
    }

    func add(_ clip: FinishedClip) throws(DatasetError) {
        let summary = clip.summary
        let split = clip.split.rawValue
        let row = summary.csvRow + "\n"
        try metadata.write(row)
        try splitCSV[split].write(row)
        try transcripts[split].write(summary.audioFile + "|" + summary.text + "\n")
    }

    func finish() throws(DatasetError) {
        try open.finishAll()
    }

    func abandon() {
        open.abandonAll()
    }

    static let rootEntries = ["splits", "metadata.csv"]

    static func temporaryFolders(_ layout: DatasetLayout) -> [String] {
        [layout.root, layout.splitsFolder]
    }

    static func huggingFace(_ description: DatasetDescription) -> HuggingFaceConfig? { nil }

    static func loading(_ description: DatasetDescription) -> String {
        let where_ =
            description.keepsLooseAudio
            ? "the WAV file `audio/<audio_file>`"
            : "member `morse_000042.wav` of one shard in `webdataset/train/` (there are no loose WAVs; `dataset_info.json`'s `webdataset_shards` lists each shard's first and last id)"
        return """
            `metadata.csv` lists every clip (one row each, the reference's columns); `splits/{split}.csv` and
            `splits/{split}_transcripts.txt` list each split's. A row's `audio_file` (`train/morse_000042.wav`) names
            \(where_).
            """
    }

    static func describe(_ description: DatasetDescription, into info: inout JSONObject) {}
}
