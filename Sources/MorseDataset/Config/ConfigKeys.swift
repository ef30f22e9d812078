/// The keys allowed in each section, in canonical order.
enum ConfigKeys {
    static let topLevel = [
        "seed", "contest_types", "wpm_range", "conditions", "qso_probability", "split_ratios", "audio", "noise",
        "timing", "composition_weights", "callsigns", "prosigns", "advanced_features", "evaluation", "fists",
        "farnsworth", "duration_bands", "silence_range", "keying", "content", "output",
    ]
    static let audio = ["sample_rate", "tone_freq_range"]
    static let noise = ["snr_range", "qrm_interferers", "qrn_rate", "fading_rate", "fading_depth", "drift_max", "colours"]
    static let timing = ["variation_percent", "weight_ratio"]
    static let compositionWeights = ["countries", "sample_types"]
    static let callsigns = ["include_portable", "include_special"]
    static let prosigns = ["use_abbreviations", "common_prosigns"]
    static let advancedFeatures = [
        "multipath", "multipath_delays", "agc_enabled", "agc_attack", "agc_release", "filter_types", "fading_types",
    ]
    static let evaluation = ["metrics", "track_elements"]
    static let farnsworth = ["probability", "effective_ratio"]
    static let durationBand = ["range", "weight"]
    static let keying = ["rise_time_ms", "envelopes", "chirp_probability", "chirp_hz"]
    static let content = ["cut_number_rate", "plain_text_file"]
    static let output = ["formats", "audio_format", "shard_size"]
}
