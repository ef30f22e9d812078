/// A decoded mono WAV file.
public struct WAVAudio: Sendable, Equatable {
    public var samples: [Float]
    public var sampleRate: Int
    public var channels: Int
    public var format: WAVSampleFormat

    /// Duration in seconds.
    public var duration: Double { Double(samples.count) / Double(sampleRate) }
}

/// Reads the WAV files we write (PCM16 or float32; any chunk order; unknown chunks skipped).
public enum WAVDecoder {
    public static func decode(_ bytes: [UInt8]) throws(WAVError) -> WAVAudio {
        let layout = try WAVLayout.parse(bytes)
        let sampleFormat: WAVSampleFormat
        switch (layout.formatTag, layout.bitsPerSample) {
        case (1, 16): sampleFormat = .pcm16
        case (3, 32): sampleFormat = .float32
        default: throw .unsupported(formatTag: layout.formatTag, bits: layout.bitsPerSample)
        }
        let end = layout.dataOffset + layout.dataSize
        guard end <= bytes.count else { throw .truncated(expected: end, actual: bytes.count) }
        let count = layout.dataSize / sampleFormat.bytesPerSample
        var samples = [Float](repeating: 0, count: count)
        bytes.withUnsafeBytes { raw in
            for index in 0..<count {
                let at = layout.dataOffset + index * sampleFormat.bytesPerSample
                if sampleFormat == .pcm16 {
                    samples[index] = Float(Int16(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: Int16.self))) / 32767
                } else {
                    samples[index] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
                }
            }
        }
        return WAVAudio(samples: samples, sampleRate: layout.sampleRate, channels: layout.channels, format: sampleFormat)
    }
}

/// Why bytes are not a WAV file we can read.
public enum WAVError: Error, Equatable, CustomStringConvertible {
    case notWAV
    case truncated(expected: Int, actual: Int)
    case unsupported(formatTag: Int, bits: Int)
    case noData

    public var description: String {
        switch self {
        case .notWAV: "not a RIFF/WAVE file"
        case let .truncated(expected, actual): "truncated WAV: a chunk needs \(expected) bytes but the file has \(actual)"
        case let .unsupported(tag, bits): "unsupported WAV encoding (format tag \(tag), \(bits) bits); expected 16-bit PCM or 32-bit float"
        case .noData: "WAV file has no data chunk"
        }
    }
}
