import MorseDatasetFormat

/// Builds one JSON object as text with keys in the order written, so manifests are byte-stable.
///
/// Numbers are written with a fixed number of decimals where the caller says so; strings are
/// escaped per RFC 8259.
public struct JSONObject: Sendable {
    private(set) var text = "{"
    private var first = true
    /// The keys written; the others are skipped (a clip record's `stream --fields`).
    private let keys: RecordKeys

    public init() { keys = .all }

    /// An empty object whose text has room for `capacity` bytes, writing only the keys in `keys`.
    public init(capacity: Int, keeping keys: RecordKeys = .all) {
        self.keys = keys
        text.reserveCapacity(capacity)
    }

    /// Whether a value added under `name` is written; check it before working out a costly value.
    public func keeps(_ name: String) -> Bool { keys.contains(name: name) }

    /// Writes the key `name` and returns true, or returns false if `name` is not kept.
    private mutating func key(_ name: String) -> Bool {
        guard keys.kept == nil || keys.contains(name: name) else { return false }
        if !first { text += ", " }
        first = false
        JSONObject.appendQuoted(name, to: &text)
        text += ": "
        return true
    }

    public mutating func add(_ name: String, _ value: String) {
        guard key(name) else { return }
        JSONObject.appendQuoted(value, to: &text)
    }
    public mutating func add(_ name: String, _ value: Int) {
        guard key(name) else { return }
        text += String(value)
    }
    public mutating func add(_ name: String, _ value: UInt64) {
        guard key(name) else { return }
        text += String(value)
    }
    public mutating func add(_ name: String, _ value: Bool) {
        guard key(name) else { return }
        text += value ? "true" : "false"
    }
    /// A number rounded to `decimals` places, always with a decimal point (`30.0`), so readers that
    /// infer types (pyarrow, pandas) see a float in every row.
    public mutating func add(_ name: String, _ value: Double, decimals: Int = 6) {
        guard key(name) else { return }
        text += NumberFormat.float(value, places: decimals)
    }
    public mutating func add(_ name: String, _ value: Double?, decimals: Int = 6) {
        guard key(name) else { return }
        if let value { text += NumberFormat.float(value, places: decimals) } else { text += "null" }
    }
    public mutating func add(_ name: String, strings: [String]) {
        guard key(name) else { return }
        text += "["
        for (index, string) in strings.enumerated() {
            if index > 0 { text += ", " }
            JSONObject.appendQuoted(string, to: &text)
        }
        text += "]"
    }
    public mutating func add(_ name: String, numbers: [Double], decimals: Int = 6) {
        guard key(name) else { return }
        text += "[" + numbers.map { NumberFormat.float($0, places: decimals) }.joined(separator: ", ") + "]"
    }
    /// Inserts already-encoded JSON (an object or array) as the value.
    public mutating func add(_ name: String, raw: String) {
        guard key(name) else { return }
        text += raw
    }
    public mutating func add(_ name: String, object: JSONObject) {
        guard key(name) else { return }
        text += object.text
        text += "}"
    }

    /// The finished object.
    public var encoded: String { text + "}" }

    /// `value` as a JSON string literal.
    public static func quoted(_ value: String) -> String {
        var out = ""
        appendQuoted(value, to: &out)
        return out
    }

    /// Appends `value` as a JSON string literal to `out`.
    public static func appendQuoted(_ value: String, to out: inout String) {
        // Fast path: nothing to escape (no quote, backslash or control character; UTF-8 bytes
        // of non-ASCII characters are all ≥ 0x80 and pass unchanged either way).
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x7F }) {
            out += "\""
            out += value
            out += "\""
            return
        }
        out += escaped(value)
    }

    /// `value` quoted with its quotes, backslashes and control characters escaped (the record
    /// escapes whole JSON texts: `channel`, `exchanges`).
    private static func escaped(_ value: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count + value.utf8.count / 4 + 8)
        appendQuoted(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `value` as a JSON string literal to `out`, as UTF-8 bytes, escaped byte by byte:
    /// every byte of a multi-byte UTF-8 character is ≥ 0x80, so those pass unchanged as their
    /// characters would. For text built as bytes (a String append costs hundreds of instructions).
    static func appendQuoted(_ value: String, to out: inout [UInt8]) {
        func hex(_ digit: UInt8) -> UInt8 { digit < 10 ? 0x30 + digit : 0x61 - 10 + digit }
        out.append(0x22)
        for byte in value.utf8 {
            switch byte {
            case 0x22, 0x5C:  // \" and \\
                out.append(0x5C)
                out.append(byte)
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20, 0x7F:
                // \u00XX with lower-case hex digits.
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex(byte >> 4), hex(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}
