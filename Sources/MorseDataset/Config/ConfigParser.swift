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

    /// Reads every key of ``ConfigSchema/keys`` present in `root`, in canonical order; each section
    /// is checked for unknown keys when its first key is reached.
    mutating func parse(_ root: Node, into defaults: DatasetConfig) throws(ConfigError) -> DatasetConfig {
        var config = defaults
        let top = try section(root, path: "", allowed: ConfigSchema.topLevelNames)
        var sections: [String: [String: Node]] = [:]
        for key in ConfigSchema.keys {
            var node = top[key.path]
            if let name = key.section {
                guard let sectionNode = top[name] else { continue }
                if sections[name] == nil {
                    sections[name] = try section(sectionNode, path: name, allowed: ConfigSchema.names(in: name))
                }
                node = sections[name]?[key.name]
            }
            if let node { try key.read(node, &config, &self) }
        }
        return config
    }

    // MARK: - Keys with a shape of their own

    mutating func splitRatios(_ node: Node, key: String) throws(ConfigError) -> DatasetConfig.SplitRatios {
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
        let ratios = DatasetConfig.SplitRatios(train: values[0], validation: values[1], test: values[2])
        try ConfigChecker.ratioSum(
            ratios, key: key, written: written(node), train: location(list[0]), whole: location(node))
        return ratios
    }

    mutating func durationBands(_ node: Node, key: String, bounds: ConfigBounds) throws(ConfigError) -> [DatasetConfig
        .DurationBand]
    {
        let example = "a list of bands like [{range: [3, 8], weight: 25}, {range: [8, 15], weight: 35}]"
        guard case .sequence(let list) = node else {
            throw .wrongType(location(node), key: key, value: written(node), expected: example)
        }
        if list.isEmpty {
            throw .emptyList(
                location(node), key: key, allowed: "give at least one band, e.g. - {range: [3, 8], weight: 25}")
        }
        let fields = ["range", "weight"]
        var bands: [DatasetConfig.DurationBand] = []
        for (index, element) in list.enumerated() {
            let path = "\(key)[\(index)]"
            guard case .mapping = element else {
                throw .wrongType(
                    location(element), key: path, value: written(element),
                    expected: "a band like {range: [3, 8], weight: 25}")
            }
            let map = try section(element, path: path, allowed: fields)
            for required in fields where map[required] == nil {
                throw .invalid(
                    location(element), key: path, value: written(element),
                    problem: "has no '\(required)'; write each band as {range: [3, 8], weight: 25}")
            }
            guard let rangeNode = map["range"], let weightNode = map["weight"] else { continue }
            let range = try range(rangeNode, key: path + ".range", bounds: bounds, example: 3...8)
            let weight = try number(weightNode, key: path + ".weight", bounds: .weight, expected: "a number like 10")
            bands.append(.init(range: range, weight: weight))
        }
        if !bands.contains(where: { $0.weight > 0 }) {
            throw .invalid(
                location(node), key: key, value: text(node),
                problem: "has no weight above 0; give at least one band a weight above 0")
        }
        return bands
    }

    // MARK: - Value readers

    /// The entries of a mapping by key, after rejecting keys not in `allowed`. A null section
    /// (`noise:` with nothing under it) has no entries.
    mutating func section(_ node: Node, path: String, allowed: [String]) throws(ConfigError) -> [String: Node] {
        if isNull(node) { return [:] }
        guard case .mapping(let mapping) = node else {
            let expected =
                path.isEmpty
                ? "a mapping of keys at the top level, like 'wpm_range: [15, 40]'"
                : "a mapping of keys (\(allowed.joined(separator: ", ")))"
            throw .wrongType(
                location(node), key: path.isEmpty ? "(top level)" : path, value: written(node), expected: expected)
        }
        var entries: [String: Node] = [:]
        for (keyNode, valueNode) in mapping {
            let name = keyNode.scalar?.string ?? written(keyNode)
            let fullPath = path.isEmpty ? name : path + "." + name
            guard case .scalar = keyNode, allowed.contains(name) else {
                let shown = ConfigEcho.clipped(fullPath)
                throw .unknownKey(
                    location(keyNode), key: shown, suggestion: EditDistance.nearest(to: name, among: allowed),
                    allowed: allowed)
            }
            if let line = keyNode.mark?.line { lines[fullPath] = line }
            entries[name] = valueNode
        }
        return entries
    }

    func number(_ node: Node, key: String, bounds: ConfigBounds, expected: String? = nil) throws(ConfigError) -> Double
    {
        guard let value = numeric(node) else {
            let fallback =
                bounds.upper.isInfinite
                ? "a number like 10"
                : "a number from \(ConfigNumber.format(bounds.lower)) to \(ConfigNumber.format(bounds.upper))"
            throw .wrongType(location(node), key: key, value: written(node), expected: expected ?? fallback)
        }
        try check(value, node, key: key, bounds: bounds)
        return value
    }

    func integer(_ node: Node, key: String, bounds: ConfigBounds) throws(ConfigError) -> Int {
        guard case .scalar = node, hasTag(node, .int), let value = node.int else {
            throw .wrongType(
                location(node), key: key, value: written(node),
                expected:
                    "a whole number from \(ConfigNumber.format(bounds.lower)) to \(ConfigNumber.format(bounds.upper))")
        }
        try check(Double(value), node, key: key, bounds: bounds)
        return value
    }

    func range(_ node: Node, key: String, bounds: ConfigBounds, example: ClosedRange<Double>) throws(ConfigError)
        -> ClosedRange<Double>
    {
        let expected = "a list of two numbers like \(ConfigNumber.format(example))"
        let (first, second) = try pair(node, key: key, expected: expected)
        guard let lower = numeric(first) else {
            throw .wrongType(location(first), key: key, value: written(first), expected: expected)
        }
        guard let upper = numeric(second) else {
            throw .wrongType(location(second), key: key, value: written(second), expected: expected)
        }
        try check(lower, first, key: key, bounds: bounds)
        try check(upper, second, key: key, bounds: bounds)
        guard lower <= upper else {
            throw .invertedRange(location(node), key: key, first: text(first), second: text(second))
        }
        return lower...upper
    }

    func integerRange(_ node: Node, key: String, bounds: ConfigBounds, example: ClosedRange<Int>) throws(ConfigError)
        -> ClosedRange<Int>
    {
        let expected = "a list of two whole numbers like [\(example.lowerBound), \(example.upperBound)]"
        let (first, second) = try pair(node, key: key, expected: expected)
        guard hasTag(first, .int), let lower = first.int else {
            throw .wrongType(location(first), key: key, value: written(first), expected: expected)
        }
        guard hasTag(second, .int), let upper = second.int else {
            throw .wrongType(location(second), key: key, value: written(second), expected: expected)
        }
        try check(Double(lower), first, key: key, bounds: bounds)
        try check(Double(upper), second, key: key, bounds: bounds)
        guard lower <= upper else {
            throw .invertedRange(location(node), key: key, first: text(first), second: text(second))
        }
        return lower...upper
    }

    func pair(_ node: Node, key: String, expected: String) throws(ConfigError) -> (Node, Node) {
        guard case .sequence(let list) = node else {
            throw .wrongType(location(node), key: key, value: written(node), expected: expected)
        }
        if list.isEmpty { throw .emptyList(location(node), key: key, allowed: "write \(expected)") }
        guard list.count == 2 else {
            throw .wrongType(location(node), key: key, value: written(node), expected: expected)
        }
        return (list[0], list[1])
    }

    func bool(_ node: Node, key: String) throws(ConfigError) -> Bool {
        guard case .scalar = node, hasTag(node, .bool), let value = node.bool else {
            throw .wrongType(location(node), key: key, value: written(node), expected: "true or false")
        }
        return value
    }

    func seed(_ node: Node, key: String) throws(ConfigError) -> UInt64? {
        if isNull(node) { return nil }
        let expected = "a whole number from 0 to \(UInt64.max), or null"
        guard case .scalar(let scalar) = node, hasTag(node, .int) else {
            throw .wrongType(location(node), key: key, value: written(node), expected: expected)
        }
        if let value = node.int {
            guard value >= 0 else {
                throw .outOfBounds(
                    location(node), key: key, value: ConfigEcho.clipped(scalar.string), problem: "is negative",
                    allowed: "use a whole number from 0 to \(UInt64.max)")
            }
            return UInt64(value)
        }
        guard let value = UInt64(scalar.string.filter { $0 != "_" }) else {
            throw .outOfBounds(
                location(node), key: key, value: ConfigEcho.clipped(scalar.string), problem: "is too large",
                allowed: "use a whole number from 0 to \(UInt64.max)")
        }
        return value
    }

    func optionalPath(_ node: Node, key: String) throws(ConfigError) -> String? {
        if isNull(node) { return nil }
        guard case .scalar(let scalar) = node, hasTag(node, .str) else {
            throw .wrongType(
                location(node), key: key, value: written(node),
                expected: "a file path like \"texts/plain.txt\", or null")
        }
        guard !scalar.string.isEmpty else {
            throw .invalid(location(node), key: key, value: "''", problem: "is an empty path; give a file path or null")
        }
        return scalar.string
    }

    /// A list of distinct names of `N`, in the order written.
    func names<N: ConfigName>(_ node: Node, key: String, allowEmpty: Bool = false) throws(ConfigError) -> [N] {
        let vocabulary = N.spellings
        let example = vocabulary.prefix(2).joined(separator: ", ")
        guard case .sequence(let list) = node else {
            throw .wrongType(
                location(node), key: key, value: written(node), expected: "a list of \(N.configKind)s like [\(example)]"
            )
        }
        if list.isEmpty, !allowEmpty {
            throw .emptyList(
                location(node), key: key, allowed: "list at least one of: \(vocabulary.joined(separator: ", "))")
        }
        var result: [N] = []
        for element in list {
            let value: N = try name(element, key: key)
            if result.contains(value) { throw .duplicateName(location(element), key: key, name: value.rawValue) }
            result.append(value)
        }
        return result
    }

    /// One name of `N`.
    func name<N: ConfigName>(_ node: Node, key: String) throws(ConfigError) -> N {
        let vocabulary = N.spellings
        guard case .scalar(let scalar) = node else {
            throw .wrongType(
                location(node), key: key, value: written(node),
                expected: "a \(N.configKind), one of \(vocabulary.joined(separator: ", "))")
        }
        guard let value = N.configNames.first(where: { $0.rawValue == scalar.string }) else {
            throw .unknownName(
                location(node), key: key, name: ConfigEcho.clipped(scalar.string), kind: N.configKind,
                suggestion: EditDistance.nearest(to: scalar.string, among: vocabulary), known: vocabulary)
        }
        return value
    }

    /// A weights map over the names of `N`: every name present, those not written get 0.
    mutating func weights<N: ConfigName>(_ node: Node, key: String) throws(ConfigError) -> [N: Double] {
        let vocabulary = N.spellings
        guard case .mapping = node else {
            throw .wrongType(
                location(node), key: key, value: written(node),
                expected: "a mapping of \(N.configKind) weights like {\(vocabulary[0]): 30, \(vocabulary[1]): 10}")
        }
        let map = try section(node, path: key, allowed: vocabulary)
        var result: [N: Double] = [:]
        for name in N.configNames {
            result[name] =
                try map[name.rawValue].map { (n: Node) throws(ConfigError) -> Double in
                    try number(n, key: key + "." + name.rawValue, bounds: .weight, expected: "a number like 10")
                } ?? 0
        }
        if !result.values.contains(where: { $0 > 0 }) {
            throw .invalid(
                location(node), key: key, value: text(node),
                problem: "has no weight above 0; give at least one \(N.configKind) a weight above 0")
        }
        return result
    }

    // MARK: - Helpers

    private func check(_ value: Double, _ node: Node, key: String, bounds: ConfigBounds) throws(ConfigError) {
        guard bounds.contains(value) else {
            throw .outOfBounds(
                location(node), key: key, value: text(node), problem: bounds.problem(with: value),
                allowed: bounds.allowed)
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

    func location(_ node: Node) -> ConfigLocation {
        ConfigLocation(source: source, line: node.mark?.line)
    }

    /// A node as written, without quotes: `high`, `[40, 15]`, `{a: 1}`; cut to about 80
    /// characters with control characters escaped (see ``ConfigEcho``).
    func text(_ node: Node) -> String {
        var out = ""
        flow(node, into: &out)
        return ConfigEcho.clipped(out)
    }

    /// Appends `node` in flow style, stopping once the text is longer than a message shows.
    private func flow(_ node: Node, into out: inout String) {
        guard out.unicodeScalars.count <= ConfigEcho.limit else { return }
        switch node {
        case .scalar(let scalar): out += scalar.string
        case .sequence(let list):
            out += "["
            for (index, element) in list.enumerated() {
                if index > 0 { out += ", " }
                flow(element, into: &out)
                if out.unicodeScalars.count > ConfigEcho.limit { return }
            }
            out += "]"
        case .mapping(let map):
            out += "{"
            for (index, pair) in map.enumerated() {
                if index > 0 { out += ", " }
                flow(pair.key, into: &out)
                out += ": "
                flow(pair.value, into: &out)
                if out.unicodeScalars.count > ConfigEcho.limit { return }
            }
            out += "}"
        case .alias: out += "*alias"
        }
    }

    /// A node as written, for "got …" in messages: scalars quoted, collections in flow style.
    func written(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar) where hasTag(node, .null):
            return scalar.string.isEmpty ? "nothing (null)" : "'\(ConfigEcho.clipped(scalar.string))' (null)"
        case .scalar(let scalar) where scalar.style != .plain:
            return "'\(ConfigEcho.clipped(scalar.string))' (quoted, so text)"
        case .scalar(let scalar): return "'\(ConfigEcho.clipped(scalar.string))'"
        default: return text(node)
        }
    }

}

/// Values echoed in messages: a config may hold anything, so what a message repeats of it is cut
/// to about 80 characters, with control characters (ESC, newlines) written as `\u{1B}`, so a
/// message stays one readable line and cannot drive the terminal.
enum ConfigEcho {
    static let limit = 80

    static func clipped(_ text: String) -> String {
        var out = ""
        var length = 0
        var cut: String?
        for scalar in text.unicodeScalars {
            let piece =
                scalar.properties.generalCategory == .control
                ? "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                : String(scalar)
            if cut == nil, length + piece.unicodeScalars.count > limit - 1 { cut = out }
            out += piece
            length += piece.unicodeScalars.count
            if length > limit { return (cut ?? out) + "…" }
        }
        return out
    }
}
