#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A regular file open for reading; its kind was checked with `fstat` on the open descriptor, so
/// nothing can swap it for a FIFO or device between the check and the reads.
public final class ReadableFile: Sendable {
    /// The file's path, for messages.
    public let path: String
    /// Its size in bytes when it was opened.
    public let size: Int
    let descriptor: Int32

    /// Takes ownership of `descriptor`; refuses (and closes) it unless it is a regular file.
    init(descriptor: Int32, path: String, action: String) throws(FileSystemError) {
        guard let status = descriptorStatus(descriptor) else {
            let code = errno
            close(descriptor)
            throw .system(path: path, action: action, errno: code)
        }
        let kind = EntryKind(mode: status.st_mode)
        guard kind == .regularFile else {
            close(descriptor)
            throw .notARegularFile(path: path, kind: kind, action: action)
        }
        self.descriptor = descriptor
        self.path = path
        size = Int(status.st_size)
    }

    deinit { close(descriptor) }

    /// Reads up to `count` bytes from `offset` (fewer at the end of the file). Safe to call from
    /// several threads at once (`pread` keeps no shared position).
    public func read(at offset: Int, count: Int) throws(FileSystemError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: max(0, count))
        let got = bytes.withUnsafeMutableBytes { readFully(descriptor, into: $0, at: offset) }
        if got < 0 { throw .system(path: path, action: "read", errno: Int32(-got)) }
        bytes.removeLast(bytes.count - got)
        return bytes
    }

    /// Fills as much of `buffer` as the file holds from `offset`; returns the count read.
    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(FileSystemError) -> Int {
        let got = readFully(descriptor, into: buffer, at: offset)
        if got < 0 { throw .system(path: path, action: "read", errno: Int32(-got)) }
        return got
    }
}
