/// Apache Thrift's compact protocol, write side only: what Parquet's page headers and file footer
/// are encoded in (parquet-format's `parquet.thrift`).
///
/// Fields must be written in increasing id order within each struct (the protocol stores the
/// difference from the previous id); ``beginStruct(_:)`` and ``endStruct()`` keep one last id per
/// nesting level. Lists are announced with their element type and count, then their elements
/// follow with no field headers.
struct ThriftCompactWriter {
    /// The compact protocol's type codes (`TType` in the compact spec).
    enum FieldType: UInt8 {
        case booleanTrue = 1, booleanFalse = 2, byte = 3, i16 = 4, i32 = 5, i64 = 6, double = 7, binary = 8
        case list = 9, set = 10, map = 11, structure = 12
    }

    private(set) var bytes: [UInt8] = []
    private var lastFieldID: [Int16] = [0]

    init() {}

    /// A writer that continues an outermost struct whose fields up to `lastFieldID` were
    /// encoded elsewhere (the footer's row groups, encoded as each one was finished).
    init(lastFieldID: Int16) { self.lastFieldID = [lastFieldID] }

    // MARK: Fields

    mutating func field(_ id: Int16, i32 value: Int32) {
        header(id, .i32)
        Self.appendVarint(UInt64(Self.zigzag(Int64(value))), to: &bytes)
    }

    mutating func field(_ id: Int16, byte value: Int8) {
        header(id, .byte)
        bytes.append(UInt8(bitPattern: value))
    }

    mutating func field(_ id: Int16, i64 value: Int64) {
        header(id, .i64)
        Self.appendVarint(Self.zigzag(value), to: &bytes)
    }

    mutating func field(_ id: Int16, string value: String) {
        header(id, .binary)
        appendBinary(Array(value.utf8))
    }

    /// A boolean field: its value is the field header's type code, with no byte after it.
    mutating func field(_ id: Int16, bool value: Bool) {
        header(id, value ? .booleanTrue : .booleanFalse)
    }

    /// Starts a struct field; its fields follow, then ``endStruct()``.
    mutating func beginStruct(_ id: Int16) {
        header(id, .structure)
        lastFieldID.append(0)
    }

    /// Ends the innermost struct (a struct field's, a list element's or the outermost).
    mutating func endStruct() {
        bytes.append(0)  // STOP
        if lastFieldID.count > 1 { lastFieldID.removeLast() }
    }

    /// Starts a list field of `count` elements of `type`; write the elements next.
    mutating func beginList(_ id: Int16, of type: FieldType, count: Int) {
        header(id, .list)
        if count < 15 {
            bytes.append(UInt8(count) << 4 | type.rawValue)
        } else {
            bytes.append(0xF0 | type.rawValue)
            Self.appendVarint(UInt64(count), to: &bytes)
        }
    }

    // MARK: List elements

    /// Starts a struct element of a list; end it with ``endStruct()``.
    mutating func beginElement() { lastFieldID.append(0) }

    mutating func element(i32 value: Int32) { Self.appendVarint(Self.zigzag(Int64(value)), to: &bytes) }

    mutating func element(string value: String) { appendBinary(Array(value.utf8)) }

    // MARK: Encoding

    /// A field header: the id as a 4-bit delta from the previous field's when it fits, else the
    /// type alone followed by the id as a zigzag varint.
    private mutating func header(_ id: Int16, _ type: FieldType) {
        let last = lastFieldID[lastFieldID.count - 1]
        let delta = Int(id) - Int(last)
        if delta > 0 && delta <= 15 {
            bytes.append(UInt8(delta) << 4 | type.rawValue)
        } else {
            bytes.append(type.rawValue)
            Self.appendVarint(Self.zigzag(Int64(id)), to: &bytes)
        }
        lastFieldID[lastFieldID.count - 1] = id
    }

    private mutating func appendBinary(_ value: [UInt8]) {
        Self.appendVarint(UInt64(value.count), to: &bytes)
        bytes.append(contentsOf: value)
    }

    /// ZigZag: signed to unsigned with small magnitudes small (0 → 0, −1 → 1, 1 → 2, −2 → 3).
    static func zigzag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }

    /// ULEB128: seven bits a byte, least significant first, the high bit set on all but the last.
    static func appendVarint(_ value: UInt64, to out: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        out.append(UInt8(rest))
    }
}
