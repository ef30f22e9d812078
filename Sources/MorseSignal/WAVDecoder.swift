/// A decoded WAV file (samples interleaved when it has several channels).
public struct WAVAudio: Sendable, Equatable {
    public var samples: [Float]
    public var sampleRate: Int
    public var channels: Int
    public var format: WAVSampleFormat

    /// Duration in seconds.
    public var duration: Double { Double(samples.count / max(1, channels)) / Double(sampleRate) }
}

/// Reads the WAV files we write (PCM16 or float32; any chunk order; unknown chunks skipped).
///
/// Every header field is checked against ``WAVLimits`` and the bytes at hand before the samples
/// are allocated. For files on disk use ``WAVFile``, which never reads more than the header first.
public enum WAVDecoder {
    public static func decode(_ bytes: [UInt8], limits: WAVLimits = .standard) throws(WAVError) -> WAVAudio {
        let layout = try WAVLayout.parse(bytes)
        try limits.checkPlausible(layout)
        let sampleFormat = try Self.sampleFormat(layout)
        let end = layout.dataOffset + layout.dataSize
        guard end <= bytes.count else { throw .truncated(expected: end, actual: bytes.count) }
        try limits.checkLength(samples: layout.dataSize / sampleFormat.bytesPerSample, layout: layout)
        let samples = try bytes.withUnsafeBytes { raw in
            Result { () throws(WAVError) in
                try Self.samples(UnsafeRawBufferPointer(rebasing: raw[layout.dataOffset..<end]), format: sampleFormat)
            }
        }.get()
        return WAVAudio(
            samples: samples, sampleRate: layout.sampleRate, channels: layout.channels, format: sampleFormat)
    }

    /// The encoding of `layout`, if it is one we decode.
    public static func sampleFormat(_ layout: WAVLayout) throws(WAVError) -> WAVSampleFormat {
        switch (layout.formatTag, layout.bitsPerSample) {
        case (1, 16): .pcm16
        case (3, 32): .float32
        default: throw .unsupported(formatTag: layout.formatTag, bits: layout.bitsPerSample)
        }
    }

    /// Samples from the data chunk's bytes (a trailing partial sample is ignored). Float samples
    /// must be finite: NaN or infinity is no audio, and would poison every sum downstream.
    static func samples(_ raw: UnsafeRawBufferPointer, format: WAVSampleFormat) throws(WAVError) -> [Float] {
        let count = raw.count / format.bytesPerSample
        var nonFinite: Int?
        let samples = [Float](unsafeUninitializedCapacity: count) { out, initialized in
            switch format {
            case .pcm16:
                for index in 0..<count {
                    out[index] =
                        Float(Int16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * index, as: Int16.self))) / 32767
                }
            case .float32:
                for index in 0..<count {
                    let value = Float(
                        bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * index, as: UInt32.self)))
                    if !value.isFinite && nonFinite == nil { nonFinite = index }
                    out[index] = value
                }
            }
            initialized = count
        }
        if let nonFinite { throw .nonFiniteSample(index: nonFinite) }
        return samples
    }
}

/// Why bytes are not a WAV file we can read.
public enum WAVError: Error, Equatable, CustomStringConvertible {
    case notWAV
    /// Not a RIFF/WAVE file, with the size of what was read (a file's size, when it came from one).
    case notRIFF(fileSize: Int)
    case truncated(expected: Int, actual: Int)
    case unsupported(formatTag: Int, bits: Int)
    case noData
    /// A header field outside ``WAVLimits``.
    case outOfLimits(field: String, value: String, allowed: String)
    /// More audio than ``WAVLimits`` allows.
    case tooLong(seconds: Double, samples: Int, maximumSeconds: Double, maximumSamples: Int)
    /// A float sample that is NaN or infinite.
    case nonFiniteSample(index: Int)

    public var description: String {
        switch self {
        case .notWAV: "not a RIFF/WAVE file"
        case let .notRIFF(size):
            "not a RIFF/WAVE file (\(size) bytes; no 'RIFF…WAVE' header with a 'fmt ' chunk at its start)"
        case let .truncated(expected, actual):
            "truncated WAV: a chunk needs \(expected) bytes but the file has \(actual)"
        case let .unsupported(tag, bits):
            "unsupported WAV encoding (format tag \(tag), \(bits) bits); expected 16-bit PCM or 32-bit float"
        case .noData: "WAV file has no data chunk in its first \(WAVLimits.headerBytes) bytes"
        case let .outOfLimits(field, value, allowed):
            "the header's \(field) is \(value); a WAV file we read has \(allowed)"
        case let .tooLong(seconds, samples, maxSeconds, maxSamples):
            "the header declares \(samples) samples (\(Int(seconds.rounded())) s); we read at most \(Int(maxSeconds)) s and \(maxSamples) samples — cut the file into shorter parts"
        case let .nonFiniteSample(index):
            "float sample \(index) is NaN or infinite; a WAV file we read has finite samples"
        }
    }
}
