import Foundation
import Testing

@testable import MorseDataset
@testable import MorseDatasetFormat

/// The pieces of the Parquet writer behind `audio/{split}/metadata.parquet`, each against vectors
/// worked out by hand from the Thrift compact protocol and parquet-format specifications.
struct ParquetEncodingTests {
    // MARK: Thrift compact protocol

    static let zigzags: [(Int64, UInt64)] = [
        (0, 0), (-1, 1), (1, 2), (-2, 3), (2_147_483_647, 4_294_967_294), (-2_147_483_648, 4_294_967_295),
        (Int64.max, UInt64.max - 1), (Int64.min, UInt64.max),
    ]

    @Test(arguments: zigzags)
    func zigzag(value: Int64, encoded: UInt64) {
        #expect(ThriftCompactWriter.zigzag(value) == encoded)
    }

    static let varints: [(UInt64, [UInt8])] = [
        (0, [0x00]), (1, [0x01]), (127, [0x7F]), (128, [0x80, 0x01]), (300, [0xAC, 0x02]),
        (16_384, [0x80, 0x80, 0x01]), (UInt64.max, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
    ]

    @Test(arguments: varints)
    func varint(value: UInt64, encoded: [UInt8]) {
        var out: [UInt8] = []
        ThriftCompactWriter.appendVarint(value, to: &out)
        #expect(out == encoded)
    }

    @Test func fieldHeadersUseDeltasThenLongForm() {
        var out = ThriftCompactWriter()
        out.field(1, i32: 1)  // delta 1, type i32 (5): 0x15, zigzag 1 = 2
        out.field(3, i64: -1)  // delta 2, type i64 (6): 0x26, zigzag −1 = 1
        out.field(20, string: "a")  // delta 17 > 15: type byte 0x08, then zigzag 20 = 40
        out.field(21, bool: true)  // a boolean is its header: delta 1, type 1
        out.beginList(22, of: .i32, count: 2)  // delta 1, type list (9); 2 elements of i32
        out.element(i32: 1)
        out.element(i32: -1)
        out.beginStruct(23)  // delta 1, type struct (12); inner ids restart at 0
        out.field(1, bool: false)  // 0x12
        out.endStruct()
        out.field(24, byte: 64)  // back in the outer struct: delta 1 from 23, type byte (3)
        out.endStruct()
        #expect(
            out.bytes == [
                0x15, 0x02, 0x26, 0x01, 0x08, 0x28, 0x01, 0x61, 0x11, 0x19, 0x25, 0x02, 0x01, 0x1C, 0x12, 0x00, 0x13,
                0x40, 0x00,
            ])
    }

    @Test func longListsCarryTheirCountAfterTheHeader() {
        var out = ThriftCompactWriter()
        out.beginList(1, of: .binary, count: 15)
        #expect(out.bytes == [0x19, 0xF8, 0x0F])
        var short = ThriftCompactWriter()
        short.beginList(1, of: .structure, count: 14)
        #expect(short.bytes == [0x19, 0xEC])
    }

    // MARK: Levels

    @Test(arguments: [(0, 0), (1, 1), (2, 2), (3, 2), (4, 3), (7, 3), (8, 4), (255, 8)])
    func levelBitWidth(maxLevel: Int, bits: Int) {
        #expect(ParquetLevels.bitWidth(maxLevel: maxLevel) == bits)
    }

    @Test func bitPackingMatchesTheSpecificationExample() {
        // parquet-format Encodings.md: 0…7 at 3 bits are 10001000 11000110 11111010.
        #expect(ParquetLevels.encode([0, 1, 2, 3, 4, 5, 6, 7], bitWidth: 3) == [0x03, 0x88, 0xC6, 0xFA])
    }

    @Test func longRunsAreRunLengthEncodedAndTheTailIsPadded() {
        // Ten 1s: one RLE run (10 << 1 = 0x14) of value 1; then 0, 1, 0 bit-packed in one padded group.
        #expect(
            ParquetLevels.encode([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0], bitWidth: 1) == [0x14, 0x01, 0x03, 0x02])
        // Seven equal values are too few for a run: bit-packed. 7 × level 3 at 2 bits, one 0 of padding.
        #expect(ParquetLevels.encode([3, 3, 3, 3, 3, 3, 3], bitWidth: 2) == [0x03, 0xFF, 0x3F])
        // A run of 8 after 8 mixed values: one full bit-packed group, then the run.
        #expect(
            ParquetLevels.encode([0, 1, 0, 1, 0, 1, 0, 1, 2, 2, 2, 2, 2, 2, 2, 2], bitWidth: 2) == [
                0x03, 0x44, 0x44, 0x10, 0x02,
            ])
        #expect(ParquetLevels.encode([], bitWidth: 1).isEmpty)
    }

    @Test func longBitPackedStretchesSplitAt63Groups() {
        let levels = (0..<(63 * 8 + 3)).map { UInt8($0 & 1) }
        let encoded = ParquetLevels.encode(levels, bitWidth: 1)
        // 63 groups of 8 alternating bits (0b10101010), then one padded group of 0, 1, 0.
        #expect(encoded.count == 1 + 63 + 1 + 1)
        #expect(encoded[0] == 0x7F && encoded[1...63].allSatisfy { $0 == 0xAA })
        #expect(Array(encoded[64...]) == [0x03, 0x02])
    }

    // MARK: Shredding

    func shredded(_ features: [(String, ClipFeature)], _ rows: [[ParquetValue]]) throws -> ParquetShredder {
        var shredder = ParquetShredder(schema: try ParquetSchema(features))
        for row in rows { try shredder.append(row: row) }
        return shredder
    }

    static func plain(_ strings: [String]) -> [UInt8] {
        strings.flatMap { text in
            withUnsafeBytes(of: UInt32(text.utf8.count).littleEndian, Array.init) + Array(text.utf8)
        }
    }

    @Test func listOfStringsKeepsEmptyListsNullsAndEmptyStringsApart() throws {
        let shredder = try shredded(
            [("callsigns", .list(.string))],
            [[.list([.string("A"), .string("B")])], [.list([])], [.null], [.list([.string("")])]])
        let column = shredder.buffers[0]
        #expect(shredder.schema.columns[0].path == ["callsigns", "list", "item"])
        #expect(shredder.schema.columns[0].maxDefinition == 3 && shredder.schema.columns[0].maxRepetition == 1)
        #expect(column.repetition == [0, 1, 0, 0, 0])
        #expect(column.definition == [3, 3, 1, 0, 3])
        #expect(column.values == Self.plain(["A", "B", ""]))
    }

    @Test func listsOfStructsWithListsInsideRepeatAtTheirOwnLevel() throws {
        let span = ClipFeature.structure([("t", .string)])
        let station = ClipFeature.structure([("call", .string), ("spans", .list(span))])
        let shredder = try shredded(
            [("stations", .list(station))],
            [
                [
                    .list([
                        .record([.string("K1"), .list([.record([.string("A")]), .record([.string("B")])])]),
                        .record([.string(""), .list([])]),
                    ])
                ],
                [.list([])],
                [.list([.null])],
            ])
        let (call, text) = (shredder.buffers[0], shredder.buffers[1])
        #expect(shredder.schema.columns[1].path == ["stations", "list", "item", "spans", "list", "item", "t"])
        #expect(shredder.schema.columns[1].maxDefinition == 7 && shredder.schema.columns[1].maxRepetition == 2)
        #expect(call.repetition == [0, 1, 0, 0] && call.definition == [4, 4, 1, 2])
        #expect(call.values == Self.plain(["K1", ""]))
        // "B" repeats the inner list (2); the second station starts at the outer one (1), with its
        // `spans` there but empty (definition 4).
        #expect(text.repetition == [0, 2, 1, 0, 0] && text.definition == [7, 7, 4, 1, 2])
        #expect(text.values == Self.plain(["A", "B"]))
    }

    @Test func structsNullsNumbersAndBooleans() throws {
        let shredder = try shredded(
            [
                ("ex", .structure([("a", .string), ("b", .int64)])), ("flag", .bool), ("x", .float64),
                ("seed", .uint64),
            ],
            [
                [.record([.string("x"), .null]), .bool(true), .double(1.5), .uint64(UInt64.max)],
                [.null, .bool(false), .null, .uint64(1)],
                [.record([.null, .int64(-2)]), .bool(true), .double(-0.0), .null],
            ])
        let b = shredder.buffers
        #expect(b[0].definition == [2, 0, 1] && b[0].values == Self.plain(["x"]))
        #expect(b[1].definition == [1, 0, 2] && b[1].values == [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
        #expect(b[2].definition == [1, 1, 1] && b[2].values == [0b101] && b[2].booleanCount == 3)
        #expect(
            b[3].definition == [1, 0, 1] && b[3].values == [0, 0, 0, 0, 0, 0, 0xF8, 0x3F, 0, 0, 0, 0, 0, 0, 0, 0x80])
        #expect(
            b[4].definition == [1, 1, 0] && b[4].values == Array(repeating: 0xFF, count: 8) + [1, 0, 0, 0, 0, 0, 0, 0])
        #expect(b.allSatisfy { $0.repetition == [0, 0, 0] })
    }

    @Test func aMismatchedRowIsRefusedWhole() throws {
        var shredder = try shredded([("text", .string), ("callsigns", .list(.string))], [])
        #expect(throws: ParquetError.typeMismatch(column: "callsigns", expected: "a list", found: "a string")) {
            try shredder.append(row: [.string("CQ"), .string("K1ABC")])
        }
        #expect(throws: ParquetError.typeMismatch(column: "callsigns[]", expected: "a string", found: "an integer")) {
            try shredder.append(row: [.string("CQ"), .list([.string("K1"), .int64(1)])])
        }
        #expect(throws: ParquetError.columnCount(expected: 2, found: 1)) { try shredder.append(row: [.null]) }
        #expect(shredder.buffers.allSatisfy { $0.count == 0 })
        #expect(throws: ParquetError.unsupportedType(column: "audio", type: "audio")) {
            try ParquetSchema([("audio", .audio(sampleRate: 16000))])
        }
    }

    // MARK: The file

    @Test func rowGroupsCloseAtTheirSizeAndTheFooterEndsTheFile() throws {
        var writer = ParquetWriter(
            schema: try ParquetSchema([("id", .int64)]), metadata: [("k", "v")], rowGroupRows: 2)
        var file = ParquetWriter.magic
        var flushedAt: [Int] = []
        for id in 0..<5 {
            let bytes = try writer.append([.int64(Int64(id))])
            if !bytes.isEmpty { flushedAt.append(id) }
            file += bytes
        }
        file += writer.finish()
        #expect(flushedAt == [1, 3])
        #expect(writer.rowCount == 5)
        #expect(file.prefix(4) == [0x50, 0x41, 0x52, 0x31] && file.suffix(4) == [0x50, 0x41, 0x52, 0x31])
        let footerLength = file[(file.count - 8)..<(file.count - 4)].reversed().reduce(0) { $0 << 8 | Int($1) }
        let footer = Array(file[(file.count - 8 - footerLength)..<(file.count - 8)])
        // FileMetaData opens with version 1 and ends with created_by, then STOP.
        #expect(footer.prefix(2) == [0x15, 0x02])
        #expect(footer.suffix(16) == [0x18, 0x0D] + Array("morse-dataset".utf8) + [0x00])
        // num_rows (field 3, i64) = 5, zigzag 10.
        #expect(footer.contains(0x16) && footer.firstRange(of: [0x16, 0x0A]) != nil)
    }

    /// A whole file checked byte for byte: recorded once and read back with pyarrow
    /// (pyarrow 26 `pq.read_table` gives `callsigns: list<item: string>` with rows ["K1", ""], [], null in two
    /// row groups of 2 and 1 rows).
    @Test func smallFileIsByteForByteWhatPyarrowRead() throws {
        var writer = ParquetWriter(schema: try ParquetSchema([("callsigns", .list(.string))]), rowGroupRows: 2)
        var file = ParquetWriter.magic
        for row: ParquetValue in [.list([.string("K1"), .string("")]), .list([]), .null] {
            file += try writer.append([row])
        }
        file += writer.finish()
        #expect(file.map { String(format: "%02x", $0) }.joined() == Self.smallFile)
    }

    static let smallFile =
        "504152311500152e152e2c1506150015061506000002000000030203000000031f00020000004b31000000001500151a151a"
        + "2c15021500150615060000020000000300030000000300001502194c4806736368656d611502003502180963616c6c736967"
        + "6e73150215064c3c000000350418046c697374150200150c250218046974656d25004c1c0000001606192c191c26081c150c"
        + "1925000619380963616c6c7369676e73046c697374046974656d150016061650165026080000165016042608165000191c26"
        + "581c150c1925000619380963616c6c7369676e73046c697374046974656d15001602163c163c26580000163c16022658163c"
        + "00280d6d6f7273652d6461746173657400c100000050415231"

    // MARK: Records

    @Test func recordsAreReadAsTheirDeclaredTypes() throws {
        let text =
            #"{"id": 7, "seed": 18446744073709551615, "snr_500": null, "callsigns": [], "extra": [1, {"x": 2}], "#
            + #""ex": {"b": "2", "a": "1"}, "spans": [{"text": "A", "start": 0, "end": 0.5}]}"#
        let record = Data(text.utf8)
        let features: [(String, ClipFeature)] = [
            ("id", .int64), ("seed", .uint64), ("snr_500", .float64), ("callsigns", .list(.string)),
            ("ex", .structure([("a", .string), ("b", .string), ("c", .string)])), ("spans", .list(.span)),
            ("missing", .bool),
        ]
        let row = try ParquetRecord.row(record, features: features, decoder: JSONDecoder())
        let expected: [ParquetValue] = [
            .int64(7), .uint64(UInt64.max), .null, .list([]), .record([.string("1"), .string("2"), .null]),
            .list([.record([.string("A"), .double(0), .double(0.5)])]), .null,
        ]
        #expect(row == expected)
        let wrong = Data(#"{"id": "7"}"#.utf8)
        #expect(throws: DecodingError.self) {
            try ParquetRecord.row(wrong, features: features, decoder: JSONDecoder())
        }
    }
}
