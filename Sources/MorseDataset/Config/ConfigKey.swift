import Yams

/// One config key, described once: where it is in the YAML, where it lives in ``DatasetConfig``,
/// how it is read, checked, written and documented. ``ConfigSchema/keys`` lists them all in
/// canonical order; the parser, the checks, the effective YAML and docs/config.md all walk it.
// Not Sendable: key paths are not; the table is built once and only read.
struct ConfigKey {
    /// Dotted YAML path, `noise.snr_range`; top-level keys have no dot.
    let path: String
    /// Whether the reference's `contest_cw.yaml` has the key (the first table of docs/config.md).
    let reference: Bool
    /// Docs columns: the value's type, what is allowed and what the key does.
    let type: String
    let allowed: String
    let doc: String
    /// The default as docs/config.md shows it, rendered from ``DatasetConfig/defaults``.
    let documentedDefault: (DatasetConfig) -> String
    /// Reads the key's YAML node into the config.
    let read: (Node, inout DatasetConfig, inout ConfigParser) throws(ConfigError) -> Void
    /// Checks the key's value in a config built in code, normalising it (weights maps completed).
    let check: (inout DatasetConfig, ConfigChecker) throws(ConfigError) -> Void
    /// The key's value in the effective YAML.
    let write: (DatasetConfig) -> ConfigText

    /// The section the key is in (`noise`), or nil at the top level.
    var section: String? { path.firstIndex(of: ".").map { String(path[..<$0]) } }
    /// The key's name in its section (`snr_range`).
    var name: String { path.firstIndex(of: ".").map { String(path[path.index(after: $0)...]) } ?? path }
}

/// A key's value in the effective YAML: on the key's line, or as lines below it.
enum ConfigText {
    case inline(String)
    case block([String])
}

extension ConfigKey {
    /// A key whose value of type `V` sits at `keyPath`; the kinds below fill in the rest.
    static func value<V>(
        _ path: String, _ keyPath: WritableKeyPath<DatasetConfig, V>, reference: Bool,
        type: String, allowed: String, doc: String,
        read: @escaping (Node, inout ConfigParser) throws(ConfigError) -> V,
        check: @escaping (V, ConfigChecker) throws(ConfigError) -> V,
        text: @escaping (V) -> ConfigText,
        documented: ((V) -> String)? = nil
    ) -> ConfigKey {
        ConfigKey(
            path: path, reference: reference, type: type, allowed: allowed, doc: doc,
            documentedDefault: { config in
                let value = config[keyPath: keyPath]
                if let documented { return documented(value) }
                if case .inline(let written) = text(value) { return "`\(written)`" }
                return ""
            },
            read: { (node, config, parser) throws(ConfigError) in config[keyPath: keyPath] = try read(node, &parser) },
            check: { (config, checker) throws(ConfigError) in
                config[keyPath: keyPath] = try check(config[keyPath: keyPath], checker)
            },
            write: { text($0[keyPath: keyPath]) })
    }

    /// A number within `bounds`.
    static func number(
        _ path: String, _ keyPath: WritableKeyPath<DatasetConfig, Double>, _ bounds: ConfigBounds,
        reference: Bool = true, doc: String
    ) -> ConfigKey {
        value(
            path, keyPath, reference: reference, type: "number" + bounds.unitColumn, allowed: bounds.documented,
            doc: doc,
            read: { (node, parser) throws(ConfigError) in try parser.number(node, key: path, bounds: bounds) },
            check: { (value, checker) throws(ConfigError) in
                try checker.value(path, value, bounds); return value
            },
            text: { .inline(ConfigNumber.format($0)) })
    }

    /// A whole number within `bounds`.
    static func integer(
        _ path: String, _ keyPath: WritableKeyPath<DatasetConfig, Int>, _ bounds: ConfigBounds,
        reference: Bool = true, doc: String
    ) -> ConfigKey {
        value(
            path, keyPath, reference: reference, type: "whole number" + bounds.unitColumn, allowed: bounds.documented,
            doc: doc,
            read: { (node, parser) throws(ConfigError) in try parser.integer(node, key: path, bounds: bounds) },
            check: { (value, checker) throws(ConfigError) in
                try checker.value(path, Double(value), bounds); return value
            },
            text: { .inline(String($0)) })
    }

    /// A `[lo, hi]` range with both ends within `bounds`; messages show the default as the example.
    static func range(
        _ path: String, _ keyPath: WritableKeyPath<DatasetConfig, ClosedRange<Double>>, _ bounds: ConfigBounds,
        reference: Bool = true, allowed: String? = nil, doc: String
    ) -> ConfigKey {
        let example = DatasetConfig.defaults[keyPath: keyPath]
        return value(
            path, keyPath, reference: reference, type: "range" + bounds.unitColumn,
            allowed: allowed ?? bounds.documented, doc: doc,
            read: { (node, parser) throws(ConfigError) in
                try parser.range(node, key: path, bounds: bounds, example: example)
            },
            check: { (value, checker) throws(ConfigError) in
                try checker.range(path, value, bounds); return value
            },
            text: { .inline(ConfigNumber.format($0)) })
    }

    /// A `[lo, hi]` range of whole numbers within `bounds`.
    static func integerRange(
        _ path: String, _ keyPath: WritableKeyPath<DatasetConfig, ClosedRange<Int>>, _ bounds: ConfigBounds,
        reference: Bool = true, doc: String
    ) -> ConfigKey {
        let example = DatasetConfig.defaults[keyPath: keyPath]
        return value(
            path, keyPath, reference: reference, type: "whole-number range", allowed: bounds.documented, doc: doc,
            read: { (node, parser) throws(ConfigError) in
                try parser.integerRange(node, key: path, bounds: bounds, example: example)
            },
            check: { (value, checker) throws(ConfigError) in
                try checker.range(path, Double(value.lowerBound)...Double(value.upperBound), bounds)
                return value
            },
            text: { .inline("[\($0.lowerBound), \($0.upperBound)]") })
    }

    /// `true` or `false`.
    static func flag(
        _ path: String, _ keyPath: WritableKeyPath<DatasetConfig, Bool>, reference: Bool = true, doc: String
    ) -> ConfigKey {
        value(
            path, keyPath, reference: reference, type: "boolean", allowed: "`true` `false`", doc: doc,
            read: { (node, parser) throws(ConfigError) in try parser.bool(node, key: path) },
            check: { (value, _) in value },
            text: { .inline(String($0)) })
    }

    /// A list of distinct names of `N`, in the order written.
    static func names<N: ConfigName>(
        _ path: String, _ keyPath: WritableKeyPath<DatasetConfig, [N]>, allowEmpty: Bool = false,
        reference: Bool = true, doc: String
    ) -> ConfigKey {
        value(
            path, keyPath, reference: reference, type: allowEmpty ? "name list, may be empty" : "name list",
            allowed: N.spellings.map { "`\($0)`" }.joined(separator: " "), doc: doc,
            read: { (node, parser) throws(ConfigError) in try parser.names(node, key: path, allowEmpty: allowEmpty) },
            check: { (value, checker) throws(ConfigError) in
                try checker.names(path, value, allowEmpty: allowEmpty); return value
            },
            text: { .inline("[" + $0.map(\.rawValue).joined(separator: ", ") + "]") })
    }

    /// One name of `N`.
    static func name<N: ConfigName>(
        _ path: String, _ keyPath: WritableKeyPath<DatasetConfig, N>, reference: Bool = true, doc: String
    ) -> ConfigKey {
        value(
            path, keyPath, reference: reference, type: "name",
            allowed: N.spellings.map { "`\($0)`" }.joined(separator: " "), doc: doc,
            read: { (node, parser) throws(ConfigError) in try parser.name(node, key: path) },
            check: { (value, checker) throws(ConfigError) in
                try checker.names(path, [value]); return value
            },
            text: { .inline($0.rawValue) })
    }

    /// A weights map over the names of `N`: names left out get 0, at least one is above 0.
    static func weights<N: ConfigName>(
        _ path: String, _ keyPath: WritableKeyPath<DatasetConfig, [N: Double]>, reference: Bool = true,
        allowed: String? = nil, doc: String
    ) -> ConfigKey {
        value(
            path, keyPath, reference: reference, type: "weight map",
            allowed: allowed
                ?? (N.spellings.map { "`\($0)`" }.joined(separator: " ")
                    + ", each \(ConfigBounds.weight.documented), one above 0"),
            doc: doc,
            read: { (node, parser) throws(ConfigError) in try parser.weights(node, key: path) },
            check: { (value, checker) throws(ConfigError) in try checker.weights(path, value) },
            text: { weights in .block(N.configNames.map { "\($0.rawValue): \(ConfigNumber.format(weights[$0] ?? 0))" })
            },
            documented: { weights in
                N.configNames.map { "\($0.rawValue) \(ConfigNumber.format(weights[$0] ?? 0))" }.joined(separator: ", ")
            })
    }
}

extension ConfigBounds {
    /// The unit as the docs' type column ends: ", Hz"; nothing for plain numbers.
    var unitColumn: String { unit.isEmpty ? "" : ", " + unit }
}
