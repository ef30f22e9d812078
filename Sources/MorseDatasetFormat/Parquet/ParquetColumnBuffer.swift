/// One leaf column's levels and PLAIN-encoded values for the row group being built.
struct ParquetColumnBuffer {
    var repetition: [UInt8] = []
    var definition: [UInt8] = []
    /// Non-null values, PLAIN: little-endian 8-byte integers and doubles, 4-byte length then bytes
    /// for strings; booleans one bit each, least significant first (``booleanCount`` of them).
    var values: [UInt8] = []
    var booleanCount = 0

    /// Level entries so far: the page's and the column chunk's `num_values`.
    var count: Int { definition.count }

    /// A null (or absent, or empty-list) entry: levels only.
    mutating func appendLevels(repetition r: UInt8, definition d: UInt8) {
        repetition.append(r)
        definition.append(d)
    }

    mutating func append(int64 value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { values.append(contentsOf: $0) }
    }

    mutating func append(double value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { values.append(contentsOf: $0) }
    }

    mutating func append(string value: String) {
        let utf8 = value.utf8
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: utf8.count).littleEndian) { values.append(contentsOf: $0) }
        values.append(contentsOf: utf8)
    }

    mutating func append(bool value: Bool) {
        if booleanCount & 7 == 0 { values.append(0) }
        if value { values[values.count - 1] |= 1 << UInt8(booleanCount & 7) }
        booleanCount += 1
    }

    mutating func removeAll() {
        repetition.removeAll(keepingCapacity: true)
        definition.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        booleanCount = 0
    }
}

/// Dremel's record shredding: each row's nested value becomes, in every leaf column under it,
/// entries of (repetition level, definition level, value if not null).
///
/// The repetition level says at which list the entry starts a new element (0: a new row); the
/// definition level how many of the optional and repeated nodes on the path are there. For
/// `callsigns` (levels up to 3 and 1): `["A", "B"]` → (0, 3, A), (1, 3, B); `[]` → (0, 1);
/// null → (0, 0); `[""]` → (0, 3, "") with an empty string value.
struct ParquetShredder {
    let schema: ParquetSchema
    var buffers: [ParquetColumnBuffer]

    init(schema: ParquetSchema) {
        self.schema = schema
        buffers = Array(repeating: ParquetColumnBuffer(), count: schema.columns.count)
    }

    /// Adds one row: a value per top-level field, in schema order.
    mutating func append(row: [ParquetValue]) throws(ParquetError) {
        guard row.count == schema.fields.count else {
            throw .columnCount(expected: schema.fields.count, found: row.count)
        }
        // Check the whole row first, so a mismatch leaves no partial row in the columns.
        for (node, value) in zip(schema.fields, row) { try Self.check(node, value, path: node.name) }
        for (node, value) in zip(schema.fields, row) { shred(node, value, repetition: 0, definition: 0) }
    }

    /// Throws unless `value` has `node`'s shape (null allowed anywhere: every node is optional).
    static func check(_ node: ParquetSchema.Node, _ value: ParquetValue, path: String) throws(ParquetError) {
        switch (node.kind, value) {
        case (_, .null): return
        case (.leaf(.boolean), .bool), (.leaf(.int64), .int64), (.leaf(.uint64), .uint64), (.leaf(.double), .double),
            (.leaf(.string), .string):
            return
        case (.structure(let children), .record(let fields)) where children.count == fields.count:
            for (child, field) in zip(children, fields) { try check(child, field, path: path + "." + child.name) }
        case (.list(let element), .list(let items)):
            for item in items {
                for node in element { try check(node, item, path: path + "[]") }
            }
        default:
            throw .typeMismatch(column: path, expected: Self.shapeName(node), found: value.kindName)
        }
    }

    static func shapeName(_ node: ParquetSchema.Node) -> String {
        switch node.kind {
        case .leaf(.boolean): "a boolean"
        case .leaf(.int64): "an integer"
        case .leaf(.uint64): "an unsigned integer"
        case .leaf(.double): "a number"
        case .leaf(.string): "a string"
        case .structure(let children): "an object of \(children.count) keys"
        case .list: "a list"
        }
    }

    /// Writes `value` (already checked) under `node`, whose parent is defined to `definition`.
    mutating func shred(_ node: ParquetSchema.Node, _ value: ParquetValue, repetition: UInt8, definition: UInt8) {
        switch (node.kind, value) {
        case (_, .null):
            absent(node, repetition: repetition, definition: definition)
        case (.leaf, _):
            let column = node.columns.lowerBound
            buffers[column].appendLevels(repetition: repetition, definition: definition + 1)
            switch value {
            case .bool(let flag): buffers[column].append(bool: flag)
            case .int64(let number): buffers[column].append(int64: number)
            case .uint64(let number): buffers[column].append(int64: Int64(bitPattern: number))
            case .double(let number): buffers[column].append(double: number)
            case .string(let text): buffers[column].append(string: text)
            default: break
            }
        case (.structure(let children), .record(let fields)):
            for (child, field) in zip(children, fields) {
                shred(child, field, repetition: repetition, definition: definition + 1)
            }
        case (.list(let element), .list(let items)):
            // The list is there (+1); an empty one stops at that level.
            guard !items.isEmpty else {
                absent(node, repetition: repetition, definition: definition + 1)
                return
            }
            for (index, item) in items.enumerated() {
                // The first element continues the enclosing level; the others repeat this list.
                let level = index == 0 ? repetition : node.elementRepetition
                for child in element { shred(child, item, repetition: level, definition: definition + 2) }
            }
        default:
            break  // excluded by check(_:_:path:)
        }
    }

    /// A node that is null (or a list with no elements): one levels-only entry in each leaf under it.
    mutating func absent(_ node: ParquetSchema.Node, repetition: UInt8, definition: UInt8) {
        for column in node.columns { buffers[column].appendLevels(repetition: repetition, definition: definition) }
    }

    mutating func removeAll() {
        for index in buffers.indices { buffers[index].removeAll() }
    }
}
