/// Every config key, once, in canonical order (the order of the effective YAML and of docs/config.md).
///
/// Adding a key: add its field to ``DatasetConfig`` (with its default), add one line here, use it
/// where it takes effect, then regenerate docs/config.md
/// (`MORSE_UPDATE_DOCS=1 swift test --filter ConfigDocsTests`). Rules between keys are in ``ConfigRules``.
enum ConfigSchema {
    nonisolated(unsafe) static let keys: [ConfigKey] = [
        .name(
            "profile", \.profile, reference: false,
            doc:
                "Defaults for the keys this config leaves out: `coverage` (tones 300–1,000 Hz, SNR −10…+30 dB weighted towards weak signals, 10–45 WPM, Farnsworth 15 %, the Watterson fading conditions) or `reference` (the reference's 600–800 Hz, 8–30 dB drawn by the presets, 15–40 WPM, Farnsworth 10 %, slow, flutter and selective fading only). The CLI's `--profile` wins over this key. Keys given in the config win over both."
        ),
        .seed(
            "seed", reference: false,
            doc:
                "Dataset seed; every clip derives its own generator from (seed, clip index), so a dataset can be generated again. The CLI's `--seed` wins over this key."
        ),
        .names(
            "contest_types", \.contestTypes,
            doc:
                "Contests whose exchanges the text generator draws from; recorded in `dataset_info.json`. (`contest_cw.yaml` lists eight: WAE and ALL_ASIAN are then off.)"
        ),
        .range(
            "wpm_range", \.wpmRange, ConfigBounds(lower: 5, upper: 60, unit: "WPM"),
            doc: "Character speed (PARIS, unit = 1.2 / WPM s), drawn per clip."),
        .names("conditions", \.conditions, doc: "Channel condition presets drawn per clip."),
        .number(
            "qso_probability", \.qsoProbability, .fraction,
            doc:
                "Probability that a clip is a QSO (several transmissions between two stations) rather than a single transmission, where the target duration allows."
        ),
        .splitRatios(
            "split_ratios", doc: "Fractions of clips in each split; noise-only clips are split in the same ratios."),
        .name(
            "split_by", \.splitBy, reference: false,
            doc:
                "`clip`: clips are split by `split_ratios`, stratified by condition. `operator`: operators are split by `split_ratios` and every clip follows its operator, so no operator (fist, speed and pitch habits) is in two splits and test scores do not leak; needs `operators.pool_size` above 0. Noise-only clips have no operator and are split as with `clip`."
        ),
        .integer(
            "audio.sample_rate", \.audio.sampleRate, ConfigBounds(lower: 8000, upper: 48000, unit: "Hz"),
            doc: "Output sample rate (16 kHz for Whisper)."),
        .range(
            "audio.tone_freq_range", \.audio.toneFrequencyRange,
            ConfigBounds(lower: 100, upper: 48000 / 2 - ConfigRules.toneNyquistMargin, unit: "Hz"),
            allowed: "100 … sample_rate/2 − 100", doc: "CW tone frequency, drawn per clip."),
        .range(
            "noise.snr_range", \.noise.snrRange, ConfigBounds(lower: -20, upper: 60, unit: "dB"),
            doc: "Signal-to-noise ratio."),
        .integerRange(
            "noise.qrm_interferers", \.noise.qrmInterferers, ConfigBounds(lower: 0, upper: 10, unit: "stations"),
            doc: "Number of interfering Morse stations."),
        .range(
            "noise.qrn_rate", \.noise.qrnRate, ConfigBounds(lower: 0, upper: 20, unit: "crashes per s"),
            doc: "Static crash (QRN) rate."),
        .range(
            "noise.fading_rate", \.noise.fadingRate,
            ConfigBounds(lower: 0, upper: 50, lowerInclusive: false, unit: "Hz"),
            doc:
                "QSB fading rate (slow, Rayleigh and selective fading; flutter keeps 3–30 Hz and the Watterson conditions their own spread)."
        ),
        .range(
            "noise.fading_depth", \.noise.fadingDepth, .fraction,
            doc:
                "Maximum fade depth (0 = none, 1 = full). `[0, 0]` turns fading off (the Watterson conditions, always fully diffuse, included)."
        ),
        .range(
            "noise.drift_max", \.noise.driftMax, ConfigBounds(lower: 0, upper: 500, unit: "Hz"),
            doc: "Maximum tone drift over a clip."),
        .names("noise.colours", \.noise.colours, reference: false, doc: "Background noise colours drawn from."),
        .name(
            "noise.snr_distribution", \.noise.snrDistribution, reference: false,
            doc:
                "How each clip's SNR is drawn: `preset` = each condition preset draws from its own band (5–33 dB) and the value is clamped into `noise.snr_range` (the reference's way); `uniform` = uniformly over `noise.snr_range`; `hard_weighted` = over `noise.snr_range` with density falling linearly from 3 at the bottom to 1 at the top (62.5 % of clips in the lower half). A config that gives `noise.snr_range` but not this key gets `preset`, so existing configs keep their meaning."
        ),
        .range(
            "timing.variation_percent", \.timing.variationPercent, ConfigBounds(lower: 0, upper: 10, unit: "%"),
            doc:
                "Per-element human timing spread; the operator fist's sloppiness is `percent / 10` (2 % → 0.2, 8 % → 0.8)."
        ),
        .weightRatio(
            "timing.weight_ratio", ConfigBounds(lower: 2.5, upper: 4.5),
            doc: "Dash-to-dot length ratio (3 is standard); a range is drawn per clip."),
        .weights(
            "composition_weights.countries", \.compositionWeights.countries, doc: "Country of generated callsigns."),
        .weights(
            "composition_weights.sample_types", \.compositionWeights.sampleTypes,
            allowed: "see [Sample types](#sample-types)",
            doc: "What kind of text a clip holds."),
        .number(
            "callsigns.include_portable", \.callsigns.includePortable, .fraction,
            doc: "Fraction of callsigns with a portable/mobile suffix (`/P`, `/M`, `/MM`, `/AM`, `/QRP`, `/<state>`)."),
        .number(
            "callsigns.include_special", \.callsigns.includeSpecial, .fraction,
            doc: "Fraction of special-event / contest one-by-one callsigns (e.g. `K1A`)."),
        .number(
            "prosigns.use_abbreviations", \.prosigns.useAbbreviations, .fraction,
            doc: "Probability that a message uses CW abbreviations (`TU`, `GL`, `AGN`, …)."),
        .names(
            "prosigns.common_prosigns", \.prosigns.commonProsigns, allowEmpty: true,
            doc: "Prosigns the text generator may use. `[]` = none."),
        .flag(
            "advanced_features.multipath", \.advancedFeatures.multipath,
            doc: "Whether presets that use multipath (contest_poor) may apply it; `false` turns it off everywhere."),
        .range(
            "advanced_features.multipath_delays", \.advancedFeatures.multipathDelays,
            ConfigBounds(lower: 0, upper: 20, unit: "ms"),
            doc: "Delays of the extra paths."),
        .flag("advanced_features.agc_enabled", \.advancedFeatures.agcEnabled, doc: "Whether the receiver AGC runs."),
        .number(
            "advanced_features.agc_attack", \.advancedFeatures.agcAttack,
            ConfigBounds(lower: 0, upper: 1, lowerInclusive: false, unit: "s"),
            doc: "AGC attack time."),
        .number(
            "advanced_features.agc_release", \.advancedFeatures.agcRelease,
            ConfigBounds(lower: 0, upper: 10, lowerInclusive: false, unit: "s"),
            doc: "AGC release time."),
        .names(
            "advanced_features.filter_types", \.advancedFeatures.filterTypes,
            doc: "Receiver filters the presets may use: `cw_narrow` 250 Hz, `cw_wide` 500 Hz, `ssb` 300–2700 Hz."),
        .names(
            "advanced_features.fading_types", \.advancedFeatures.fadingTypes,
            doc:
                "Fading kinds the presets may use: `slow` sinusoidal QSB, `fast` flutter, `selective` 2–3 paths, `rayleigh` one path; `watterson_good`, `watterson_moderate`, `watterson_poor` = the Watterson model under ITU-R F.1487's mid-latitude quiet, moderate and disturbed conditions (CCIR 520 good, moderate, poor: 0.5 ms / 0.1 Hz, 1 ms / 0.5 Hz, 2 ms / 1 Hz)."
        ),
        .names(
            "evaluation.metrics", \.evaluation.metrics, allowEmpty: true,
            doc: "Recorded in `dataset_info.json` and the dataset card, for the evaluation tools."),
        .names(
            "evaluation.track_elements", \.evaluation.trackElements, allowEmpty: true,
            doc: "Which per-clip metadata fields are written (callsigns, rst, serial, grid, state/province, zone)."),
        .weights(
            "fists", \.fists, reference: false,
            doc:
                "Operator key kinds: their characteristic timing errors (bug: heavy dahs; straight key: uneven elements; paddle: run-together characters); the amount comes from `timing.variation_percent`."
        ),
        .number(
            "farnsworth.probability", \.farnsworth.probability, .fraction, reference: false,
            doc: "Probability that a clip uses Farnsworth spacing."),
        .range(
            "farnsworth.effective_ratio", \.farnsworth.effectiveRatio, ConfigBounds(lower: 0.1, upper: 1),
            reference: false,
            doc:
                "Effective (overall) speed as a fraction of the character speed; the extra time goes into character and word gaps."
        ),
        .durationBands(
            "duration_bands", ConfigBounds(lower: 1, upper: 600, unit: "s"),
            doc:
                "Target clip durations: a band is drawn by weight, then a duration within it; the text is sized to fit it."
        ),
        .range(
            "silence_range", \.silenceRange, ConfigBounds(lower: 0, upper: 10, unit: "s"), reference: false,
            doc: "Silence (noise only) before and after the Morse, drawn for each side."),
        .range(
            "keying.rise_time_ms", \.keying.riseTimeMs, ConfigBounds(lower: 1, upper: 50, unit: "ms"), reference: false,
            doc: "Rise and fall time of keying edges."),
        .names("keying.envelopes", \.keying.envelopes, reference: false, doc: "Edge shapes drawn from."),
        .number(
            "keying.chirp_probability", \.keying.chirpProbability, .fraction, reference: false,
            doc: "Probability that a transmitter chirps."),
        .range(
            "keying.chirp_hz", \.keying.chirpHz, ConfigBounds(lower: 0, upper: 500, unit: "Hz"), reference: false,
            doc: "Chirp frequency swing at key-down."),
        .number(
            "content.cut_number_rate", \.content.cutNumberRate, .fraction, reference: false,
            doc:
                "Probability that RSTs and serial numbers are keyed with cut numbers (`5NN`, `T` for 0), as real operators do; the transcript says what was keyed."
        ),
        .filePath(
            "content.plain_text_file", \.content.plainTextFile, reference: false,
            doc:
                "Source text for the `plain_text` sample type; a relative path is resolved against the config file's folder."
        ),
        .integer(
            "operators.pool_size", \.operators.poolSize, ConfigBounds(lower: 0, upper: 1_000_000, unit: "operators"),
            reference: false,
            doc:
                "Number of persistent operators drawn from the seed; each clip's wanted station is keyed by one of them, drawn uniformly, with that operator's fist kind and sloppiness, preferred speed (±10 % per clip) and preferred pitch (±25 Hz per clip), all within the configured ranges. Recorded as `operator` in the metadata. 0 = no operators: each clip draws its own."
        ),
        .names(
            "output.formats", \.output.formats, reference: false,
            doc:
                "`folder` is the reference layout (`audio/`, `metadata.csv`, `splits/`, `manifests/`); `webdataset` writes `webdataset/{split}/shard-000000.tar`, … of `output.shard_size` clips, each clip as `morse_000042.wav`, `.txt` (transcript) and `.json` (full metadata), written at the end in id order (byte-identical on any number of workers or shards); `lhotse` writes `lhotse/{recordings,supervisions,cuts}_{split}.jsonl` (Lhotse manifests with `char` and `word` alignments, audio paths relative to the dataset folder). Every dataset also gets `metadata.csv`, `splits/`, `dataset_info.json` and a card. With `[webdataset]` alone the folder manifests are not written and the WAVs under `audio/` are removed once the shards hold every clip (see `output.keep_audio`); a clip's `audio_file` `train/morse_000042.wav` then names member `morse_000042.wav` of a shard in `webdataset/train/`. `generate --format folder\\|webdataset\\|lhotse\\|both` overrides this key."
        ),
        .name("output.audio_format", \.output.audioFormat, reference: false, doc: "WAV sample format."),
        .integer(
            "output.shard_size", \.output.shardSize, ConfigBounds(lower: 1, upper: 1_000_000), reference: false,
            doc: "Clips per WebDataset shard."),
        .flag(
            "output.keep_audio", \.output.keepAudio, reference: false,
            doc:
                "Keep the WAV files under `audio/` when WebDataset is the only format (they are removed once the shards hold every clip; resume, re-runs, `validate`, `stats` and `preview` read the shards). Every other format keeps them anyway. `generate --keep-audio` sets it."
        ),
        .name(
            "output.nemo_paths", \.output.nemoPaths, reference: false,
            doc:
                "How `manifests/{split}.jsonl` names each clip for NeMo. `absolute`: the dataset folder's real path, written when the dataset is finalised; NeMo uses it as it stands, so it never reads another dataset's file, whatever its working directory (NeMo up to 2.0 tries a relative path against the working directory first). A moved or copied dataset is finalised again at its new place by `morse-dataset merge DIR` (no audio is made; `validate` reports paths outside the dataset). `relative`: `../audio/{split}/…`, relative to the manifest's folder, for datasets that are moved or published; NeMo 2.1 and later try the manifest's folder first. `generate --nemo-paths` overrides this key."
        ),
    ]

    /// The keys allowed at the top level: top-level keys and section names, in canonical order.
    static let topLevelNames: [String] = unique(keys.map { $0.section ?? $0.path })

    /// The keys allowed in `section`, in canonical order.
    static func names(in section: String) -> [String] {
        keys.filter { $0.section == section }.map(\.name)
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}
