/// The key tables of docs/config.md, rendered from ``ConfigSchema`` so the page cannot drift from
/// the code. `ConfigDocsTests` fails when the page differs; `MORSE_UPDATE_DOCS=1 swift test
/// --filter ConfigDocsTests` rewrites it.
enum ConfigDocs {
    /// The page with every generated block replaced by what the schema renders now. A block runs
    /// from `<!-- generated: NAME -->` to `<!-- end generated -->`; NAME is one of ``blocks``.
    static func render(_ page: String) -> String {
        var out: [Substring] = []
        var skipping = false
        for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
            if skipping {
                guard line == endMarker else { continue }
                skipping = false
            }
            out.append(line)
            if let name = blockName(line), let body = blocks[name] {
                out.append(contentsOf: body.split(separator: "\n", omittingEmptySubsequences: false))
                skipping = true
            }
        }
        return out.joined(separator: "\n")
    }

    static let endMarker = "<!-- end generated -->"

    /// The generated blocks by name.
    static var blocks: [String: String] {
        [
            "reference keys": table(ConfigSchema.keys.filter(\.reference)),
            "our keys": table(ConfigSchema.keys.filter { !$0.reference }),
            "default config": "```yaml\n" + DatasetConfig.defaults.yaml + "```",
        ]
    }

    private static func blockName(_ line: Substring) -> String? {
        let prefix = "<!-- generated: ", suffix = " -->"
        guard line.hasPrefix(prefix), line.hasSuffix(suffix) else { return nil }
        return String(line.dropFirst(prefix.count).dropLast(suffix.count))
    }

    private static func table(_ keys: [ConfigKey]) -> String {
        var rows = ["| Key | Type | Allowed | Default | What it does |", "| --- | --- | --- | --- | --- |"]
        for key in keys {
            rows.append(
                "| `\(key.path)` | \(key.type) | \(key.allowed) | \(key.documentedDefault(.defaults)) | \(key.doc) |")
        }
        return rows.joined(separator: "\n")
    }
}
