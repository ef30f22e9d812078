import Foundation
import MorseSignal

/// The format of a WAV file read from its header alone: no samples are loaded.
public struct WAVHeader: Sendable, Hashable {
    /// WAVE format tag: 1 = integer PCM, 3 = IEEE float.
    public var formatTag: Int
    public var channels: Int
    /// Samples per second.
    public var sampleRate: Int
    public var bitsPerSample: Int
    /// Bytes of sample data the header declares.
    public var dataSize: Int
    /// Byte offset of the first sample.
    public var dataOffset: Int
    /// Size of the whole file in bytes.
    public var fileSize: Int

    /// Sample frames the declared data holds.
    public var frames: Int { dataSize / max(1, channels * bitsPerSample / 8) }
    /// Declared duration in seconds.
    public var duration: Double { Double(frames) / Double(max(1, sampleRate)) }
    /// Whether the file ends before its declared data does.
    public var isTruncated: Bool { fileSize < dataOffset + dataSize }

    /// Why a file is not a WAV we can inspect.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case missing
        case unreadable(errno: Int32)
        case notWAV(size: Int)
        case noData

        public var description: String {
            switch self {
            case .missing: "file does not exist"
            case let .unreadable(code): "cannot be read (\(String(cString: strerror(code))))"
            case let .notWAV(size): "is not a RIFF/WAVE file (\(size) bytes; no 'RIFF…WAVE' header with a 'fmt ' chunk)"
            case .noData: "has no 'data' chunk"
            }
        }
    }

    /// Reads the header of the file at `path` (at most the first 4 KiB).
    public static func read(path: String) throws(Problem) -> WAVHeader {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw errno == ENOENT ? .missing : .unreadable(errno: errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(errno: errno) }
        let fileSize = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: min(4096, fileSize))
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else { throw .unreadable(errno: errno) }
        return try parse(Array(bytes.prefix(count)), fileSize: fileSize)
    }

    /// Parses a header from the first bytes of a file of `fileSize` bytes.
    public static func parse(_ bytes: [UInt8], fileSize: Int) throws(Problem) -> WAVHeader {
        let layout: WAVLayout
        do {
            layout = try WAVLayout.parse(bytes)
        } catch .noData {
            throw .noData
        } catch {
            throw .notWAV(size: fileSize)
        }
        return WAVHeader(
            formatTag: layout.formatTag, channels: layout.channels, sampleRate: layout.sampleRate,
            bitsPerSample: layout.bitsPerSample, dataSize: layout.dataSize, dataOffset: layout.dataOffset, fileSize: fileSize)
    }
}
