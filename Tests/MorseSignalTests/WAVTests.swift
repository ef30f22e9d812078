import MorseCode
import RealModule
import Testing

@testable import MorseSignal

@Suite struct WAVTests {
    let samples: [Float] = (0..<1000).map { Float(Double.sin(Double($0) * 0.05)) * 0.9 } + [1.5, -1.5, 0, 1, -1]

    @Test func pcm16HeaderIsCanonical() throws {
        let bytes = WAVEncoder.encode(samples, sampleRate: 16_000, format: .pcm16)
        #expect(bytes.count == 44 + samples.count * 2)
        #expect(Array(bytes[0..<4]) == Array("RIFF".utf8) && Array(bytes[8..<16]) == Array("WAVEfmt ".utf8))
        func u32(_ at: Int) -> Int {
            Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
        }
        #expect(u32(4) == bytes.count - 8)
        #expect(u32(24) == 16_000 && u32(28) == 32_000)
        #expect(u32(40) == samples.count * 2)
    }

    @Test(arguments: WAVSampleFormat.allCases)
    func roundTrips(format: WAVSampleFormat) throws {
        let decoded = try WAVDecoder.decode(WAVEncoder.encode(samples, sampleRate: 22_050, format: format))
        #expect(decoded.sampleRate == 22_050 && decoded.channels == 1 && decoded.format == format)
        #expect(decoded.samples.count == samples.count)
        let tolerance: Float = format == .pcm16 ? 0.5 / 32767 + 1e-7 : 0
        for (a, b) in zip(decoded.samples, samples) {
            let expected = format == .pcm16 ? min(max(b, -1), 1) : b
            #expect(abs(a - expected) <= tolerance)
        }
    }

    /// Every PCM value is the clamped, scaled sample rounded to nearest (ties to even), in the
    /// eight-wide body and the scalar tail alike.
    @Test func pcm16ValuesAreRoundedToNearest() {
        var rng = SeededGenerator(seed: 41)
        var input = (0..<10_003).map { _ in Float.random(in: -1.2...1.2, using: &rng) }
        input += [0, -0, 1, -1, 0.5 / 32767, -0.5 / 32767, 1.5 / 32767, 2, -2, .infinity, -.infinity]
        let bytes = WAVEncoder.encode(input, sampleRate: 16_000, format: .pcm16)
        for (index, sample) in input.enumerated() {
            let expected = Int16((min(max(sample, -1), 1) * 32767).rounded(.toNearestOrEven))
            let low = UInt16(bytes[44 + 2 * index]), high = UInt16(bytes[45 + 2 * index])
            let value = Int16(bitPattern: low | high << 8)
            #expect(value == expected, "sample \(index): \(sample) → \(value), expected \(expected)")
        }
    }

    @Test func truncatedFileIsReported() throws {
        let bytes = WAVEncoder.encode(samples, sampleRate: 16_000)
        #expect(throws: WAVError.truncated(expected: bytes.count, actual: bytes.count - 10)) {
            try WAVDecoder.decode(Array(bytes.dropLast(10)))
        }
    }
}
