/// The keys whose values have a shape of their own; the common kinds are in ConfigKey.swift.
extension ConfigKey {
    /// `seed`: a whole number, or null to let the CLI choose.
    static func seed(_ path: String, reference: Bool, doc: String) -> ConfigKey {
        value(
            path, \.seed, reference: reference, type: "whole number or `null`", allowed: "0 … 2⁶⁴ − 1", doc: doc,
            read: { (node, parser) throws(ConfigError) in try parser.seed(node, key: path) },
            check: { (value, _) in value },
            text: { .inline($0.map { String($0) } ?? "null") })
    }

    /// `split_ratios: [train, validation, test]`: fractions summing to 1, train above 0.
    static func splitRatios(_ path: String, doc: String) -> ConfigKey {
        value(
            path, \.splitRatios, reference: true, type: "`[train, validation, test]`",
            allowed: "each 0 … 1, train > 0, sum 1 (±1e-6)", doc: doc,
            read: { (node, parser) throws(ConfigError) in try parser.splitRatios(node, key: path) },
            check: { (value, checker) throws(ConfigError) in
                try checker.splitRatios(path, value); return value
            },
            text: {
                .inline(
                    "[" + [$0.train, $0.validation, $0.test].map(ConfigNumber.format).joined(separator: ", ") + "]")
            })
    }

    /// `timing.weight_ratio`: a number (a fixed ratio) or a range.
    static func weightRatio(_ path: String, _ bounds: ConfigBounds, doc: String) -> ConfigKey {
        value(
            path, \.timing.weightRatio, reference: true, type: "number or range", allowed: bounds.documented, doc: doc,
            read: { (node, parser) throws(ConfigError) in
                if case .scalar = node {
                    let ratio = try parser.number(
                        node, key: path, bounds: bounds, expected: "a number like 3 or a range like [2.8, 3.2]")
                    return ratio...ratio
                }
                return try parser.range(node, key: path, bounds: bounds, example: 2.8...3.2)
            },
            check: { (value, checker) throws(ConfigError) in
                try checker.range(path, value, bounds); return value
            },
            text: {
                .inline($0.lowerBound == $0.upperBound ? ConfigNumber.format($0.lowerBound) : ConfigNumber.format($0))
            })
    }

    /// `duration_bands`: a non-empty list of `{range, weight}`, at least one weight above 0.
    static func durationBands(_ path: String, _ bounds: ConfigBounds, doc: String) -> ConfigKey {
        value(
            path, \.durationBands, reference: false, type: "list of `{range: [lo, hi], weight: w}`",
            allowed:
                "range in \(bounds.documented)\(bounds.unit.isEmpty ? "" : " " + bounds.unit), weight \(ConfigBounds.weight.documented), one above 0, at least one band",
            doc: doc,
            read: { (node, parser) throws(ConfigError) in try parser.durationBands(node, key: path, bounds: bounds) },
            check: { (value, checker) throws(ConfigError) in
                try checker.durationBands(path, value, bounds); return value
            },
            text: { bands in
                .block(
                    bands.map {
                        "- {range: \(ConfigNumber.format($0.range)), weight: \(ConfigNumber.format($0.weight))}"
                    })
            },
            documented: { bands in
                bands.map { "`\(ConfigNumber.format($0.range))` \(ConfigNumber.format($0.weight))" }.joined(
                    separator: ", ")
            })
    }

    /// A file path, or null.
    static func filePath(
        _ path: String, _ keyPath: WritableKeyPath<DatasetConfig, String?>, reference: Bool, doc: String
    ) -> ConfigKey {
        value(
            path, keyPath, reference: reference, type: "path or `null`", allowed: "a readable UTF-8 text file",
            doc: doc,
            read: { (node, parser) throws(ConfigError) in try parser.optionalPath(node, key: path) },
            check: { (value, checker) throws(ConfigError) in
                if value?.isEmpty == true {
                    throw .invalid(
                        checker.location(path), key: path, value: "''",
                        problem: "is an empty path; give a file path or null")
                }
                return value
            },
            text: { .inline($0.map(JSONObject.quoted) ?? "null") })
    }
}
