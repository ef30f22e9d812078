import Testing

@testable import MorseFileSystem

@Suite struct CRC32CTests {
    /// The check value of the CRC catalogue and the RFC 3720 (iSCSI) test patterns.
    @Test func standardVectors() {
        #expect(CRC32C.checksum("123456789") == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
        #expect(CRC32C.checksum((0..<32).map { UInt8($0) }) == 0x46DD_794E)
        #expect(CRC32C.checksum((0..<32).map { UInt8(31 - $0) }) == 0x113F_DB5C)
        #expect(CRC32C.checksum([UInt8]()) == 0)
        #expect(CRC32C.hex(0xE306_9283) == "e3069283")
        #expect(CRC32C.hex(0x0000_00AB) == "000000ab")
    }

    /// Bit by bit, straight from the definition: the oracle for the table-driven version.
    static func naive(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
        }
        return ~crc
    }

    /// Random buffers of every length class (below, at and around the 8- and 16-byte steps), fed whole and
    /// in random pieces, agree with the oracle.
    @Test(arguments: [1, 2, 3])
    func agreesWithTheBitwiseOracle(seed: UInt64) {
        var rng = SplitMix(state: seed)
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 23, 24, 25, 31, 32, 33, 63, 64, 65, 1000, 4099] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let expected = Self.naive(bytes)
            #expect(CRC32C.checksum(bytes) == expected, "length \(length)")
            var pieces = CRC32C()
            var start = 0
            while start < length {
                let end = min(length, start + Int.random(in: 1...20, using: &rng))
                pieces.update(Array(bytes[start..<end]))
                start = end
            }
            #expect(pieces.value == expected, "length \(length) in pieces")
            // An unaligned start exercises the unaligned 8-byte loads.
            if length > 1 {
                let tail = Array(bytes.dropFirst())
                tail.withUnsafeBytes { buffer in
                    #expect(CRC32C.checksum(buffer) == Self.naive(tail))
                }
            }
        }
    }

    /// One flipped bit anywhere changes the checksum (the corruption item 8 must catch).
    @Test func detectsASingleFlippedBit() {
        var rng = SplitMix(state: 9)
        let bytes = (0..<512).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let original = CRC32C.checksum(bytes)
        for position in stride(from: 0, to: bytes.count * 8, by: 37) {
            var damaged = bytes
            damaged[position / 8] ^= UInt8(1 << (position % 8))
            #expect(CRC32C.checksum(damaged) != original)
        }
    }
}
