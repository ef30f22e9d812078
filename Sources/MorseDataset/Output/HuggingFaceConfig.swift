import MorseContent
import MorseDatasetFormat

/// One entry of the dataset card's Hugging Face `configs` and `dataset_info`: the files of each split
/// and every column's declared type, so `load_dataset(DIR)` needs no builder name and infers nothing.
struct HuggingFaceConfig {
    /// Patterns relative to the dataset root for one split, e.g. `audio/train/*.wav`.
    let dataFiles: (DatasetSplit) -> [String]
    /// The columns `datasets` yields, in order, with their types.
    let features: [(String, ClipFeature)]

    /// Every field of the metadata record with its declared type; `fileName` as `fileNameFeature`
    /// (the audio column for audiofolder, a string inside WebDataset's `json`).
    static func recordFeatures(_ description: DatasetDescription, fileName fileNameFeature: (String, ClipFeature)) -> [(
        String, ClipFeature
    )] {
        ClipField.allCases.map { field in
            if field == .fileName { return fileNameFeature }
            return (
                field.rawValue,
                field.feature(
                    sampleRate: description.descriptor.sampleRate, exchangeKeys: ClipContent.fieldNames,
                    evaluationKeys: description.trackElements)
            )
        }
    }

    /// The same config for a card inside `folder` (paths below it made relative to it).
    func relative(to folder: String) -> HuggingFaceConfig {
        let files = dataFiles
        return HuggingFaceConfig(
            dataFiles: { files($0).map { $0.hasPrefix(folder + "/") ? String($0.dropFirst(folder.count + 1)) : $0 } },
            features: features)
    }

    /// The card's YAML lines for `configs` and `dataset_info`, one entry per named config; a split
    /// with no clips is left out (its empty files would make `datasets` fail on it). `description`
    /// (a ``CacheFingerprint`` line) gives each dataset its own `datasets` cache entry.
    static func yaml(
        _ configs: [(name: String, config: HuggingFaceConfig)], splits: [DatasetSplit], description: String? = nil
    ) -> String {
        guard !configs.isEmpty, !splits.isEmpty else { return "" }
        var out = "configs:\n"
        for (name, config) in configs {
            out += "- config_name: \(name)\n"
            if let description { out += "  description: \(description)\n" }
            out += "  data_files:\n"
            for split in splits {
                out += "  - split: \(split.name)\n    path:\n"
                for pattern in config.dataFiles(split) { out += "    - \(pattern)\n" }
            }
        }
        out += "dataset_info:\n"
        for (name, config) in configs {
            out += "- config_name: \(name)\n  features:\n"
            for (column, feature) in config.features { out += feature.yaml(name: column, indent: 2) }
        }
        return out
    }
}
