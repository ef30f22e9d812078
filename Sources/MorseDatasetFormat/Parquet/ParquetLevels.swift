/// Parquet's RLE / bit-packed hybrid encoding of repetition and definition levels.
///
/// A run of at least 8 equal levels is one RLE run (header `count << 1`, then the level in
/// `⌈bitWidth / 8⌉` bytes); anything else is bit-packed in groups of 8 (header `groups << 1 | 1`,
/// then `bitWidth` bytes a group, least significant bit first). Only the very last group may be
/// padded: readers stop at the page's value count, so padding anywhere else would be read as levels.
enum ParquetLevels {
    /// Bits needed for levels 0...`maxLevel` (0 for 0: such levels are not written at all).
    static func bitWidth(maxLevel: Int) -> Int {
        maxLevel <= 0 ? 0 : Int.bitWidth - maxLevel.leadingZeroBitCount
    }

    /// Shortest RLE run worth its header (Arrow's writer uses the same threshold).
    static let minimumRun = 8
    /// Bit-packed groups per header: 63 keeps the header one byte.
    static let maximumGroups = 63

    /// `levels` encoded at `bitWidth` bits (1...8) each, without the length prefix of data page v1.
    static func encode(_ levels: [UInt8], bitWidth: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(levels.count / 4 + 8)
        let count = levels.count
        var index = 0
        while index < count {
            let run = runLength(levels, from: index)
            if run >= minimumRun {
                ThriftCompactWriter.appendVarint(UInt64(run) << 1, to: &out)
                appendRunValue(levels[index], bitWidth: bitWidth, to: &out)
                index += run
                continue
            }
            // Whole groups of 8 until a long run starts at a group boundary (or the levels end).
            var end = index
            var groups = 0
            repeat {
                end = min(end + 8, count)
                groups += 1
            } while end < count && groups < maximumGroups && runLength(levels, from: end) < minimumRun
            ThriftCompactWriter.appendVarint(UInt64(groups) << 1 | 1, to: &out)
            appendBitPacked(levels[index..<end], groups: groups, bitWidth: bitWidth, to: &out)
            index = end
        }
        return out
    }

    /// How many levels from `start` equal the one at `start`.
    static func runLength(_ levels: [UInt8], from start: Int) -> Int {
        guard start < levels.count else { return 0 }
        let value = levels[start]
        var end = start + 1
        while end < levels.count && levels[end] == value { end += 1 }
        return end - start
    }

    static func appendRunValue(_ value: UInt8, bitWidth: Int, to out: inout [UInt8]) {
        out.append(value)
        for _ in 1..<max(1, (bitWidth + 7) / 8) { out.append(0) }
    }

    /// `groups` × 8 values (zeros past the end of `values`), each `bitWidth` bits, LSB first.
    static func appendBitPacked(_ values: ArraySlice<UInt8>, groups: Int, bitWidth: Int, to out: inout [UInt8]) {
        var accumulator: UInt32 = 0
        var bits = 0
        var iterator = values.makeIterator()
        for _ in 0..<(groups * 8) {
            let value = UInt32(iterator.next() ?? 0)
            accumulator |= value << UInt32(bits)
            bits += bitWidth
            while bits >= 8 {
                out.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator >>= 8
                bits -= 8
            }
        }
        // 8 × bitWidth bits a group: always whole bytes, nothing left in the accumulator.
    }
}
