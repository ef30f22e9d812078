import Yams

/// Walks a composed YAML tree into a ``DatasetConfig``, checking every key and value on the way.
///
/// Each reader throws the first problem it finds as a ``ConfigError`` that names the key path,
/// the value as written, what is allowed and the YAML line. Keys that are absent keep the value
/// of the config being filled in (normally ``DatasetConfig/defaults``).
struct ConfigParser {
    /// Name of the config in messages.
    let source: String
    /// The YAML line of every key read, by key path, for cross-field errors found later.
    private(set) var lines: [String: Int] = [:]

    init(source: String) {
        self.source = source
    }

    // MARK: - The config

    mutating func parse(_ root: Node, into defaults: DatasetConfig) throws(ConfigError) -> DatasetConfig {
        var config = defaults
        let top = try section(root, path: "", allowed: ConfigKeys.topLevel)
        if let node = top["seed"] { config.seed = try seed(node, key: "seed") }
        if let node = top["contest_types"] {
            config.contestTypes = try names(node, key: "contest_types", vocabulary: ConfigVocabulary.contestTypes, kind: "contest type")
        }
        if let node = top["wpm_range"] {
            config.wpmRange = try range(node, key: "wpm_range", bounds: ConfigLimits.wpm, example: defaults.wpmRange)
        }
        if let node = top["conditions"] {
            config.conditions = try names(node, key: "conditions", vocabulary: ConfigVocabulary.conditions, kind: "condition")
        }
        if let node = top["qso_probability"] {
            config.qsoProbability = try number(node, key: "qso_probability", bounds: .fraction)
        }
        if let node = top["split_ratios"] { config.splitRatios = try splitRatios(node, key: "split_ratios") }
        if let node = top["audio"] { config.audio = try audio(node, defaults: defaults.audio) }
        if let node = top["noise"] { config.noise = try noise(node, defaults: defaults.noise) }
        if let node = top["timing"] { config.timing = try timing(node, defaults: defaults.timing) }
        if let node = top["composition_weights"] {
            config.compositionWeights = try compositionWeights(node, defaults: defaults.compositionWeights)
        }
        if let node = top["callsigns"] { config.callsigns = try callsigns(node, defaults: defaults.callsigns) }
        if let node = top["prosigns"] { config.prosigns = try prosigns(node, defaults: defaults.prosigns) }
        if let node = top["advanced_features"] {
            config.advancedFeatures = try advancedFeatures(node, defaults: defaults.advancedFeatures)
        }
        if let node = top["evaluation"] { config.evaluation = try evaluation(node, defaults: defaults.evaluation) }
        if let node = top["fists"] {
            config.fists = try weights(node, key: "fists", vocabulary: ConfigVocabulary.fists, kind: "fist")
        }
        if let node = top["farnsworth"] { config.farnsworth = try farnsworth(node, defaults: defaults.farnsworth) }
        if let node = top["duration_bands"] { config.durationBands = try durationBands(node, key: "duration_bands") }
        if let node = top["silence_range"] {
            config.silenceRange = try range(node, key: "silence_range", bounds: ConfigLimits.silence, example: defaults.silenceRange)
        }
        if let node = top["keying"] { config.keying = try keying(node, defaults: defaults.keying) }
        if let node = top["content"] { config.content = try content(node, defaults: defaults.content) }
        if let node = top["output"] { config.output = try output(node, defaults: defaults.output) }
        return config
    }

    // MARK: - Sections

    private mutating func splitRatios(_ node: Node, key: String) throws(ConfigError) -> DatasetConfig.SplitRatios {
        let expected = "a list of three fractions [train, validation, test] like [0.8, 0.1, 0.1]"
        guard case .sequence(let list) = node, list.count == 3 else {
            throw .wrongType(location(node), key: key, value: written(node), expected: expected)
        }
        var values: [Double] = []
        for element in list {
            guard let value = numeric(element) else {
                throw .wrongType(location(element), key: key, value: written(element), expected: expected)
            }
            try check(value, element, key: key, bounds: .fraction)
            values.append(value)
        }
        if values[0] <= 0 {
            throw .invalid(location(list[0]), key: key, value: written(node),
                           problem: "has a train fraction of 0; the train split must get some clips, e.g. [0.8, 0.1, 0.1]")
        }
        let sum = values.reduce(0, +)
        if abs(sum - 1) > ConfigLimits.ratioSumTolerance {
            throw .ratiosDoNotSumToOne(location(node), key: key, values: written(node), sum: ConfigNumber.format(roundedForDisplay(sum)))
        }
        return .init(train: values[0], validation: values[1], test: values[2])
    }

    private mutating func audio(_ node: Node, defaults: DatasetConfig.Audio) throws(ConfigError) -> DatasetConfig.Audio {
        var value = defaults
        let map = try section(node, path: "audio", allowed: ConfigKeys.audio)
        if let n = map["sample_rate"] { value.sampleRate = try integer(n, key: "audio.sample_rate", bounds: ConfigLimits.sampleRate) }
        if let n = map["tone_freq_range"] {
            value.toneFrequencyRange = try range(n, key: "audio.tone_freq_range", bounds: ConfigLimits.toneFrequency, example: defaults.toneFrequencyRange)
        }
        return value
    }

    private mutating func noise(_ node: Node, defaults: DatasetConfig.Noise) throws(ConfigError) -> DatasetConfig.Noise {
        var value = defaults
        let map = try section(node, path: "noise", allowed: ConfigKeys.noise)
        if let n = map["snr_range"] {
            value.snrRange = try range(n, key: "noise.snr_range", bounds: ConfigLimits.snr, example: defaults.snrRange)
        }
        if let n = map["qrm_interferers"] {
            value.qrmInterferers = try integerRange(n, key: "noise.qrm_interferers", bounds: ConfigLimits.qrmInterferers, example: defaults.qrmInterferers)
        }
        if let n = map["qrn_rate"] {
            value.qrnRate = try range(n, key: "noise.qrn_rate", bounds: ConfigLimits.qrnRate, example: defaults.qrnRate)
        }
        if let n = map["fading_rate"] {
            value.fadingRate = try range(n, key: "noise.fading_rate", bounds: ConfigLimits.fadingRate, example: defaults.fadingRate)
        }
        if let n = map["fading_depth"] {
            value.fadingDepth = try range(n, key: "noise.fading_depth", bounds: .fraction, example: defaults.fadingDepth)
        }
        if let n = map["drift_max"] {
            value.driftMax = try range(n, key: "noise.drift_max", bounds: ConfigLimits.driftMax, example: defaults.driftMax)
        }
        if let n = map["colours"] {
            value.colours = try names(n, key: "noise.colours", vocabulary: ConfigVocabulary.noiseColours, kind: "noise colour")
        }
        return value
    }

    private mutating func timing(_ node: Node, defaults: DatasetConfig.Timing) throws(ConfigError) -> DatasetConfig.Timing {
        var value = defaults
        let map = try section(node, path: "timing", allowed: ConfigKeys.timing)
        if let n = map["variation_percent"] {
            value.variationPercent = try range(n, key: "timing.variation_percent", bounds: ConfigLimits.variationPercent, example: defaults.variationPercent)
        }
        if let n = map["weight_ratio"] {
            if case .scalar = n {
                let ratio = try number(n, key: "timing.weight_ratio", bounds: ConfigLimits.weightRatio, expected: "a number like 3 or a range like [2.8, 3.2]")
                value.weightRatio = ratio...ratio
            } else {
                value.weightRatio = try range(n, key: "timing.weight_ratio", bounds: ConfigLimits.weightRatio, example: 2.8...3.2)
            }
        }
        return value
    }

    private mutating func compositionWeights(
        _ node: Node, defaults: DatasetConfig.CompositionWeights
    ) throws(ConfigError) -> DatasetConfig.CompositionWeights {
        var value = defaults
        let map = try section(node, path: "composition_weights", allowed: ConfigKeys.compositionWeights)
        if let n = map["countries"] {
            value.countries = try weights(n, key: "composition_weights.countries", vocabulary: ConfigVocabulary.countries, kind: "country")
        }
        if let n = map["sample_types"] {
            value.sampleTypes = try weights(n, key: "composition_weights.sample_types", vocabulary: ConfigVocabulary.sampleTypes, kind: "sample type")
        }
        return value
    }

    private mutating func callsigns(_ node: Node, defaults: DatasetConfig.Callsigns) throws(ConfigError) -> DatasetConfig.Callsigns {
        var value = defaults
        let map = try section(node, path: "callsigns", allowed: ConfigKeys.callsigns)
        if let n = map["include_portable"] { value.includePortable = try number(n, key: "callsigns.include_portable", bounds: .fraction) }
        if let n = map["include_special"] { value.includeSpecial = try number(n, key: "callsigns.include_special", bounds: .fraction) }
        return value
    }

    private mutating func prosigns(_ node: Node, defaults: DatasetConfig.Prosigns) throws(ConfigError) -> DatasetConfig.Prosigns {
        var value = defaults
        let map = try section(node, path: "prosigns", allowed: ConfigKeys.prosigns)
        if let n = map["use_abbreviations"] { value.useAbbreviations = try number(n, key: "prosigns.use_abbreviations", bounds: .fraction) }
        if let n = map["common_prosigns"] {
            value.commonProsigns = try names(n, key: "prosigns.common_prosigns", vocabulary: ConfigVocabulary.prosigns, kind: "prosign", allowEmpty: true)
        }
        return value
    }

    private mutating func advancedFeatures(
        _ node: Node, defaults: DatasetConfig.AdvancedFeatures
    ) throws(ConfigError) -> DatasetConfig.AdvancedFeatures {
        var value = defaults
        let map = try section(node, path: "advanced_features", allowed: ConfigKeys.advancedFeatures)
        if let n = map["multipath"] { value.multipath = try bool(n, key: "advanced_features.multipath") }
        if let n = map["multipath_delays"] {
            value.multipathDelays = try range(n, key: "advanced_features.multipath_delays", bounds: ConfigLimits.multipathDelay, example: defaults.multipathDelays)
        }
        if let n = map["agc_enabled"] { value.agcEnabled = try bool(n, key: "advanced_features.agc_enabled") }
        if let n = map["agc_attack"] { value.agcAttack = try number(n, key: "advanced_features.agc_attack", bounds: ConfigLimits.agcAttack) }
        if let n = map["agc_release"] { value.agcRelease = try number(n, key: "advanced_features.agc_release", bounds: ConfigLimits.agcRelease) }
        if let n = map["filter_types"] {
            value.filterTypes = try names(n, key: "advanced_features.filter_types", vocabulary: ConfigVocabulary.filterTypes, kind: "filter type")
        }
        if let n = map["fading_types"] {
            value.fadingTypes = try names(n, key: "advanced_features.fading_types", vocabulary: ConfigVocabulary.fadingTypes, kind: "fading type")
        }
        return value
    }

    private mutating func evaluation(_ node: Node, defaults: DatasetConfig.Evaluation) throws(ConfigError) -> DatasetConfig.Evaluation {
        var value = defaults
        let map = try section(node, path: "evaluation", allowed: ConfigKeys.evaluation)
        if let n = map["metrics"] {
            value.metrics = try names(n, key: "evaluation.metrics", vocabulary: ConfigVocabulary.metrics, kind: "metric", allowEmpty: true)
        }
        if let n = map["track_elements"] {
            value.trackElements = try names(n, key: "evaluation.track_elements", vocabulary: ConfigVocabulary.trackElements, kind: "tracked element", allowEmpty: true)
        }
        return value
    }

    private mutating func farnsworth(_ node: Node, defaults: DatasetConfig.Farnsworth) throws(ConfigError) -> DatasetConfig.Farnsworth {
        var value = defaults
        let map = try section(node, path: "farnsworth", allowed: ConfigKeys.farnsworth)
        if let n = map["probability"] { value.probability = try number(n, key: "farnsworth.probability", bounds: .fraction) }
        if let n = map["effective_ratio"] {
            value.effectiveRatio = try range(n, key: "farnsworth.effective_ratio", bounds: ConfigLimits.effectiveRatio, example: defaults.effectiveRatio)
        }
        return value
    }

    private mutating func durationBands(_ node: Node, key: String) throws(ConfigError) -> [DatasetConfig.DurationBand] {
        let example = "a list of bands like [{range: [3, 8], weight: 25}, {range: [8, 15], weight: 35}]"
        guard case .sequence(let list) = node else {
            throw .wrongType(location(node), key: key, value: written(node), expected: example)
        }
        if list.isEmpty { throw .emptyList(location(node), key: key, allowed: "give at least one band, e.g. - {range: [3, 8], weight: 25}") }
        var bands: [DatasetConfig.DurationBand] = []
        for (index, element) in list.enumerated() {
            let path = "\(key)[\(index)]"
            guard case .mapping = element else {
                throw .wrongType(location(element), key: path, value: written(element), expected: "a band like {range: [3, 8], weight: 25}")
            }
            let map = try section(element, path: path, allowed: ConfigKeys.durationBand)
            for required in ConfigKeys.durationBand where map[required] == nil {
                throw .invalid(location(element), key: path, value: written(element),
                               problem: "has no '\(required)'; write each band as {range: [3, 8], weight: 25}")
            }
            guard let rangeNode = map["range"], let weightNode = map["weight"] else { continue }
            let range = try range(rangeNode, key: path + ".range", bounds: ConfigLimits.duration, example: 3...8)
            let weight = try number(weightNode, key: path + ".weight", bounds: .weight)
            bands.append(.init(range: range, weight: weight))
        }
        if !bands.contains(where: { $0.weight > 0 }) {
            throw .invalid(location(node), key: key, value: text(node), problem: "has no weight above 0; give at least one band a weight above 0")
        }
        return bands
    }

    private mutating func keying(_ node: Node, defaults: DatasetConfig.Keying) throws(ConfigError) -> DatasetConfig.Keying {
        var value = defaults
        let map = try section(node, path: "keying", allowed: ConfigKeys.keying)
        if let n = map["rise_time_ms"] {
            value.riseTimeMs = try range(n, key: "keying.rise_time_ms", bounds: ConfigLimits.riseTime, example: defaults.riseTimeMs)
        }
        if let n = map["envelopes"] {
            value.envelopes = try names(n, key: "keying.envelopes", vocabulary: ConfigVocabulary.envelopes, kind: "envelope")
        }
        if let n = map["chirp_probability"] { value.chirpProbability = try number(n, key: "keying.chirp_probability", bounds: .fraction) }
        if let n = map["chirp_hz"] {
            value.chirpHz = try range(n, key: "keying.chirp_hz", bounds: ConfigLimits.chirp, example: defaults.chirpHz)
        }
        return value
    }

    private mutating func content(_ node: Node, defaults: DatasetConfig.Content) throws(ConfigError) -> DatasetConfig.Content {
        var value = defaults
        let map = try section(node, path: "content", allowed: ConfigKeys.content)
        if let n = map["cut_number_rate"] { value.cutNumberRate = try number(n, key: "content.cut_number_rate", bounds: .fraction) }
        if let n = map["plain_text_file"] { value.plainTextFile = try optionalPath(n, key: "content.plain_text_file") }
        return value
    }

    private mutating func output(_ node: Node, defaults: DatasetConfig.Output) throws(ConfigError) -> DatasetConfig.Output {
        var value = defaults
        let map = try section(node, path: "output", allowed: ConfigKeys.output)
        if let n = map["formats"] {
            value.formats = try names(n, key: "output.formats", vocabulary: ConfigVocabulary.outputFormats, kind: "output format")
        }
        if let n = map["audio_format"] {
            value.audioFormat = try name(n, key: "output.audio_format", vocabulary: ConfigVocabulary.audioFormats, kind: "audio format")
        }
        if let n = map["shard_size"] { value.shardSize = try integer(n, key: "output.shard_size", bounds: ConfigLimits.shardSize) }
        return value
    }

    // MARK: - Value readers

    /// The entries of a mapping by key, after rejecting keys not in `allowed`. A null section
    /// (`noise:` with nothing under it) has no entries.
    private mutating func section(_ node: Node, path: String, allowed: [String]) throws(ConfigError) -> [String: Node] {
        if isNull(node) { return [:] }
        guard case .mapping(let mapping) = node else {
            let expected = path.isEmpty ? "a mapping of keys at the top level, like 'wpm_range: [15, 40]'" : "a mapping of keys (\(allowed.joined(separator: ", ")))"
            throw .wrongType(location(node), key: path.isEmpty ? "(top level)" : path, value: written(node), expected: expected)
        }
        var entries: [String: Node] = [:]
        for (keyNode, valueNode) in mapping {
            let name = keyNode.scalar?.string ?? written(keyNode)
            let fullPath = path.isEmpty ? name : path + "." + name
            guard case .scalar = keyNode, allowed.contains(name) else {
                throw .unknownKey(location(keyNode), key: fullPath, suggestion: EditDistance.nearest(to: name, among: allowed), allowed: allowed)
            }
            if let line = keyNode.mark?.line { lines[fullPath] = line }
            entries[name] = valueNode
        }
        return entries
    }

    private func number(_ node: Node, key: String, bounds: ConfigBounds, expected: String? = nil) throws(ConfigError) -> Double {
        guard let value = numeric(node) else {
            let fallback = bounds.upper.isInfinite ? "a number like 10" : "a number from \(ConfigNumber.format(bounds.lower)) to \(ConfigNumber.format(bounds.upper))"
            throw .wrongType(location(node), key: key, value: written(node), expected: expected ?? fallback)
        }
        try check(value, node, key: key, bounds: bounds)
        return value
    }

    private func integer(_ node: Node, key: String, bounds: ConfigBounds) throws(ConfigError) -> Int {
        guard case .scalar = node, hasTag(node, .int), let value = node.int else {
            throw .wrongType(location(node), key: key, value: written(node),
                             expected: "a whole number from \(ConfigNumber.format(bounds.lower)) to \(ConfigNumber.format(bounds.upper))")
        }
        try check(Double(value), node, key: key, bounds: bounds)
        return value
    }

    private func range(_ node: Node, key: String, bounds: ConfigBounds, example: ClosedRange<Double>) throws(ConfigError) -> ClosedRange<Double> {
        let expected = "a list of two numbers like \(ConfigNumber.format(example))"
        let (first, second) = try pair(node, key: key, expected: expected)
        guard let lower = numeric(first) else { throw .wrongType(location(first), key: key, value: written(first), expected: expected) }
        guard let upper = numeric(second) else { throw .wrongType(location(second), key: key, value: written(second), expected: expected) }
        try check(lower, first, key: key, bounds: bounds)
        try check(upper, second, key: key, bounds: bounds)
        guard lower <= upper else {
            throw .invertedRange(location(node), key: key, first: text(first), second: text(second))
        }
        return lower...upper
    }

    private func integerRange(_ node: Node, key: String, bounds: ConfigBounds, example: ClosedRange<Int>) throws(ConfigError) -> ClosedRange<Int> {
        let expected = "a list of two whole numbers like [\(example.lowerBound), \(example.upperBound)]"
        let (first, second) = try pair(node, key: key, expected: expected)
        guard hasTag(first, .int), let lower = first.int else { throw .wrongType(location(first), key: key, value: written(first), expected: expected) }
        guard hasTag(second, .int), let upper = second.int else { throw .wrongType(location(second), key: key, value: written(second), expected: expected) }
        try check(Double(lower), first, key: key, bounds: bounds)
        try check(Double(upper), second, key: key, bounds: bounds)
        guard lower <= upper else {
            throw .invertedRange(location(node), key: key, first: text(first), second: text(second))
        }
        return lower...upper
    }

    private func pair(_ node: Node, key: String, expected: String) throws(ConfigError) -> (Node, Node) {
        guard case .sequence(let list) = node else {
            throw .wrongType(location(node), key: key, value: written(node), expected: expected)
        }
        if list.isEmpty { throw .emptyList(location(node), key: key, allowed: "write \(expected)") }
        guard list.count == 2 else { throw .wrongType(location(node), key: key, value: written(node), expected: expected) }
        return (list[0], list[1])
    }

    private func bool(_ node: Node, key: String) throws(ConfigError) -> Bool {
        guard case .scalar = node, hasTag(node, .bool), let value = node.bool else {
            throw .wrongType(location(node), key: key, value: written(node), expected: "true or false")
        }
        return value
    }

    private func seed(_ node: Node, key: String) throws(ConfigError) -> UInt64? {
        if isNull(node) { return nil }
        let expected = "a whole number from 0 to \(UInt64.max), or null"
        guard case .scalar(let scalar) = node, hasTag(node, .int) else {
            throw .wrongType(location(node), key: key, value: written(node), expected: expected)
        }
        if let value = node.int {
            guard value >= 0 else {
                throw .outOfBounds(location(node), key: key, value: scalar.string, problem: "is negative", allowed: "use a whole number from 0 to \(UInt64.max)")
            }
            return UInt64(value)
        }
        guard let value = UInt64(scalar.string.filter { $0 != "_" }) else {
            throw .outOfBounds(location(node), key: key, value: scalar.string, problem: "is too large", allowed: "use a whole number from 0 to \(UInt64.max)")
        }
        return value
    }

    private func optionalPath(_ node: Node, key: String) throws(ConfigError) -> String? {
        if isNull(node) { return nil }
        guard case .scalar(let scalar) = node, hasTag(node, .str) else {
            throw .wrongType(location(node), key: key, value: written(node), expected: "a file path like \"texts/plain.txt\", or null")
        }
        guard !scalar.string.isEmpty else {
            throw .invalid(location(node), key: key, value: "''", problem: "is an empty path; give a file path or null")
        }
        return scalar.string
    }

    /// A list of distinct names from `vocabulary`, in the order written.
    private func names(_ node: Node, key: String, vocabulary: [String], kind: String, allowEmpty: Bool = false) throws(ConfigError) -> [String] {
        let example = vocabulary.prefix(2).joined(separator: ", ")
        guard case .sequence(let list) = node else {
            throw .wrongType(location(node), key: key, value: written(node), expected: "a list of \(kind)s like [\(example)]")
        }
        if list.isEmpty, !allowEmpty {
            throw .emptyList(location(node), key: key, allowed: "list at least one of: \(vocabulary.joined(separator: ", "))")
        }
        var result: [String] = []
        for element in list {
            let value = try name(element, key: key, vocabulary: vocabulary, kind: kind)
            if result.contains(value) { throw .duplicateName(location(element), key: key, name: value) }
            result.append(value)
        }
        return result
    }

    private func name(_ node: Node, key: String, vocabulary: [String], kind: String) throws(ConfigError) -> String {
        guard case .scalar(let scalar) = node else {
            throw .wrongType(location(node), key: key, value: written(node), expected: "a \(kind), one of \(vocabulary.joined(separator: ", "))")
        }
        guard vocabulary.contains(scalar.string) else {
            throw .unknownName(location(node), key: key, name: scalar.string, kind: kind,
                               suggestion: EditDistance.nearest(to: scalar.string, among: vocabulary), known: vocabulary)
        }
        return scalar.string
    }

    /// A weights map over `vocabulary`: every name present, those not written get 0.
    private mutating func weights(_ node: Node, key: String, vocabulary: [String], kind: String) throws(ConfigError) -> [String: Double] {
        guard case .mapping = node else {
            throw .wrongType(location(node), key: key, value: written(node), expected: "a mapping of \(kind) weights like {\(vocabulary[0]): 30, \(vocabulary[1]): 10}")
        }
        let map = try section(node, path: key, allowed: vocabulary)
        var result: [String: Double] = [:]
        for name in vocabulary {
            result[name] = try map[name].map { (n: Node) throws(ConfigError) -> Double in try number(n, key: key + "." + name, bounds: .weight) } ?? 0
        }
        if !result.values.contains(where: { $0 > 0 }) {
            throw .invalid(location(node), key: key, value: text(node), problem: "has no weight above 0; give at least one \(kind) a weight above 0")
        }
        return result
    }

    // MARK: - Helpers

    private func check(_ value: Double, _ node: Node, key: String, bounds: ConfigBounds) throws(ConfigError) {
        guard bounds.contains(value) else {
            throw .outOfBounds(location(node), key: key, value: text(node), problem: bounds.problem(with: value), allowed: bounds.allowed)
        }
    }

    /// The value of an int or float scalar (quoted numbers and other types are not numbers).
    private func numeric(_ node: Node) -> Double? {
        guard case .scalar = node else { return nil }
        if hasTag(node, .int) { return node.int.map(Double.init) }
        if hasTag(node, .float) { return node.float }
        return nil
    }

    /// Whether the node's resolved tag is `tag` (plain `15` is int, quoted `"15"` is str).
    private func hasTag(_ node: Node, _ tag: Tag.Name) -> Bool {
        node.tag.rawValue == tag.rawValue
    }

    private func isNull(_ node: Node) -> Bool {
        if case .scalar = node, hasTag(node, .null) { return true }
        return false
    }

    private func location(_ node: Node) -> ConfigLocation {
        ConfigLocation(source: source, line: node.mark?.line)
    }

    /// A node as written, without quotes: `high`, `[40, 15]`, `{a: 1}`.
    private func text(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string
        case .sequence(let list): return "[" + list.map(text).joined(separator: ", ") + "]"
        case .mapping(let map): return "{" + map.map { "\(text($0.key)): \(text($0.value))" }.joined(separator: ", ") + "}"
        case .alias: return "*alias"
        }
    }

    /// A node as written, for "got …" in messages: scalars quoted, collections in flow style.
    private func written(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar) where hasTag(node, .null): return scalar.string.isEmpty ? "nothing (null)" : "'\(scalar.string)' (null)"
        case .scalar(let scalar) where scalar.style != .plain: return "'\(scalar.string)' (quoted, so text)"
        case .scalar(let scalar): return "'\(scalar.string)'"
        default: return text(node)
        }
    }

    /// Hides floating-point noise in a sum (0.8 + 0.1 + 0.2 prints as 1.1).
    private func roundedForDisplay(_ value: Double) -> Double {
        (value * 1e9).rounded() / 1e9
    }
}
