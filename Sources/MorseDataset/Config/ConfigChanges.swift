import Foundation

/// The keys whose values differ between two effective configs (as written into a dataset's
/// `.morse-dataset/config.yaml`), so a refused resume can say what changed, not just that the
/// fingerprint did.
enum ConfigChanges {
    /// `wpm_range: [15, 40] → [20, 30]`, one entry per changed key path, in file order.
    static func between(stored: String, requested: String) -> [String] {
        let old = values(stored), new = values(requested)
        var changes: [String] = []
        for (key, value) in new.entries where old.map[key] != value {
            changes.append("\(key): \(old.map[key] ?? "(none)") → \(value)")
        }
        for (key, value) in old.entries where new.map[key] == nil { changes.append("\(key): \(value) → (none)") }
        return changes
    }

    /// Key path → value of every leaf line of an effective config (two-space indents; list items
    /// are numbered: `duration_bands[1]`).
    static func values(_ yaml: String) -> (entries: [(String, String)], map: [String: String]) {
        var entries: [(String, String)] = []
        var path: [String] = []
        var items: [String: Int] = [:]
        for raw in yaml.split(separator: "\n") {
            let line = String(raw)
            let trimmed = line.drop { $0 == " " }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let depth = (line.count - trimmed.count) / 2
            path = Array(path.prefix(depth))
            if trimmed.hasPrefix("- ") {
                let parent = path.joined(separator: ".")
                let number = items[parent, default: 0]
                items[parent] = number + 1
                entries.append((parent + "[\(number)]", String(trimmed.dropFirst(2))))
                continue
            }
            guard let colon = trimmed.firstIndex(of: ":") else { continue }
            let key = String(trimmed[..<colon])
            let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            path.append(key)
            if !value.isEmpty { entries.append((path.joined(separator: "."), value)) }
        }
        return (entries, Dictionary(entries, uniquingKeysWith: { first, _ in first }))
    }
}
