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
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        func tag(_ at: Int) -> String { String(decoding: bytes[at..<(at + 4)], as: UTF8.self) }
        guard bytes.count >= 12, tag(0) == "RIFF", tag(8) == "WAVE" else { throw .notWAV }
        var position = 12
        var format: (tag: Int, channels: Int, rate: Int, bits: Int)?
        while position + 8 <= bytes.count {
            let id = tag(position)
            let size = u32(position + 4)
            let body = position + 8
            guard body + size <= bytes.count else { throw .truncated(expected: body + size, actual: bytes.count) }
            if id == "fmt " {
                guard size >= 16 else { throw .notWAV }
                format = (u16(body), u16(body + 2), u32(body + 4), u16(body + 14))
            } else if id == "data" {
                guard let format else { throw .notWAV }
                let sampleFormat: WAVSampleFormat
                switch (format.tag, format.bits) {
                case (1, 16): sampleFormat = .pcm16
                case (3, 32): sampleFormat = .float32
                default: throw .unsupported(formatTag: format.tag, bits: format.bits)
                }
                let count = size / sampleFormat.bytesPerSample
                var samples = [Float](repeating: 0, count: count)
                for index in 0..<count {
                    let at = body + index * sampleFormat.bytesPerSample
                    if sampleFormat == .pcm16 {
                        samples[index] = Float(Int16(truncatingIfNeeded: u16(at))) / 32767
                    } else {
                        samples[index] = Float(bitPattern: UInt32(truncatingIfNeeded: u32(at)))
                    }
                }
                return WAVAudio(samples: samples, sampleRate: format.rate, channels: format.channels, format: sampleFormat)
            }
            position = body + size + (size & 1)
        }
        throw .noData
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
