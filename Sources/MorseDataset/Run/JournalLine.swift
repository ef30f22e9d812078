import Foundation
import MorseFileSystem

/// A journal line carries its own checksum, so a line edited or damaged after it was written does
/// not verify: its clip counts as not done and is made again, and the line is never published.
///
/// The seal is the last key of the line: `{"id": 7, …, "line_crc": "1a2b3c4d"}`, where the value is
/// the CRC-32C (8 lowercase hex digits) of every byte before `, "line_crc"`. The clip's record (what
/// `metadata/{split}.jsonl` and the other manifests hold) is the line without that key.
public enum JournalLine {
    static let sealKey = Array(", \"line_crc\": \"".utf8)
    /// `, "line_crc": "` + 8 hex digits + `"}`.
    static let sealLength = sealKey.count + 8 + 2

    /// `record` (one JSON object, no newline) with its seal appended.
    public static func sealed(_ record: String) -> String {
        var body = Array(record.utf8)
        if body.last == UInt8(ascii: "}") { body.removeLast() }
        let crc = CRC32C.checksum(body)
        return String(decoding: body, as: UTF8.self) + ", \"line_crc\": \"" + CRC32C.hex(crc) + "\"}"
    }

    /// The record of a sealed `line`, or nil when the line has no seal or its seal does not match.
    public static func verifiedRecord<C: BidirectionalCollection>(_ line: C) -> Data?
    where C.Element == UInt8, C.Index == Int {
        guard line.count > sealLength, line.last == UInt8(ascii: "}") else { return nil }
        let bodyEnd = line.endIndex - sealLength
        guard line[bodyEnd..<(bodyEnd + sealKey.count)].elementsEqual(sealKey),
            line[line.endIndex - 2] == UInt8(ascii: "\""),
            let stated = hexValue(line[(bodyEnd + sealKey.count)..<(line.endIndex - 2)])
        else { return nil }
        let body = Data(line[line.startIndex..<bodyEnd])
        let actual = body.withUnsafeBytes { CRC32C.checksum($0) }
        guard actual == stated else { return nil }
        return body + Data([UInt8(ascii: "}")])
    }

    /// The value of exactly 8 lowercase hex digits.
    static func hexValue<C: Collection>(_ digits: C) -> UInt32? where C.Element == UInt8 {
        guard digits.count == 8 else { return nil }
        var value: UInt32 = 0
        for byte in digits {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
