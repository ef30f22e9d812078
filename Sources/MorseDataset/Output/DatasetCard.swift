import MorseDatasetFormat

/// The dataset's README.md: how it was made and how to load it.
struct DatasetCard {
    let description: DatasetDescription
    let statistics: DatasetStatistics
    /// The config's `description` (see ``CacheFingerprint``).
    var fingerprint: String? = nil

    var markdown: String {
        let run = description.descriptor
        let splits = DatasetSplit.allCases.map { "| \($0.name) | \(statistics.splits[$0.name] ?? 0) |" }.joined(
            separator: "\n")
        let loading = description.sinks.map { $0.loading(description) }
        // The first format `datasets` loads is the only config: `datasets` picks one builder for all
        // of a card's configs (from the default one), so a second format gets its own card in its folder.
        let config = description.sinks.lazy.compactMap { $0.huggingFace(description) }.first
        let filled = DatasetSplit.allCases.filter { (statistics.splits[$0.name] ?? 0) > 0 }
        let huggingFace =
            config.map { HuggingFaceConfig.yaml([("default", $0)], splits: filled, description: fingerprint) } ?? ""
        return """
            ---
            task_categories:
            - automatic-speech-recognition
            tags:
            - morse-code
            - cw
            - amateur-radio
            - synthetic
            \(huggingFace)---

            # Synthetic Morse code (CW) dataset

            \(statistics.count) clips (\(statistics.morse) Morse, \(statistics.noiseOnly) noise-only), \
            \(NumberFormat.fixed(statistics.totalDuration / 3600, places: 2)) hours of \(run.sampleRate) Hz mono audio, made by \
            morse-dataset \(description.version) with seed \(run.seed). Every transcript names exactly the \
            characters keyed in its clip; prosigns are written in angle brackets (`<AR>`, `<SK>`, `<BT>`, `<KN>`…); \
            noise-only clips have an empty transcript. No clip is longer than \(NumberFormat.fixed(run.maxDuration, places: 2)) s.

            | split | clips |
            |---|---|
            \(splits)

            ## Loading

            \(loading.joined(separator: "\n\n"))

            ## How it was made

            Each clip is a pure function of (config, seed, clip id): the same command makes the same bytes on
            any number of workers or machines. Regenerate it with

            ```bash
            morse-dataset generate --num-samples \(run.numSamples) --output-dir DIR --seed \(run.seed) \
            --sample-rate \(run.sampleRate) --max-duration \(NumberFormat.fixed(run.maxDuration, places: 2)) --noise-ratio \(run.noiseRatio) --config config.yaml
            ```

            where `config.yaml` is the effective configuration below (fingerprint `\(run.configFingerprint)`).

            ```yaml
            \(description.configYAML.trimmingCharacters(in: .newlines))
            ```

            """
    }
}
