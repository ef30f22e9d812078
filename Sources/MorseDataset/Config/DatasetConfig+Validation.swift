extension DatasetConfig {
    /// Checks every value and the rules between keys, and returns the config with every weights
    /// map completed (names missing from a map get weight 0).
    ///
    /// ``load(yaml:source:relativeTo:)`` runs this too; call it after changing fields in code.
    /// Cross-field rules: the tone range stays 100 Hz below the Nyquist frequency of the sample
    /// rate; a `plain_text` sample weight above 0 needs `content.plain_text_file`; at least one
    /// contest type and one condition; every weights map and the duration bands have a weight above 0.
    /// - Throws: the first ``ConfigError`` found.
    public func validated() throws(ConfigError) -> DatasetConfig {
        try validated(source: "config", lines: [:])
    }

    /// ``validated()`` with the YAML lines of the keys, so that messages can point at them.
    func validated(source: String, lines: [String: Int]) throws(ConfigError) -> DatasetConfig {
        let checker = ConfigChecker(source: source, lines: lines)
        var config = self
        try checker.names("contest_types", contestTypes, ConfigVocabulary.contestTypes, kind: "contest type")
        try checker.range("wpm_range", wpmRange, ConfigLimits.wpm)
        try checker.names("conditions", conditions, ConfigVocabulary.conditions, kind: "condition")
        try checker.value("qso_probability", qsoProbability, .fraction)
        try checker.splitRatios("split_ratios", splitRatios)

        try checker.value("audio.sample_rate", Double(audio.sampleRate), ConfigLimits.sampleRate)
        try checker.range("audio.tone_freq_range", audio.toneFrequencyRange, ConfigLimits.toneFrequency)
        let toneLimit = Double(audio.sampleRate) / 2 - ConfigLimits.toneNyquistMargin
        if audio.toneFrequencyRange.upperBound > toneLimit {
            throw .outOfBounds(
                checker.location("audio.tone_freq_range"), key: "audio.tone_freq_range",
                value: ConfigNumber.format(audio.toneFrequencyRange.upperBound),
                problem: "is above \(ConfigNumber.format(toneLimit)) Hz, 100 Hz below the Nyquist frequency of audio.sample_rate \(audio.sampleRate)",
                allowed: "use tones from 100 to \(ConfigNumber.format(toneLimit)) Hz or raise audio.sample_rate")
        }

        try checker.range("noise.snr_range", noise.snrRange, ConfigLimits.snr)
        try checker.range("noise.qrm_interferers", Double(noise.qrmInterferers.lowerBound)...Double(noise.qrmInterferers.upperBound), ConfigLimits.qrmInterferers)
        try checker.range("noise.qrn_rate", noise.qrnRate, ConfigLimits.qrnRate)
        try checker.range("noise.fading_rate", noise.fadingRate, ConfigLimits.fadingRate)
        try checker.range("noise.fading_depth", noise.fadingDepth, .fraction)
        try checker.range("noise.drift_max", noise.driftMax, ConfigLimits.driftMax)
        try checker.names("noise.colours", noise.colours, ConfigVocabulary.noiseColours, kind: "noise colour")

        try checker.range("timing.variation_percent", timing.variationPercent, ConfigLimits.variationPercent)
        try checker.range("timing.weight_ratio", timing.weightRatio, ConfigLimits.weightRatio)

        config.compositionWeights.countries = try checker.weights(
            "composition_weights.countries", compositionWeights.countries, ConfigVocabulary.countries, kind: "country")
        config.compositionWeights.sampleTypes = try checker.weights(
            "composition_weights.sample_types", compositionWeights.sampleTypes, ConfigVocabulary.sampleTypes, kind: "sample type")

        try checker.value("callsigns.include_portable", callsigns.includePortable, .fraction)
        try checker.value("callsigns.include_special", callsigns.includeSpecial, .fraction)
        try checker.value("prosigns.use_abbreviations", prosigns.useAbbreviations, .fraction)
        try checker.names("prosigns.common_prosigns", prosigns.commonProsigns, ConfigVocabulary.prosigns, kind: "prosign", allowEmpty: true)

        try checker.range("advanced_features.multipath_delays", advancedFeatures.multipathDelays, ConfigLimits.multipathDelay)
        try checker.value("advanced_features.agc_attack", advancedFeatures.agcAttack, ConfigLimits.agcAttack)
        try checker.value("advanced_features.agc_release", advancedFeatures.agcRelease, ConfigLimits.agcRelease)
        try checker.names("advanced_features.filter_types", advancedFeatures.filterTypes, ConfigVocabulary.filterTypes, kind: "filter type")
        try checker.names("advanced_features.fading_types", advancedFeatures.fadingTypes, ConfigVocabulary.fadingTypes, kind: "fading type")

        try checker.names("evaluation.metrics", evaluation.metrics, ConfigVocabulary.metrics, kind: "metric", allowEmpty: true)
        try checker.names("evaluation.track_elements", evaluation.trackElements, ConfigVocabulary.trackElements, kind: "tracked element", allowEmpty: true)

        config.fists = try checker.weights("fists", fists, ConfigVocabulary.fists, kind: "fist")
        try checker.value("farnsworth.probability", farnsworth.probability, .fraction)
        try checker.range("farnsworth.effective_ratio", farnsworth.effectiveRatio, ConfigLimits.effectiveRatio)

        if durationBands.isEmpty {
            throw .emptyList(checker.location("duration_bands"), key: "duration_bands", allowed: "give at least one band, e.g. - {range: [3, 8], weight: 25}")
        }
        for (index, band) in durationBands.enumerated() {
            try checker.range("duration_bands[\(index)].range", band.range, ConfigLimits.duration)
            try checker.value("duration_bands[\(index)].weight", band.weight, .weight)
        }
        if !durationBands.contains(where: { $0.weight > 0 }) {
            throw .invalid(checker.location("duration_bands"), key: "duration_bands", value: "every band's weight is 0,",
                           problem: "so no duration can be drawn; give at least one band a weight above 0")
        }
        try checker.range("silence_range", silenceRange, ConfigLimits.silence)

        try checker.range("keying.rise_time_ms", keying.riseTimeMs, ConfigLimits.riseTime)
        try checker.names("keying.envelopes", keying.envelopes, ConfigVocabulary.envelopes, kind: "envelope")
        try checker.value("keying.chirp_probability", keying.chirpProbability, .fraction)
        try checker.range("keying.chirp_hz", keying.chirpHz, ConfigLimits.chirp)

        try checker.value("content.cut_number_rate", content.cutNumberRate, .fraction)
        if content.plainTextFile?.isEmpty == true {
            throw .invalid(checker.location("content.plain_text_file"), key: "content.plain_text_file", value: "''",
                           problem: "is an empty path; give a file path or null")
        }
        if (config.compositionWeights.sampleTypes["plain_text"] ?? 0) > 0, content.plainTextFile == nil {
            let weight = ConfigNumber.format(config.compositionWeights.sampleTypes["plain_text"] ?? 0)
            throw .invalid(checker.location("composition_weights.sample_types.plain_text"),
                           key: "composition_weights.sample_types.plain_text", value: weight,
                           problem: "turns on plain-text samples, but content.plain_text_file is not set; set it to a text file or make the weight 0")
        }

        try checker.names("output.formats", output.formats, ConfigVocabulary.outputFormats, kind: "output format")
        if !ConfigVocabulary.audioFormats.contains(output.audioFormat) {
            throw .unknownName(checker.location("output.audio_format"), key: "output.audio_format", name: output.audioFormat, kind: "audio format",
                               suggestion: EditDistance.nearest(to: output.audioFormat, among: ConfigVocabulary.audioFormats),
                               known: ConfigVocabulary.audioFormats)
        }
        try checker.value("output.shard_size", Double(output.shardSize), ConfigLimits.shardSize)
        return config
    }
}

/// Value checks on a built config, with locations looked up from the keys' YAML lines.
private struct ConfigChecker {
    let source: String
    let lines: [String: Int]

    func location(_ key: String) -> ConfigLocation {
        var path = Substring(key)
        while true {
            if let line = lines[String(path)] { return ConfigLocation(source: source, line: line) }
            // duration_bands[2].range → duration_bands[2] → duration_bands
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            path = path[..<cut]
        }
        return ConfigLocation(source: source)
    }

    func value(_ key: String, _ value: Double, _ bounds: ConfigBounds) throws(ConfigError) {
        guard bounds.contains(value) else {
            throw .outOfBounds(location(key), key: key, value: ConfigNumber.format(value), problem: bounds.problem(with: value), allowed: bounds.allowed)
        }
    }

    func range(_ key: String, _ range: ClosedRange<Double>, _ bounds: ConfigBounds) throws(ConfigError) {
        try value(key, range.lowerBound, bounds)
        try value(key, range.upperBound, bounds)
    }

    func names(_ key: String, _ names: [String], _ vocabulary: [String], kind: String, allowEmpty: Bool = false) throws(ConfigError) {
        if names.isEmpty, !allowEmpty {
            throw .emptyList(location(key), key: key, allowed: "list at least one of: \(vocabulary.joined(separator: ", "))")
        }
        var seen: Set<String> = []
        for name in names {
            guard vocabulary.contains(name) else {
                throw .unknownName(location(key), key: key, name: name, kind: kind,
                                   suggestion: EditDistance.nearest(to: name, among: vocabulary), known: vocabulary)
            }
            guard seen.insert(name).inserted else { throw .duplicateName(location(key), key: key, name: name) }
        }
    }

    func splitRatios(_ key: String, _ ratios: DatasetConfig.SplitRatios) throws(ConfigError) {
        let values = [ratios.train, ratios.validation, ratios.test]
        for value in values { try self.value(key, value, .fraction) }
        let written = "[" + values.map(ConfigNumber.format).joined(separator: ", ") + "]"
        if ratios.train <= 0 {
            throw .invalid(location(key), key: key, value: written,
                           problem: "has a train fraction of 0; the train split must get some clips, e.g. [0.8, 0.1, 0.1]")
        }
        let sum = values.reduce(0, +)
        if abs(sum - 1) > ConfigLimits.ratioSumTolerance {
            throw .ratiosDoNotSumToOne(location(key), key: key, values: written, sum: ConfigNumber.format((sum * 1e9).rounded() / 1e9))
        }
    }

    /// Checks a weights map and returns it with every name of the vocabulary present.
    func weights(_ key: String, _ weights: [String: Double], _ vocabulary: [String], kind: String) throws(ConfigError) -> [String: Double] {
        for name in weights.keys.sorted() where !vocabulary.contains(name) {
            throw .unknownKey(location(key), key: key + "." + name,
                              suggestion: EditDistance.nearest(to: name, among: vocabulary), allowed: vocabulary)
        }
        var complete: [String: Double] = [:]
        for name in vocabulary {
            let weight = weights[name] ?? 0
            try value(key + "." + name, weight, .weight)
            complete[name] = weight
        }
        if !complete.values.contains(where: { $0 > 0 }) {
            throw .invalid(location(key), key: key, value: "every weight is 0,", problem: "so nothing can be drawn; give at least one \(kind) a weight above 0")
        }
        return complete
    }
}
