/// The layouts a dataset can be written in. The CLI's `--format` and the config's `output.formats`
/// both take these names; adding a format is one case here plus one sink file.
public enum OutputFormat: String, CaseIterable, Codable, Sendable {
    /// The reference layout: WAVs under `audio/{split}/` with the Hugging Face, MorseWhisper and
    /// NeMo manifests.
    case folder
    /// WebDataset tar shards under `webdataset/{split}/`.
    case webdataset
}
