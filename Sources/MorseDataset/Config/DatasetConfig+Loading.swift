import Foundation
import MorseChannel
import Yams

extension DatasetConfig {
    /// Reads a config from YAML text; keys that are absent keep their ``defaults``.
    ///
    /// Empty text (or only comments) gives the defaults. Every key is checked: unknown keys at any
    /// level, values of the wrong type, empty or inverted ranges, out-of-range numbers, unknown
    /// names, ratios that do not sum to 1 and the cross-field rules of ``validated()``.
    /// - Parameters:
    ///   - yaml: the YAML text.
    ///   - source: the config's name in error messages (a file path, or "config").
    ///   - baseDirectory: folder that a relative `content.plain_text_file` is resolved against;
    ///     `nil` leaves relative paths as written.
    ///   - profile: the defaults absent keys take; `nil` = the config's `profile:` key, else
    ///     ``ConfigProfile/coverage``.
    /// A `content.plain_text_file` must name a readable file. A config that gives
    /// `noise.snr_range` without `noise.snr_distribution` gets ``SNRDistribution/preset``, the
    /// meaning `noise.snr_range` had before the coverage defaults.
    /// - Throws: the first ``ConfigError`` found, naming the key, the value and what is allowed.
    public static func load(
        yaml: String, source: String = "config", relativeTo baseDirectory: String? = nil, profile: ConfigProfile? = nil
    ) throws(ConfigError) -> DatasetConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw syntaxError(error, source: source, yaml: yaml)
        }
        guard let root else { return try defaults(for: profile ?? .coverage).validated(source: source, lines: [:]) }
        try checkSize(root, source: source)
        // The profile picks the base before any key is read; a misspelt name is reported by the
        // parser below, which reads `profile` like every other key.
        let written = root["profile"]?.string.flatMap(ConfigProfile.init(rawValue:))
        let chosen = profile ?? written ?? .coverage
        var parser = ConfigParser(source: source)
        var config = try parser.parse(root, into: defaults(for: chosen))
        config.profile = chosen
        if parser.lines["noise.snr_range"] != nil && parser.lines["noise.snr_distribution"] == nil {
            config.noise.snrDistribution = .preset
        }
        if let path = config.content.plainTextFile, let baseDirectory, !path.hasPrefix("/") {
            config.content.plainTextFile =
                URL(fileURLWithPath: baseDirectory, isDirectory: true)
                .appendingPathComponent(path).standardizedFileURL.path
        }
        config = try config.validated(source: source, lines: parser.lines)
        if let path = config.content.plainTextFile, !FileManager.default.isReadableFile(atPath: path) {
            throw .invalid(
                ConfigLocation(source: source, line: parser.lines["content.plain_text_file"]),
                key: "content.plain_text_file", value: "'\(ConfigEcho.clipped(path))'",
                problem:
                    "is not a readable file; give the path of a UTF-8 text file (relative to the config file's folder) or null"
            )
        }
        return config
    }

    /// Reads a config file; a relative `content.plain_text_file` in it is resolved against the
    /// file's folder.
    /// - Parameter path: the YAML file.
    /// - Throws: ``ConfigError/unreadableFile(path:reason:)`` naming the path when it cannot be
    ///   read, otherwise as ``load(yaml:source:relativeTo:)``.
    public static func load(contentsOf path: String, profile: ConfigProfile? = nil) throws(ConfigError) -> DatasetConfig
    {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadableFile(path: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw .unreadableFile(path: path, reason: "it is a folder, not a YAML file") }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadableFile(path: path, reason: error.localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadableFile(path: path, reason: "it is not UTF-8 text")
        }
        return try load(yaml: text, source: path, relativeTo: url.deletingLastPathComponent().path, profile: profile)
    }

    /// The most values (scalars, lists, mappings) a config may hold once its aliases are expanded.
    /// A full effective config has about 130; the budget stops "billion laughs" documents, whose
    /// few hundred bytes of nested aliases expand to billions of values, before anything walks them.
    static let nodeBudget = 10_000

    /// Counts the values of `root` as aliases expand them, stopping at ``nodeBudget``.
    private static func checkSize(_ root: Node, source: String) throws(ConfigError) {
        var remaining = nodeBudget
        var stack = [root]
        while let node = stack.popLast() {
            remaining -= 1
            if remaining < 0 {
                throw .tooLarge(ConfigLocation(source: source, line: node.mark?.line), limit: nodeBudget)
            }
            switch node {
            case .sequence(let list): stack.append(contentsOf: list)
            case .mapping(let map):
                for (key, value) in map {
                    stack.append(key)
                    stack.append(value)
                }
            case .scalar, .alias: break
            }
        }
    }

    /// Turns a Yams error into a ``ConfigError/syntax(source:line:column:problem:)``.
    private static func syntaxError(_ error: any Error, source: String, yaml: String) -> ConfigError {
        guard let yamlError = error as? YamlError else {
            return .syntax(source: source, line: 1, column: 1, problem: "\(error)")
        }
        switch yamlError {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let detail =
                context.map { "\(problem) (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? problem
            return .syntax(source: source, line: mark.line, column: mark.column, problem: detail)
        case let .duplicatedKeysInMapping(duplicates, context):
            let line = duplicates.first.flatMap { secondLine(of: $0, in: yaml, mappingStart: context.mark) }
            return .syntax(
                source: source, line: line ?? context.mark.line, column: context.mark.column,
                problem:
                    "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping; give each key once"
            )
        case let .reader(problem, _, _, _):
            return .syntax(source: source, line: 1, column: 1, problem: problem)
        default:
            return .syntax(source: source, line: 1, column: 1, problem: "\(yamlError)")
        }
    }

    /// The line of the second `key:` at the indentation of the block mapping that starts at
    /// `mappingStart`, i.e. where a duplicated key is repeated; `nil` if not found.
    private static func secondLine(of key: String, in yaml: String, mappingStart: Mark) -> Int? {
        let indent = String(repeating: " ", count: mappingStart.column - 1)
        var found = 0
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where index + 1 >= mappingStart.line {
            guard line.hasPrefix(indent) else { continue }
            let rest = line.dropFirst(indent.count)
            guard rest.hasPrefix(key) else { continue }
            let after = rest.dropFirst(key.count).drop { $0 == " " }
            guard after.hasPrefix(":") else { continue }
            found += 1
            if found == 2 { return index + 1 }
        }
        return nil
    }
}
