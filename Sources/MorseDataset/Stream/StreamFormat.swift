import MorseDatasetFormat
import MorseSignal

/// The framed binary format `morse-dataset stream` writes (docs/stream.md is the full description).
///
/// A 24-byte stream header, then one frame per clip: a 20-byte frame header, the clip's
/// metadata record (UTF-8 JSON, the same line `metadata/{split}.jsonl` holds) and its samples, exactly
/// the bytes after the header of the WAV file `generate` writes. A finite stream ends with a
/// 20-byte end frame, so a reader can tell a complete stream from one cut short. Every integer
/// is little-endian.
public enum StreamFormat {
    /// Bumped whenever a reader of the previous version would misread the stream.
    public static let version: UInt16 = 1
    public static let streamMagic: [UInt8] = Array("MCWS".utf8)
    public static let clipMagic: [UInt8] = Array("CLIP".utf8)
    public static let endMagic: [UInt8] = Array("DONE".utf8)
    public static let headerSize = 24
    public static let frameHeaderSize = 20

    /// The WAV format tag of the samples: 1 for 16-bit PCM, 3 for IEEE float32.
    public static func formatTag(_ format: WAVSampleFormat) -> UInt16 { format == .pcm16 ? 1 : 3 }

    /// Header flag: records hold only the keys `--fields` asked for (not the full record).
    public static let trimmedRecordsFlag: UInt32 = 1

    /// Magic, version, format tag, sample rate, flags, seed.
    public static func header(
        sampleRate: Int, format: WAVSampleFormat, seed: UInt64, flags: UInt32 = 0
    ) -> [UInt8] {
        var bytes = streamMagic
        bytes.reserveCapacity(headerSize)
        append(version, to: &bytes)
        append(formatTag(format), to: &bytes)
        append(UInt32(truncatingIfNeeded: sampleRate), to: &bytes)
        append(flags, to: &bytes)
        append(seed, to: &bytes)
        return bytes
    }

    /// Frame header and record of clip `id` whose samples take `audioBytes` bytes (they follow).
    public static func clipFrameStart(id: Int, record: String, audioBytes: Int) -> [UInt8] {
        let json = Array(record.utf8)
        var bytes = clipMagic
        bytes.reserveCapacity(frameHeaderSize + json.count)
        append(UInt64(id), to: &bytes)
        append(UInt32(truncatingIfNeeded: json.count), to: &bytes)
        append(UInt32(truncatingIfNeeded: audioBytes), to: &bytes)
        bytes += json
        return bytes
    }

    /// The end frame of a finite stream: how many clip frames came before it.
    public static func end(clipCount: Int) -> [UInt8] {
        var bytes = endMagic
        append(UInt64(clipCount), to: &bytes)
        append(UInt32(0), to: &bytes)
        append(UInt32(0), to: &bytes)
        return bytes
    }

    static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
