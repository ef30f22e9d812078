/// The names a config may use in its lists and weight maps, in their canonical order.
public enum ConfigVocabulary {
    /// `contest_types`.
    public static let contestTypes = [
        "CQWW", "CQWPX", "ARRLDX", "SWEEPSTAKES", "FIELD_DAY", "NAQP", "SPRINT", "IARU", "WAE", "ALL_ASIAN",
    ]
    /// `conditions`: the channel condition presets.
    public static let conditions = ["clean", "contest_good", "contest_moderate", "contest_poor", "dx_expedition"]
    /// `composition_weights.countries`.
    public static let countries = [
        "USA", "CANADA", "ENGLAND", "GERMANY", "JAPAN", "ITALY", "RUSSIA", "SPAIN", "FRANCE", "BRAZIL",
        "AUSTRALIA", "ARGENTINA",
    ]
    /// `composition_weights.sample_types`.
    public static let sampleTypes = [
        "full_qso", "cq_call", "exchange_only", "partial_copy", "repeat_request", "multi_transmission",
        "ragchew", "practice_groups", "plain_text",
    ]
    /// `prosigns.common_prosigns`.
    public static let prosigns = ["AR", "AS", "BK", "BT", "CL", "CT", "DO", "HH", "KA", "KN", "SK", "SN", "SOS"]
    /// `advanced_features.filter_types`.
    public static let filterTypes = ["cw_narrow", "cw_wide", "ssb"]
    /// `advanced_features.fading_types`.
    public static let fadingTypes = ["slow", "fast", "selective", "rayleigh"]
    /// `evaluation.metrics`.
    public static let metrics = ["wer", "cer", "callsign_accuracy", "exchange_accuracy"]
    /// `evaluation.track_elements`.
    public static let trackElements = [
        "callsigns", "rst_reports", "serial_numbers", "grid_squares", "states_provinces", "zones",
    ]
    /// `fists`: operator fist kinds.
    public static let fists = ["keyer", "paddle", "bug", "straight"]
    /// `keying.envelopes`: keying edge shapes.
    public static let envelopes = ["raised-cosine", "blackman-harris"]
    /// `noise.colours`.
    public static let noiseColours = ["white", "pink"]
    /// `output.formats`.
    public static let outputFormats = ["folder", "webdataset"]
    /// `output.audio_format`.
    public static let audioFormats = ["pcm16", "float32"]
}
