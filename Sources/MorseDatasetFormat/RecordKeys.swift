/// Which keys a clip's record holds: all of them (`generate`'s records, the default) or a chosen
/// few (`stream --fields text,duration`), always in ``ClipField``'s order.
///
/// A stream reader that needs only a few keys asks for them, and the clip maker then skips the
/// work behind the others (label times, the WAV checksum, the JSON of the lists); the audio is the
/// same either way.
public struct RecordKeys: Sendable, Hashable {
    /// The keys kept; nil keeps every key.
    public let kept: Set<ClipField>?

    /// Every key: the full record.
    public static let all = RecordKeys(kept: nil)

    private init(kept: Set<ClipField>?) { self.kept = kept }

    /// Only `fields` (at least one).
    public init(_ fields: some Sequence<ClipField>) { kept = Set(fields) }

    /// Whether the record holds `field`.
    @inline(__always)
    public func contains(_ field: ClipField) -> Bool { kept?.contains(field) ?? true }

    /// Whether the record holds the key named `name` (a ``ClipField`` raw value).
    public func contains(name: String) -> Bool {
        guard let kept else { return true }
        return ClipField(rawValue: name).map(kept.contains) ?? false
    }

    /// Whether any of `fields` is kept.
    public func containsAny(_ fields: [ClipField]) -> Bool { fields.contains(where: contains) }

    /// The keys of a comma-separated list such as `text,duration` (spaces around names ignored).
    /// - Throws: a message naming the first name that is not a record key, with the keys there are.
    public init(parsing list: String) throws(RecordKeysError) {
        let names = list.split(separator: ",", omittingEmptySubsequences: false).map(Self.trimmed)
        guard names.contains(where: { !$0.isEmpty }) else { throw .empty }
        var fields: [ClipField] = []
        for name in names where !name.isEmpty {
            guard let field = ClipField(rawValue: name) else { throw .unknown(Self.printable(name)) }
            fields.append(field)
        }
        self.init(fields)
    }

    /// At most 64 characters of `name`, control characters shown as `?`, for an error message.
    private static func printable(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars.prefix(64) {
            out.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0x7F ? "?" : scalar)
        }
        return out
    }

    /// `name` without spaces or tabs around it (this module has no Foundation).
    private static func trimmed(_ name: Substring) -> String {
        var view = name
        while let first = view.first, first == " " || first == "\t" { view = view.dropFirst() }
        while let last = view.last, last == " " || last == "\t" { view = view.dropLast() }
        return String(view)
    }
}

/// Why a list of record keys was refused.
public enum RecordKeysError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case unknown(String)

    public var description: String {
        let keys = ClipField.allCases.map(\.rawValue).joined(separator: ", ")
        switch self {
        case .empty: return "no record key given; name one or more of: \(keys)"
        case .unknown(let name): return "'\(name)' is not a record key; use any of: \(keys)"
        }
    }
}
