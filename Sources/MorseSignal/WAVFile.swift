/// Reads WAV files from disk with every check done before the samples are allocated.
///
/// Order: open (regular files only, never blocking), read at most ``WAVLimits/headerBytes``,
/// parse the chunks, check the format against ``WAVLimits``, check the declared data against the
/// file's size and the length limits, and only then read the data chunk itself.
public enum WAVFile {
    /// The layout of the WAV file at `path` and its size, from a bounded read of its start.
    public static func layout(path: String, followSymlinks: Bool = true) throws(WAVReadError) -> (
        layout: WAVLayout, fileSize: Int
    ) {
        let file: ReadableFile
        do { file = try ReadableFile(path: path, followSymlinks: followSymlinks) } catch { throw .file(error) }
        return try layout(of: file)
    }

    /// Decodes the mono or multichannel WAV file at `path` (16-bit PCM or 32-bit float).
    public static func read(path: String, limits: WAVLimits = .standard, followSymlinks: Bool = true)
        throws(WAVReadError) -> WAVAudio
    {
        let file: ReadableFile
        do { file = try ReadableFile(path: path, followSymlinks: followSymlinks) } catch { throw .file(error) }
        let (layout, fileSize) = try layout(of: file)
        let format: WAVSampleFormat
        do throws(WAVError) {
            try limits.checkPlausible(layout)
            format = try WAVDecoder.sampleFormat(layout)
            let end = layout.dataOffset + layout.dataSize
            guard end <= fileSize else { throw .truncated(expected: end, actual: fileSize) }
            try limits.checkLength(samples: layout.dataSize / format.bytesPerSample, layout: layout)
        } catch {
            throw .format(path: path, error)
        }
        let data: [UInt8]
        do { data = try file.read(at: layout.dataOffset, count: layout.dataSize) } catch { throw .file(error) }
        do throws(WAVError) {
            guard data.count == layout.dataSize else {
                throw .truncated(expected: layout.dataOffset + layout.dataSize, actual: layout.dataOffset + data.count)
            }
            let samples = try data.withUnsafeBytes { raw in
                Result { () throws(WAVError) in try WAVDecoder.samples(raw, format: format) }
            }.get()
            return WAVAudio(samples: samples, sampleRate: layout.sampleRate, channels: layout.channels, format: format)
        } catch {
            throw .format(path: path, error)
        }
    }

    static func layout(of file: ReadableFile) throws(WAVReadError) -> (layout: WAVLayout, fileSize: Int) {
        let head: [UInt8]
        do { head = try file.read(at: 0, count: WAVLimits.headerBytes) } catch { throw .file(error) }
        do {
            return (try WAVLayout.parse(head), file.size)
        } catch {
            throw .format(path: file.path, error == .notWAV ? .notRIFF(fileSize: file.size) : error)
        }
    }
}

/// Why a WAV file cannot be read: the file itself, or what it holds.
public enum WAVReadError: Error, Equatable, CustomStringConvertible {
    case file(FileReadError)
    case format(path: String, WAVError)

    public var path: String {
        switch self {
        case let .file(error): error.path
        case let .format(path, _): path
        }
    }

    public var description: String {
        switch self {
        case let .file(error): error.description
        case let .format(path, error): "'\(path)' cannot be used: \(error)"
        }
    }
}
