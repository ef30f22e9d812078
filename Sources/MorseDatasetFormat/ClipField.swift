/// The fields of a clip's metadata: the keys of its JSON record (the journal, `metadata/{split}.jsonl`, a
/// WebDataset `.json` member) in the order the record writes them, and the columns of
/// `metadata.csv` and `splits/{split}.csv`. The writer and every reader take the names from here.
public enum ClipField: String, CaseIterable, CodingKey, Sendable {
    case id
    case fileName = "file_name"
    case audioFile = "audio_file"
    case split, text, duration
    case numSamples = "num_samples"
    case sampleRate = "sample_rate"
    case seed
    /// CRC-32C of the clip's WAV bytes, 8 lowercase hex digits (e.g. `e3069283`).
    case checksum
    case isNoiseOnly = "is_noise_only"
    case contestType = "contest_type"
    case sampleType = "sample_type"
    case condition, wpm
    case effectiveWPM = "effective_wpm"
    case farnsworth, fist, sloppiness
    case `operator`
    case dashRatio = "dash_ratio"
    case tone
    case riseTimeMS = "rise_time_ms"
    case envelope
    case chirpHz = "chirp_hz"
    case driftHzPerSecond = "drift_hz_per_s"
    case snr500 = "snr_500"
    case snr2500 = "snr_2500"
    case filter
    case noiseColour = "noise_colour"
    case fading
    case fadingRate = "fading_rate"
    case fadingDepth = "fading_depth"
    case qrnRate = "qrn_rate"
    case numInterferers = "num_interferers"
    case multipathPaths = "multipath_paths"
    case agc, country, callsigns, exchange, evaluation, characters, words, stations, exchanges, channel
    /// The transcript with Whisper's timestamp tokens (`<|0.00|> CQ DE K1ABC<|2.34|>`).
    case whisperText = "whisper_text"

    /// Columns of `metadata.csv` and `splits/{split}.csv`, in order: the reference's nine, then ours.
    public static let csvColumns: [ClipField] = [
        .id, .audioFile, .text, .contestType, .sampleType, .wpm, .condition, .duration, .isNoiseOnly,
        .split, .effectiveWPM, .fist, .sloppiness, .tone, .snr500, .snr2500, .filter, .country, .callsigns, .seed,
        .checksum,
    ]

    /// The CSV header line (no newline).
    public static let csvHeader = csvColumns.map(\.rawValue).joined(separator: ",")
}

/// The keys of a NeMo manifest line (`manifests/{split}.jsonl`).
public enum NeMoField: String, CaseIterable, CodingKey, Sendable {
    /// The clip's audio: `/real/path/of/the/dataset/audio/train/morse_000042.wav`, or with
    /// `output.nemo_paths: relative` `../audio/train/morse_000042.wav` (see ``NeMoPaths``).
    case audioFilepath = "audio_filepath"
    case duration, text
    /// Ours, beside NeMo's three keys: CRC-32C of the WAV bytes, as in `metadata.csv`.
    case checksum
}
