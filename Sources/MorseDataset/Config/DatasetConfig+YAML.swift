extension DatasetConfig {
    /// The full effective config as YAML: every key present, in a fixed order, numbers in their
    /// shortest exact form. ``load(yaml:source:relativeTo:)`` of it gives back an equal config;
    /// the dataset stores it next to its manifests.
    public var yaml: String {
        var out = ConfigYAMLWriter()
        out.comment("morse-dataset configuration: every key with its effective value (see docs/config.md)")
        out.line("seed", seed.map { String($0) } ?? "null")
        out.line("contest_types", ConfigYAMLWriter.list(contestTypes))
        out.line("wpm_range", ConfigNumber.format(wpmRange))
        out.line("conditions", ConfigYAMLWriter.list(conditions))
        out.line("qso_probability", ConfigNumber.format(qsoProbability))
        out.line("split_ratios", "[\([splitRatios.train, splitRatios.validation, splitRatios.test].map(ConfigNumber.format).joined(separator: ", "))]")
        out.section("audio")
        out.line("sample_rate", String(audio.sampleRate), indent: 1)
        out.line("tone_freq_range", ConfigNumber.format(audio.toneFrequencyRange), indent: 1)
        out.section("noise")
        out.line("snr_range", ConfigNumber.format(noise.snrRange), indent: 1)
        out.line("qrm_interferers", "[\(noise.qrmInterferers.lowerBound), \(noise.qrmInterferers.upperBound)]", indent: 1)
        out.line("qrn_rate", ConfigNumber.format(noise.qrnRate), indent: 1)
        out.line("fading_rate", ConfigNumber.format(noise.fadingRate), indent: 1)
        out.line("fading_depth", ConfigNumber.format(noise.fadingDepth), indent: 1)
        out.line("drift_max", ConfigNumber.format(noise.driftMax), indent: 1)
        out.line("colours", ConfigYAMLWriter.list(noise.colours), indent: 1)
        out.section("timing")
        out.line("variation_percent", ConfigNumber.format(timing.variationPercent), indent: 1)
        let ratio = timing.weightRatio
        out.line("weight_ratio", ratio.lowerBound == ratio.upperBound ? ConfigNumber.format(ratio.lowerBound) : ConfigNumber.format(ratio), indent: 1)
        out.section("composition_weights")
        out.weights("countries", compositionWeights.countries, ConfigVocabulary.countries, indent: 1)
        out.weights("sample_types", compositionWeights.sampleTypes, ConfigVocabulary.sampleTypes, indent: 1)
        out.section("callsigns")
        out.line("include_portable", ConfigNumber.format(callsigns.includePortable), indent: 1)
        out.line("include_special", ConfigNumber.format(callsigns.includeSpecial), indent: 1)
        out.section("prosigns")
        out.line("use_abbreviations", ConfigNumber.format(prosigns.useAbbreviations), indent: 1)
        out.line("common_prosigns", ConfigYAMLWriter.list(prosigns.commonProsigns), indent: 1)
        out.section("advanced_features")
        out.line("multipath", String(advancedFeatures.multipath), indent: 1)
        out.line("multipath_delays", ConfigNumber.format(advancedFeatures.multipathDelays), indent: 1)
        out.line("agc_enabled", String(advancedFeatures.agcEnabled), indent: 1)
        out.line("agc_attack", ConfigNumber.format(advancedFeatures.agcAttack), indent: 1)
        out.line("agc_release", ConfigNumber.format(advancedFeatures.agcRelease), indent: 1)
        out.line("filter_types", ConfigYAMLWriter.list(advancedFeatures.filterTypes), indent: 1)
        out.line("fading_types", ConfigYAMLWriter.list(advancedFeatures.fadingTypes), indent: 1)
        out.section("evaluation")
        out.line("metrics", ConfigYAMLWriter.list(evaluation.metrics), indent: 1)
        out.line("track_elements", ConfigYAMLWriter.list(evaluation.trackElements), indent: 1)
        out.weights("fists", fists, ConfigVocabulary.fists, indent: 0)
        out.section("farnsworth")
        out.line("probability", ConfigNumber.format(farnsworth.probability), indent: 1)
        out.line("effective_ratio", ConfigNumber.format(farnsworth.effectiveRatio), indent: 1)
        out.section("duration_bands")
        for band in durationBands {
            out.item("{range: \(ConfigNumber.format(band.range)), weight: \(ConfigNumber.format(band.weight))}", indent: 1)
        }
        out.line("silence_range", ConfigNumber.format(silenceRange))
        out.section("keying")
        out.line("rise_time_ms", ConfigNumber.format(keying.riseTimeMs), indent: 1)
        out.line("envelopes", ConfigYAMLWriter.list(keying.envelopes), indent: 1)
        out.line("chirp_probability", ConfigNumber.format(keying.chirpProbability), indent: 1)
        out.line("chirp_hz", ConfigNumber.format(keying.chirpHz), indent: 1)
        out.section("content")
        out.line("cut_number_rate", ConfigNumber.format(content.cutNumberRate), indent: 1)
        out.line("plain_text_file", content.plainTextFile.map(ConfigYAMLWriter.quoted) ?? "null", indent: 1)
        out.section("output")
        out.line("formats", ConfigYAMLWriter.list(output.formats), indent: 1)
        out.line("audio_format", output.audioFormat, indent: 1)
        out.line("shard_size", String(output.shardSize), indent: 1)
        return out.text
    }

    /// A stable 16-digit hex FNV-1a 64 hash of ``yaml``: equal configs give equal fingerprints on
    /// every platform and run, so a resumed dataset can tell whether its config changed.
    public var fingerprint: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in yaml.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// Builds the canonical YAML text line by line.
private struct ConfigYAMLWriter {
    private(set) var text = ""

    mutating func comment(_ comment: String) {
        text += "# \(comment)\n"
    }

    mutating func section(_ key: String) {
        text += "\(key):\n"
    }

    mutating func line(_ key: String, _ value: String, indent: Int = 0) {
        text += String(repeating: "  ", count: indent) + "\(key): \(value)\n"
    }

    mutating func item(_ value: String, indent: Int) {
        text += String(repeating: "  ", count: indent) + "- \(value)\n"
    }

    /// A weights map in vocabulary order, every name present.
    mutating func weights(_ key: String, _ weights: [String: Double], _ vocabulary: [String], indent: Int) {
        text += String(repeating: "  ", count: indent) + "\(key):\n"
        for name in vocabulary {
            line(name, ConfigNumber.format(weights[name] ?? 0), indent: indent + 1)
        }
    }

    /// Names in flow style; the vocabularies hold only plain-safe names.
    static func list(_ names: [String]) -> String {
        "[" + names.joined(separator: ", ") + "]"
    }

    /// A double-quoted YAML string (a JSON string literal is one).
    static func quoted(_ string: String) -> String { JSONObject.quoted(string) }
}
