import MorseDatasetFormat

/// The dataset's README.md: how it was made and how to load it.
struct DatasetCard {
    let description: DatasetDescription
    let statistics: DatasetStatistics

    var markdown: String {
        let run = description.descriptor
        let splits = DatasetSplit.allCases.map { "| \($0.name) | \(statistics.splits[$0.name] ?? 0) |" }.joined(separator: "\n")
        let loading = description.sinks.map { $0.loading(description) }
        let dataDirectory = description.sinks.lazy.compactMap { $0.huggingFaceDataDirectory }.first ?? "audio"
        return """
            ---
            task_categories:
            - automatic-speech-recognition
            tags:
            - morse-code
            - cw
            - amateur-radio
            - synthetic
            configs:
            - config_name: default
              data_dir: \(dataDirectory)
            ---

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
