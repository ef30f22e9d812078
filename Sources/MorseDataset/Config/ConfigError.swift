/// Where in a config a problem is: the source's name (a file path or "config") and, when known,
/// the 1-based YAML line.
public struct ConfigLocation: Sendable, Hashable, CustomStringConvertible {
    /// The config's name in messages: its file path, or "config" for a string.
    public var source: String
    /// 1-based line of the offending node, when the problem came from YAML text.
    public var line: Int?

    /// Creates a location.
    public init(source: String, line: Int? = nil) {
        self.source = source
        self.line = line
    }

    /// `source:line`, or `source` when the line is unknown.
    public var description: String { line.map { "\(source):\($0)" } ?? source }
}

/// A config that cannot be used, with the key path, the value as written and what is allowed.
///
/// `description` is the message for the user, e.g.
/// `config:12: unknown key 'nosie'; did you mean 'noise'? Allowed keys here: seed, contest_types, …`.
public enum ConfigError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The config file could not be read.
    case unreadableFile(path: String, reason: String)
    /// The text is not valid YAML; `line` and `column` are 1-based.
    case syntax(source: String, line: Int, column: Int, problem: String)
    /// A key that is not allowed at its level. `key` is the full path; `suggestion` the nearest allowed key.
    case unknownKey(ConfigLocation, key: String, suggestion: String?, allowed: [String])
    /// A value of the wrong YAML type; `expected` says what is allowed (with an example).
    case wrongType(ConfigLocation, key: String, value: String, expected: String)
    /// A number outside its allowed interval; `problem` says which side, `allowed` the valid values.
    case outOfBounds(ConfigLocation, key: String, value: String, problem: String, allowed: String)
    /// A range written `[hi, lo]`.
    case invertedRange(ConfigLocation, key: String, first: String, second: String)
    /// A list that must not be empty is empty.
    case emptyList(ConfigLocation, key: String, allowed: String)
    /// A name not in the key's vocabulary; `kind` names what it should be ("condition").
    case unknownName(ConfigLocation, key: String, name: String, kind: String, suggestion: String?, known: [String])
    /// A name listed twice.
    case duplicateName(ConfigLocation, key: String, name: String)
    /// `split_ratios` that do not sum to 1.
    case ratiosDoNotSumToOne(ConfigLocation, key: String, values: String, sum: String)
    /// A document whose aliases (`*name`) expand to more than `limit` values.
    case tooLarge(ConfigLocation, limit: Int)
    /// Any other rule, including the cross-field checks; `problem` holds the rule and the fix.
    case invalid(ConfigLocation, key: String, value: String, problem: String)

    /// The message for the user.
    public var description: String {
        switch self {
        case let .unreadableFile(path, reason):
            return "cannot read config file '\(path)': \(reason)"
        case let .syntax(source, line, column, problem):
            return "\(source):\(line):\(column): invalid YAML: \(problem)"
        case let .unknownKey(location, key, suggestion, allowed):
            let parts = key.split(separator: ".", omittingEmptySubsequences: false)
            let section = parts.count > 1 ? parts.dropLast().joined(separator: ".") : nil
            let hint = suggestion.map { "; did you mean '\($0)'?" } ?? "."
            let here = section.map { "Allowed keys in '\($0)'" } ?? "Allowed keys here"
            return "\(location): unknown key '\(key)'\(hint) \(here): \(allowed.joined(separator: ", "))"
        case let .wrongType(location, key, value, expected):
            return "\(location): \(key): expected \(expected), got \(value)"
        case let .outOfBounds(location, key, value, problem, allowed):
            return "\(location): \(key): \(value) \(problem); \(allowed)"
        case let .invertedRange(location, key, first, second):
            return
                "\(location): \(key): [\(first), \(second)] is inverted; write the lower bound first, e.g. [\(second), \(first)]"
        case let .emptyList(location, key, allowed):
            return "\(location): \(key): the list is empty; \(allowed)"
        case let .unknownName(location, key, name, kind, suggestion, known):
            let hint = suggestion.map { "; did you mean '\($0)'?" } ?? "."
            return "\(location): \(key): unknown \(kind) '\(name)'\(hint) Known: \(known.joined(separator: ", "))"
        case let .duplicateName(location, key, name):
            return "\(location): \(key): '\(name)' is listed twice; list each name once"
        case let .ratiosDoNotSumToOne(location, key, values, sum):
            return "\(location): \(key): \(values) sum to \(sum); they must sum to 1"
        case let .tooLarge(location, limit):
            return
                "\(location): the YAML expands to more than \(limit) values through its aliases (*name); a config needs a few hundred at most, so write the values out instead of nesting aliases"
        case let .invalid(location, key, value, problem):
            return "\(location): \(key): \(value) \(problem)"
        }
    }
}
