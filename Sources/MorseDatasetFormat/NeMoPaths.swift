/// How a NeMo manifest (`manifests/{split}.jsonl`) names each clip's audio: `output.nemo_paths`.
///
/// NeMo resolves `audio_filepath` with `get_full_path`
/// (`nemo/collections/common/parts/preprocessing/manifest.py`). An absolute path is used as it
/// stands. A relative one is tried against the working directory *first* in NeMo up to 2.0
/// (`not os.path.isfile(audio_file)` decides), and against the manifest's folder first from 2.1
/// on, falling back to the working directory when that file is missing. So only an absolute path
/// can never be taken for another dataset's file, whatever folder NeMo runs in.
public enum NeMoPaths: String, CaseIterable, Codable, Sendable {
    /// `/data/cw/audio/train/morse_000042.wav`: the dataset folder's real path, written when the
    /// dataset is finalised. A dataset moved or copied elsewhere points at its old place until it
    /// is finalised again (`morse-dataset merge DIR`, or the same `generate` command at the new place).
    case absolute
    /// `../audio/train/morse_000042.wav`, relative to the manifest's folder: survives moves, and
    /// NeMo 2.1 and later finds it from any working directory; NeMo 2.0 and earlier first try it
    /// against the working directory, where another dataset's file of the same name may stand.
    case relative
}

extension DatasetLayout {
    /// What goes before an `audio_file` value (`train/morse_000042.wav`) in a NeMo manifest.
    /// - Parameter realRoot: the dataset folder's real path (no links, no `..`), for ``NeMoPaths/absolute``.
    public static func nemoAudioPrefix(_ paths: NeMoPaths, realRoot: String) -> String {
        switch paths {
        case .absolute: (realRoot.hasSuffix("/") ? realRoot : realRoot + "/") + "audio/"
        case .relative: "../audio/"
        }
    }

    /// What a NeMo manifest's `audio_filepath` names.
    public enum NeMoAudioPath: Equatable, Sendable {
        /// A clip of this dataset: its `audio_file` value (`train/morse_000042.wav`), and how it was written.
        case inDataset(audioFile: String, paths: NeMoPaths)
        /// An absolute path outside this dataset's real folder (a dataset moved or copied since it
        /// was finalised, or a manifest from elsewhere).
        case outside(String)
        /// A relative path not of the form `../audio/…`.
        case unrecognised(String)
    }

    /// Classifies `path` (an `audio_filepath` value) against the dataset whose real folder is `realRoot`.
    public static func nemoAudioFile(_ path: String, realRoot: String) -> NeMoAudioPath {
        if path.hasPrefix("/") {
            let prefix = nemoAudioPrefix(.absolute, realRoot: realRoot)
            guard path.hasPrefix(prefix) else { return .outside(path) }
            return .inDataset(audioFile: String(path.dropFirst(prefix.count)), paths: .absolute)
        }
        let prefix = nemoAudioPrefix(.relative, realRoot: realRoot)
        guard path.hasPrefix(prefix) else { return .unrecognised(path) }
        return .inDataset(audioFile: String(path.dropFirst(prefix.count)), paths: .relative)
    }
}
