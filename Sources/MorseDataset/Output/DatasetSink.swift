import Foundation
import MorseDatasetFormat

/// One output format: the files it writes from the finished clips.
///
/// The finaliser opens one sink per format in ``DatasetDescription/formats``, hands each every
/// clip whose audio is in place, in id order (so the files are the same bytes however many
/// workers or machines made the clips), then finishes them; on any failure it abandons them all.
/// The WAVs under `audio/` are written by the run itself, whatever the formats.
///
/// A new format is a new conforming type in its own file plus a case of ``OutputFormat``; the
/// compiler then points at ``OutputFormat/sink``, the one switch that maps cases to sinks.
protocol DatasetSink: AnyObject {
    /// Opens the format's files (under temporary names until ``finish()``).
    init(files: DatasetFiles, description: DatasetDescription) throws(DatasetError)
    /// Adds the next clip.
    func add(_ clip: FinishedClip) throws(DatasetError)
    /// Completes every file and renames it into place.
    func finish() throws(DatasetError)
    /// Removes the temporary files after a failure.
    func abandon()

    /// Names directly under the dataset root that this format writes (`--overwrite` removes them).
    static var rootEntries: [String] { get }
    /// Folders where a finalisation that was killed may have left this format's temporary files.
    static func temporaryFolders(_ layout: DatasetLayout) -> [String]
    /// The dataset card's paragraph on loading this format.
    static func loading(_ description: DatasetDescription) -> String
    /// The card's Hugging Face config for this format (its files per split and declared columns),
    /// or nil for a format `datasets` does not load.
    static func huggingFace(_ description: DatasetDescription) -> HuggingFaceConfig?
    /// Adds this format's keys to `dataset_info.json` (after `formats`).
    static func describe(_ description: DatasetDescription, into info: inout JSONObject)
    /// Adds what this sink wrote (e.g. its shard files) to `dataset_info.json`, once it finished.
    func describeWritten(into info: inout JSONObject)
}

extension DatasetSink {
    func describeWritten(into info: inout JSONObject) {}
}

extension OutputFormat {
    /// Every sink a dataset can have: ``IndexSink`` (every dataset) and each format's. What an
    /// overwrite or a clean-up must know about every file the tool may have made starts here.
    static var everySink: [any DatasetSink.Type] { [IndexSink.self] + allCases.map(\.sink) }

    /// The sink that writes this format.
    var sink: any DatasetSink.Type {
        switch self {
        case .folder: FolderSink.self
        case .webdataset: WebDatasetSink.self
        case .lhotse: LhotseSink.self
        }
    }
}

/// A clip ready for the manifests: its journal line and the fields decoded from it.
struct FinishedClip {
    let id: Int
    let split: DatasetSplit
    let summary: ClipSummary
    /// The clip's full metadata record: one JSON line, without its newline.
    let record: Data
    /// Reads the clip's WAV bytes: the loose file under `audio/`, or its member of a shard from an
    /// earlier finalisation when the loose file was removed.
    let wav: () throws(DatasetError) -> [UInt8]
}
