/// The dits and dahs of one Morse character, packed into bits.
///
/// Bit `i` (counting from the first element) is 1 for a dah and 0 for a dit.
/// Nine elements are enough for every symbol we key (`<SOS>` is the longest).
public struct MorsePattern: Hashable, Sendable, CustomStringConvertible {
    /// Element bits, first element in bit 0; 1 = dah.
    public let bits: UInt16
    /// Number of elements (1...16).
    public let count: Int

    public init(bits: UInt16, count: Int) {
        self.bits = bits
        self.count = count
    }

    /// Builds a pattern from dots and dashes, for example `".-.-."`; other characters are ignored.
    public init(_ dotsAndDashes: String) {
        var bits: UInt16 = 0
        var count = 0
        for character in dotsAndDashes where character == "." || character == "-" {
            if character == "-" { bits |= 1 << UInt16(count) }
            count += 1
        }
        self.init(bits: bits, count: count)
    }

    /// Whether element `index` is a dah.
    @inlinable public func isDah(_ index: Int) -> Bool { bits & (1 << UInt16(index)) != 0 }

    /// The pattern with one more element appended.
    public func appending(dah: Bool) -> MorsePattern {
        MorsePattern(bits: dah ? bits | (1 << UInt16(count)) : bits, count: count + 1)
    }

    /// Dots and dashes, for example `.-.-.`.
    public var description: String {
        String((0..<count).map { isDah($0) ? "-" : "." })
    }
}
