import Foundation
import MorseDatasetFormat

/// Writes Lhotse manifests per split under `lhotse/`: `recordings_{split}.jsonl` (one `Recording`
/// per clip), `supervisions_{split}.jsonl` (one `SupervisionSegment` per clip, the whole clip, with
/// the `char` and `word` alignments: lists of `[symbol, start, duration]`, Lhotse's serialised
/// `AlignmentItem`) and `cuts_{split}.jsonl` (a `MonoCut` per clip holding both), following the
/// dictionaries of lhotse's `Recording.to_dict`, `SupervisionSegment.to_dict` and `MonoCut.to_dict`.
///
/// Audio paths are relative to the dataset root (`audio/train/morse_000042.wav`); Lhotse reads a
/// relative path from the working directory, so loaders add the root with
/// `with_recording_path_prefix` (see ``loading(_:)``), and a moved dataset keeps working.
final class LhotseSink: DatasetSink {
    static let folderName = "lhotse"
    /// The manifests of one split, in the order they are listed.
    static let kinds = ["recordings", "supervisions", "cuts"]

    let layout: DatasetLayout
    let files: DatasetFiles
    let sampleRate: Int
    private var writers: [[BufferedFileWriter]] = []
    private var open: [BufferedFileWriter] = []

    static func folder(_ layout: DatasetLayout) -> String { layout.root + "/" + folderName }
    static func manifest(_ layout: DatasetLayout, _ kind: String, _ split: DatasetSplit) -> String {
        folder(layout) + "/\(kind)_\(split.name).jsonl"
    }

    init(files: DatasetFiles, description: DatasetDescription) throws(DatasetError) {
        self.files = files
        layout = files.layout
        sampleRate = description.descriptor.sampleRate
        try files.makeDirectory(Self.folder(layout))
        do throws(DatasetError) {
            for split in DatasetSplit.allCases {
                var perSplit: [BufferedFileWriter] = []
                for kind in Self.kinds {
                    perSplit.append(try open.open(Self.manifest(layout, kind, split), in: files))
                }
                writers.append(perSplit)
            }
        } catch {
            abandon()
            throw error
        }
    }

    func add(_ clip: FinishedClip) throws(DatasetError) {
        let summary = clip.summary
        let id = layout.key(id: clip.id)
        let alignment = try Self.alignment(clip)

        var source = JSONObject()
        source.add("type", "file")
        source.add("channels", raw: "[0]")
        source.add("source", "audio/" + summary.audioFile)
        var recording = JSONObject()
        recording.add("id", id)
        recording.add("sources", raw: "[" + source.encoded + "]")
        recording.add("sampling_rate", sampleRate)
        recording.add("num_samples", summary.numSamples)
        recording.add("duration", summary.duration, decimals: 7)
        recording.add("channel_ids", raw: "[0]")

        var supervision = JSONObject()
        supervision.add("id", id)
        supervision.add("recording_id", id)
        supervision.add("start", 0.0)
        supervision.add("duration", summary.duration, decimals: 7)
        supervision.add("channel", 0)
        supervision.add("text", summary.text)
        supervision.add("language", "Morse")
        supervision.add("alignment", raw: "{\"char\": \(alignment.characters), \"word\": \(alignment.words)}")
        var custom = JSONObject()
        custom.add("condition", summary.condition)
        custom.add("wpm", summary.wpm, decimals: 1)
        custom.add("is_noise_only", summary.isNoiseOnly)
        supervision.add("custom", object: custom)

        var cut = JSONObject()
        cut.add("id", id)
        cut.add("start", 0.0)
        cut.add("duration", summary.duration, decimals: 7)
        cut.add("channel", 0)
        cut.add("supervisions", raw: "[" + supervision.encoded + "]")
        cut.add("recording", object: recording)
        cut.add("type", "MonoCut")

        let split = writers[clip.split.rawValue]
        try split[0].write(recording.encoded + "\n")
        try split[1].write(supervision.encoded + "\n")
        try split[2].write(cut.encoded + "\n")
    }

    /// The record's `characters` and `words` as Lhotse alignment lists `[[symbol, start, duration], …]`.
    static func alignment(_ clip: FinishedClip) throws(DatasetError) -> (characters: String, words: String) {
        let object = try? JSONSerialization.jsonObject(with: clip.record) as? [String: Any]
        guard let object else {
            throw .clipFailed(
                id: clip.id,
                reason: "its metadata record is not a JSON object; remove the output folder and generate again")
        }
        func items(_ field: ClipField) -> String {
            let spans = object[field.rawValue] as? [[String: Any]] ?? []
            return "["
                + spans.map { span -> String in
                    let start = (span["start"] as? Double) ?? 0, end = (span["end"] as? Double) ?? 0
                    return "[" + JSONObject.quoted(span["text"] as? String ?? "") + ", "
                        + NumberFormat.float(start, places: 5) + ", "
                        + NumberFormat.float(max(0, end - start), places: 5) + "]"
                }.joined(separator: ", ") + "]"
        }
        return (items(.characters), items(.words))
    }

    func finish() throws(DatasetError) {
        try open.finishAll()
    }

    func abandon() {
        open.abandonAll()
    }

    static let rootEntries = [folderName]

    static func temporaryFolders(_ layout: DatasetLayout) -> [String] { [folder(layout)] }

    /// `datasets` has no Lhotse loader: the card's header comes from another format, if any.
    static func huggingFace(_ description: DatasetDescription) -> HuggingFaceConfig? { nil }

    static func loading(_ description: DatasetDescription) -> String {
        """
        Lhotse manifests are in `lhotse/{recordings,supervisions,cuts}_{split}.jsonl`; each supervision
        carries `char` and `word` alignments. Audio paths are relative to this folder:

        ```python
        from lhotse import CutSet
        cuts = CutSet.from_jsonl("path/to/this/folder/lhotse/cuts_train.jsonl").with_recording_path_prefix("path/to/this/folder")
        ```
        """
    }

    static func describe(_ description: DatasetDescription, into info: inout JSONObject) {}
}
