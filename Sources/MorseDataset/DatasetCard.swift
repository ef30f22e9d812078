/// The dataset's README.md: how it was made and how to load it.
struct DatasetCard {
    let description: DatasetDescription
    let statistics: DatasetStatistics

    var markdown: String {
        let run = description.descriptor
        let splits = DatasetSplit.allCases.map { "| \($0.name) | \(statistics.splits[$0.name] ?? 0) |" }.joined(separator: "\n")
        var loading: [String] = []
        if description.writesFolder {
            loading.append("""
                Hugging Face `datasets` (three splits, audio and text in one call):

                ```python
                from datasets import load_dataset
                ds = load_dataset("audiofolder", data_dir="path/to/this/folder")
                ```

                MorseWhisper's trainer reads `splits/{split}.csv` and loads `audio/<audio_file>` at \(run.sampleRate) Hz.
                NeMo reads `manifests/{split}.jsonl` (`audio_filepath` is relative to the manifest's folder).
                `audio/{split}/metadata.jsonl` holds every clip's full metadata, including per-character
                start and end times in seconds (`characters`) and the drawn channel parameters (`channel`).
                """)
        }
        if description.writesWebDataset {
            loading.append("""
                WebDataset shards of \(description.shardSize) clips are in `webdataset/{split}/shard-NNNNNN.tar`; each clip
                is `<key>.wav`, `<key>.txt` (the transcript) and `<key>.json` (its full metadata), key `morse_000042`:

                ```python
                from datasets import load_dataset
                ds = load_dataset("webdataset", data_dir="path/to/this/folder/webdataset")
                ```
                """)
        }
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
              data_dir: \(description.writesFolder ? "audio" : "webdataset")
            ---

            # Synthetic Morse code (CW) dataset

            \(statistics.count) clips (\(statistics.morse) Morse, \(statistics.noiseOnly) noise-only), \
            \(fixed(statistics.totalDuration / 3600, 2)) hours of \(run.sampleRate) Hz mono audio, made by \
            morse-dataset \(description.version) with seed \(run.seed). Every transcript names exactly the \
            characters keyed in its clip; prosigns are written in angle brackets (`<AR>`, `<SK>`, `<BT>`, `<KN>`…); \
            noise-only clips have an empty transcript. No clip is longer than \(fixed(run.maxDuration, 2)) s.

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
            --sample-rate \(run.sampleRate) --max-duration \(fixed(run.maxDuration, 2)) --noise-ratio \(run.noiseRatio) --config config.yaml
            ```

            where `config.yaml` is the effective configuration below (fingerprint `\(run.configFingerprint)`).

            ```yaml
            \(description.configYAML.trimmingCharacters(in: .newlines))
            ```

            """
    }
}
