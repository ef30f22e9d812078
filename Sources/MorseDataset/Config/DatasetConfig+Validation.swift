extension DatasetConfig {
    /// Checks every value and the rules between keys, and returns the config with every weights
    /// map completed (names missing from a map get weight 0).
    ///
    /// ``load(yaml:source:relativeTo:)`` runs this too; call it after changing fields in code.
    /// Each key is checked as ``ConfigSchema`` describes it, then the rules of ``ConfigRules``.
    /// - Throws: the first ``ConfigError`` found.
    public func validated() throws(ConfigError) -> DatasetConfig {
        try validated(source: "config", lines: [:])
    }

    /// ``validated()`` with the YAML lines of the keys, so that messages can point at them.
    func validated(source: String, lines: [String: Int]) throws(ConfigError) -> DatasetConfig {
        let checker = ConfigChecker(source: source, lines: lines)
        var config = self
        for key in ConfigSchema.keys { try key.check(&config, checker) }
        try ConfigRules.check(config, checker)
        return config
    }
}

/// Value checks on a built config, with locations looked up from the keys' YAML lines.
struct ConfigChecker {
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
            throw .outOfBounds(
                location(key), key: key, value: ConfigNumber.format(value), problem: bounds.problem(with: value),
                allowed: bounds.allowed)
        }
    }

    func range(_ key: String, _ range: ClosedRange<Double>, _ bounds: ConfigBounds) throws(ConfigError) {
        try value(key, range.lowerBound, bounds)
        try value(key, range.upperBound, bounds)
    }

    /// Names of `N` that a config may use (``ConfigName/configNames``), each once.
    func names<N: ConfigName>(_ key: String, _ names: [N], allowEmpty: Bool = false) throws(ConfigError) {
        if names.isEmpty, !allowEmpty {
            throw .emptyList(
                location(key), key: key, allowed: "list at least one of: \(N.spellings.joined(separator: ", "))")
        }
        var seen: Set<N> = []
        for name in names {
            guard N.configNames.contains(name) else {
                throw .unknownName(
                    location(key), key: key, name: name.rawValue, kind: N.configKind,
                    suggestion: EditDistance.nearest(to: name.rawValue, among: N.spellings), known: N.spellings)
            }
            guard seen.insert(name).inserted else { throw .duplicateName(location(key), key: key, name: name.rawValue) }
        }
    }

    func splitRatios(_ key: String, _ ratios: DatasetConfig.SplitRatios) throws(ConfigError) {
        let values = [ratios.train, ratios.validation, ratios.test]
        for value in values { try self.value(key, value, .fraction) }
        let written = "[" + values.map(ConfigNumber.format).joined(separator: ", ") + "]"
        try Self.ratioSum(ratios, key: key, written: written, train: location(key), whole: location(key))
    }

    /// The train fraction is above 0 and the fractions sum to 1; `written` is how messages show them.
    static func ratioSum(
        _ ratios: DatasetConfig.SplitRatios, key: String, written: String, train: ConfigLocation, whole: ConfigLocation
    ) throws(ConfigError) {
        if ratios.train <= 0 {
            throw .invalid(
                train, key: key, value: written,
                problem: "has a train fraction of 0; the train split must get some clips, e.g. [0.8, 0.1, 0.1]")
        }
        let sum = ratios.train + ratios.validation + ratios.test
        if abs(sum - 1) > ConfigRules.ratioSumTolerance {
            // Hides floating-point noise: 0.8 + 0.1 + 0.2 prints as 1.1.
            throw .ratiosDoNotSumToOne(
                whole, key: key, values: written, sum: ConfigNumber.format((sum * 1e9).rounded() / 1e9))
        }
    }

    /// Checks a weights map and returns it with every name of `N` present.
    func weights<N: ConfigName>(_ key: String, _ weights: [N: Double]) throws(ConfigError) -> [N: Double] {
        for name in weights.keys.map(\.rawValue).sorted() where !N.spellings.contains(name) {
            throw .unknownKey(
                location(key), key: key + "." + name, suggestion: EditDistance.nearest(to: name, among: N.spellings),
                allowed: N.spellings)
        }
        var complete: [N: Double] = [:]
        for name in N.configNames {
            let weight = weights[name] ?? 0
            try value(key + "." + name.rawValue, weight, .weight)
            complete[name] = weight
        }
        if !complete.values.contains(where: { $0 > 0 }) {
            throw .invalid(
                location(key), key: key, value: "every weight is 0,",
                problem: "so nothing can be drawn; give at least one \(N.configKind) a weight above 0")
        }
        return complete
    }

    func durationBands(_ key: String, _ bands: [DatasetConfig.DurationBand], _ bounds: ConfigBounds) throws(ConfigError)
    {
        if bands.isEmpty {
            throw .emptyList(
                location(key), key: key, allowed: "give at least one band, e.g. - {range: [3, 8], weight: 25}")
        }
        for (index, band) in bands.enumerated() {
            try range("\(key)[\(index)].range", band.range, bounds)
            try value("\(key)[\(index)].weight", band.weight, .weight)
        }
        if !bands.contains(where: { $0.weight > 0 }) {
            throw .invalid(
                location(key), key: key, value: "every band's weight is 0,",
                problem: "so no duration can be drawn; give at least one band a weight above 0")
        }
    }
}
