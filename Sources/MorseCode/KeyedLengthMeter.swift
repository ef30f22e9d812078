/// The keyed length of candidate texts, exactly as ``Keyer/duration(of:using:)`` with a fresh copy
/// of one generator gives it, for a caller that measures many texts that extend one another word
/// by word (fitting a clip's text to its duration measures the text so far plus each candidate).
///
/// Keying draws from the generator in text order, so a text that extends one measured before by
/// whole words is keyed from where that one ended, with the same hand, generator state and time:
/// only its new words are parsed and keyed. The last few measured texts are remembered for this.
/// Only plain ASCII texts are continued: there every character is one `Character` and a space
/// always separates words, so parsing the text in two parts gives the same words as parsing it whole.
///
/// Concrete in its generator (not generic) so keying is specialised here, in this module.
public struct KeyedLengthMeter {
    /// Keying's state after a text: what the next word continues from.
    private struct Progress {
        var hand: Hand
        var rng: SeededGenerator
        var time: Double
        var end: Double
        var keyedWords: Bool
    }

    private let start: Progress
    private var recent: [(text: [UInt8], progress: Progress)] = []
    private var oldest = 0

    /// Texts remembered: a fit measures its text so far plus a candidate, and after a candidate
    /// that does not fit, the text before it again.
    static var memory: Int { 8 }

    /// A meter for `keyer`, each text keyed with a copy of `generator` as it is now.
    public init(keyer: Keyer, generator: SeededGenerator) {
        var rng = generator
        let hand = Hand(fist: keyer.fist, table: keyer.fist.timing, timing: keyer.timing, rng: &rng)
        start = Progress(hand: hand, rng: rng, time: 0, end: 0, keyedWords: false)
    }

    /// The keyed length of `text` in seconds (the end of its last mark), or nil when it cannot be
    /// keyed (``MorseText`` rejects it).
    public mutating func duration(of text: String) -> Double? {
        var text = text
        return text.withUTF8 { bytes in
            var progress = start
            var rest = bytes[...]
            let ascii = bytes.allSatisfy { $0 < 0x80 }
            if ascii, let earlier = longestPrefix(of: bytes) {
                progress = recent[earlier].progress
                rest = bytes[(recent[earlier].text.count + 1)...]
            }
            guard let parsed = try? MorseText(String(decoding: UnsafeBufferPointer(rebasing: rest), as: UTF8.self))
            else { return nil }
            var length = LengthRecorder()
            length.end = progress.end
            Keyer.key(
                parsed.words, after: progress.keyedWords, hand: &progress.hand, time: &progress.time,
                using: &progress.rng, into: &length)
            progress.end = length.end
            progress.keyedWords = progress.keyedWords || !parsed.words.isEmpty
            if ascii { remember(Array(bytes), progress) }
            return length.end
        }
    }

    /// The remembered text that `bytes` extends by a space and more, the longest if several.
    private func longestPrefix(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var best: Int?, bestCount = -1
        for index in recent.indices {
            let count = recent[index].text.count
            guard count < bytes.count, count > bestCount, bytes[count] == 0x20 else { continue }
            let same = recent[index].text.withUnsafeBytes { Self.equal($0.baseAddress, base, count: count) }
            if same {
                best = index
                bestCount = count
            }
        }
        return best
    }

    /// Whether `count` bytes at `a` and `b` are equal, compared eight at a time (texts that extend
    /// one another share long beginnings).
    private static func equal(_ a: UnsafeRawPointer?, _ b: UnsafeRawPointer, count: Int) -> Bool {
        guard let a else { return count == 0 }
        var offset = 0
        while offset + 8 <= count {
            let x = a.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            guard x == b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) else { return false }
            offset += 8
        }
        while offset < count {
            guard a.load(fromByteOffset: offset, as: UInt8.self) == b.load(fromByteOffset: offset, as: UInt8.self)
            else { return false }
            offset += 1
        }
        return true
    }

    private mutating func remember(_ text: [UInt8], _ progress: Progress) {
        if recent.count < Self.memory {
            recent.append((text, progress))
        } else {
            recent[oldest] = (text, progress)
            oldest = (oldest + 1) % Self.memory
        }
    }
}
