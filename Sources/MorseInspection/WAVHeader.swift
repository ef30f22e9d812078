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
        /// A folder, FIFO, device, socket or (inside a dataset) symbolic link.
        case notRegular(FileKind)
        /// A header no real audio file has (e.g. a sample rate of 0 Hz or 4,294,967,295 Hz).
        case implausible(WAVError)
        /// Chunks that contradict each other (e.g. a `fmt ` chunk cut short).
        case malformed(WAVError)

        public var description: String {
            switch self {
            case .missing: "does not exist"
            case let .unreadable(code): "cannot be read (\(errorText(code)))"
            case let .notWAV(size): "is not a RIFF/WAVE file (\(size) bytes; no 'RIFF…WAVE' header with a 'fmt ' chunk)"
            case .noData: "has no 'data' chunk in its first \(WAVLimits.headerBytes) bytes"
            case let .notRegular(kind): "is \(kind.rawValue), not a regular file"
            case let .implausible(error): "has an impossible header: \(error)"
            case let .malformed(error): "is not a usable WAV file: \(error)"
            }
        }
    }

    /// Reads the header of the file at `path` (at most ``WAVLimits/headerBytes`` from its start)
    /// and checks it against ``WAVLimits/standard``; no sample is read. The file is opened without
    /// blocking, and anything but a regular file is refused (with `followSymlinks: false`, links too).
    public static func read(path: String, followSymlinks: Bool = true) throws(Problem) -> WAVHeader {
        let found: (layout: WAVLayout, fileSize: Int)
        do {
            found = try WAVFile.layout(path: path, followSymlinks: followSymlinks)
        } catch {
            switch error {
            case .file(.missing): throw .missing
            case let .file(.notRegular(_, kind)): throw .notRegular(kind)
            case let .file(.cannotOpen(_, code)), let .file(.cannotRead(_, code)): throw .unreadable(errno: code)
            case .format(_, .noData): throw .noData
            case let .format(_, .notRIFF(size)): throw .notWAV(size: size)
            case let .format(_, problem): throw .malformed(problem)
            }
        }
        return try header(found.layout, fileSize: found.fileSize)
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
        return try header(layout, fileSize: fileSize)
    }

    static func header(_ layout: WAVLayout, fileSize: Int) throws(Problem) -> WAVHeader {
        do { try WAVLimits.standard.checkPlausible(layout) } catch { throw .implausible(error) }
        return WAVHeader(
            formatTag: layout.formatTag, channels: layout.channels, sampleRate: layout.sampleRate,
            bitsPerSample: layout.bitsPerSample, dataSize: layout.dataSize, dataOffset: layout.dataOffset,
            fileSize: fileSize)
    }
}
