/// Encodes rows into a Parquet file, one row group at a time, without touching the file system:
/// the caller writes ``magic`` first, then every chunk ``append(_:)`` and ``finish()`` return, in order.
///
/// What it writes, and nothing more: data page v1, PLAIN values, RLE / bit-packed hybrid levels,
/// no compression, no dictionary, no statistics, one page per column chunk. Memory is bounded by
/// the row group: it is encoded and handed back after ``rowGroupRows`` rows (or once its values
/// pass ``rowGroupBytes``), so a million rows need no more than a few thousand.
public struct ParquetWriter {
    /// A Parquet file starts and ends with these four bytes.
    public static let magic: [UInt8] = Array("PAR1".utf8)

    public let schema: ParquetSchema
    /// Key-value metadata of the footer (pyarrow reads it as the Arrow schema's metadata).
    public let metadata: [(key: String, value: String)]
    public let rowGroupRows: Int
    public let rowGroupBytes: Int

    private var shredder: ParquetShredder
    private var rowsInGroup = 0
    private var totalRows = 0
    /// Bytes handed back so far, counting ``magic``: the file offset of the next chunk.
    private var offset = magic.count
    /// Each finished row group's `RowGroup` struct for the footer.
    private var rowGroups: [[UInt8]] = []

    public init(
        schema: ParquetSchema, metadata: [(key: String, value: String)] = [], rowGroupRows: Int = 4096,
        rowGroupBytes: Int = 32 << 20
    ) {
        self.schema = schema
        self.metadata = metadata
        self.rowGroupRows = max(1, rowGroupRows)
        self.rowGroupBytes = max(1, rowGroupBytes)
        shredder = ParquetShredder(schema: schema)
    }

    /// Adds a row (a value per field, in schema order); returns the bytes of a finished row group
    /// to write next, or none.
    public mutating func append(_ row: [ParquetValue]) throws(ParquetError) -> [UInt8] {
        try shredder.append(row: row)
        rowsInGroup += 1
        guard rowsInGroup >= rowGroupRows || bufferedBytes >= rowGroupBytes else { return [] }
        return flushRowGroup()
    }

    /// The last row group and the footer: the file's final bytes.
    public mutating func finish() -> [UInt8] {
        var out = flushRowGroup()
        let footer = footerBytes()
        out += footer
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: footer.count).littleEndian) { out.append(contentsOf: $0) }
        out += Self.magic
        offset += out.count
        return out
    }

    /// Rows added so far.
    public var rowCount: Int { totalRows + rowsInGroup }

    private var bufferedBytes: Int {
        shredder.buffers.reduce(0) { $0 + $1.values.count + 2 * $1.count }
    }

    /// The row group built so far, one column chunk (one data page) per leaf column.
    private mutating func flushRowGroup() -> [UInt8] {
        guard rowsInGroup > 0 else { return [] }
        let start = offset
        var out: [UInt8] = []
        var chunks = ThriftCompactWriter()
        chunks.beginList(1, of: .structure, count: schema.columns.count)
        for (column, buffer) in zip(schema.columns, shredder.buffers) {
            let pageOffset = start + out.count
            let page = Self.pageData(buffer, column: column)
            var header = ThriftCompactWriter()
            header.field(1, i32: 0)  // DATA_PAGE
            header.field(2, i32: Int32(truncatingIfNeeded: page.count))
            header.field(3, i32: Int32(truncatingIfNeeded: page.count))
            header.beginStruct(5)  // DataPageHeader
            header.field(1, i32: Int32(truncatingIfNeeded: buffer.count))
            header.field(2, i32: 0)  // PLAIN
            header.field(3, i32: 3)  // definition levels: RLE
            header.field(4, i32: 3)  // repetition levels: RLE
            header.endStruct()
            header.endStruct()
            out += header.bytes
            out += page
            let size = Int64(header.bytes.count + page.count)
            chunks.beginElement()  // ColumnChunk
            chunks.field(2, i64: Int64(pageOffset))
            chunks.beginStruct(3)  // ColumnMetaData
            chunks.field(1, i32: column.type.rawValue)
            chunks.beginList(2, of: .i32, count: 2)
            chunks.element(i32: 0)  // PLAIN
            chunks.element(i32: 3)  // RLE
            chunks.beginList(3, of: .binary, count: column.path.count)
            for name in column.path { chunks.element(string: name) }
            chunks.field(4, i32: 0)  // UNCOMPRESSED
            chunks.field(5, i64: Int64(buffer.count))
            chunks.field(6, i64: size)
            chunks.field(7, i64: size)
            chunks.field(9, i64: Int64(pageOffset))
            chunks.endStruct()
            chunks.endStruct()
        }
        var group = chunks
        group.field(2, i64: Int64(out.count))
        group.field(3, i64: Int64(rowsInGroup))
        group.field(5, i64: Int64(start))
        group.field(6, i64: Int64(out.count))
        group.endStruct()
        rowGroups.append(group.bytes)
        totalRows += rowsInGroup
        rowsInGroup = 0
        shredder.removeAll()
        offset += out.count
        return out
    }

    /// Repetition levels (when the column has any), definition levels, each with its 4-byte
    /// length, then the values.
    static func pageData(_ buffer: ParquetColumnBuffer, column: ParquetSchema.Column) -> [UInt8] {
        var page: [UInt8] = []
        page.reserveCapacity(buffer.values.count + buffer.count / 2 + 16)
        for (levels, maxLevel) in [
            (buffer.repetition, column.maxRepetition), (buffer.definition, column.maxDefinition),
        ]
        where maxLevel > 0 {
            let encoded = ParquetLevels.encode(
                levels, bitWidth: ParquetLevels.bitWidth(maxLevel: Int(maxLevel)))
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: encoded.count).littleEndian) { page.append(contentsOf: $0) }
            page += encoded
        }
        page += buffer.values
        return page
    }

    /// `FileMetaData`: version, schema, row count, row groups, key-value metadata, writer.
    private func footerBytes() -> [UInt8] {
        var out = ThriftCompactWriter()
        out.field(1, i32: 1)
        schema.writeElements(&out)
        out.field(3, i64: Int64(totalRows))
        out.beginList(4, of: .structure, count: rowGroups.count)
        var bytes = out.bytes
        for group in rowGroups { bytes += group }
        // The row groups were encoded on their own; carry on after field 4.
        var tail = ThriftCompactWriter(lastFieldID: 4)
        if !metadata.isEmpty {
            tail.beginList(5, of: .structure, count: metadata.count)
            for entry in metadata {
                tail.beginElement()
                tail.field(1, string: entry.key)
                tail.field(2, string: entry.value)
                tail.endStruct()
            }
        }
        tail.field(6, string: "morse-dataset")
        tail.endStruct()
        return bytes + tail.bytes
    }
}
