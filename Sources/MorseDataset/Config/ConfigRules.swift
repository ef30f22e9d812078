/// The rules between keys, checked after every key on its own (``ConfigSchema``).
enum ConfigRules {
    /// How far below the Nyquist frequency the tone must stay, in Hz.
    static let toneNyquistMargin = 100.0
    /// Tolerance of the `split_ratios` sum (docs/config.md says ±1e-6).
    static let ratioSumTolerance = 1e-6

    /// Every rule, in the order they are checked.
    static func check(_ config: DatasetConfig, _ checker: ConfigChecker) throws(ConfigError) {
        try toneBelowNyquist(config, checker)
        try plainTextNeedsFile(config, checker)
        try operatorSplitNeedsOperators(config, checker)
    }

    /// `split_by: operator` needs operators to split by.
    static func operatorSplitNeedsOperators(_ config: DatasetConfig, _ checker: ConfigChecker) throws(ConfigError) {
        guard config.splitBy == .operator, config.operators.poolSize == 0 else { return }
        throw .invalid(
            checker.location("split_by"), key: "split_by", value: "operator",
            problem:
                "splits by operator, but operators.pool_size is 0 (no operators); set operators.pool_size above 0 or use split_by: clip"
        )
    }

    /// `audio.tone_freq_range` ends at least 100 Hz below the Nyquist frequency of `audio.sample_rate`.
    static func toneBelowNyquist(_ config: DatasetConfig, _ checker: ConfigChecker) throws(ConfigError) {
        let toneLimit = Double(config.audio.sampleRate) / 2 - toneNyquistMargin
        guard config.audio.toneFrequencyRange.upperBound > toneLimit else { return }
        throw .outOfBounds(
            checker.location("audio.tone_freq_range"), key: "audio.tone_freq_range",
            value: ConfigNumber.format(config.audio.toneFrequencyRange.upperBound),
            problem:
                "is above \(ConfigNumber.format(toneLimit)) Hz, 100 Hz below the Nyquist frequency of audio.sample_rate \(config.audio.sampleRate)",
            allowed: "use tones from 100 to \(ConfigNumber.format(toneLimit)) Hz or raise audio.sample_rate")
    }

    /// A `plain_text` sample weight above 0 needs `content.plain_text_file`.
    static func plainTextNeedsFile(_ config: DatasetConfig, _ checker: ConfigChecker) throws(ConfigError) {
        let weight = config.compositionWeights.sampleTypes[.plainText] ?? 0
        guard weight > 0, config.content.plainTextFile == nil else { return }
        throw .invalid(
            checker.location("composition_weights.sample_types.plain_text"),
            key: "composition_weights.sample_types.plain_text", value: ConfigNumber.format(weight),
            problem:
                "turns on plain-text samples, but content.plain_text_file is not set; set it to a text file or make the weight 0"
        )
    }
}
