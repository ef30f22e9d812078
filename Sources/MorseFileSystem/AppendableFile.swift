#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A regular file open for appending (a journal). Each ``append(_:)`` is one `write`, so a crash
/// leaves at most one partial last line; a write that fails part-way (a full disk) is cut off
/// again, so a partial line never stands before a later complete one.
///
/// Callers serialise appends (one writer at a time).
public final class AppendableFile: Sendable {
    /// The file's path, for messages.
    public let path: String
    let descriptor: Int32

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    /// Appends `bytes` at the end of the file.
    public func append(_ bytes: UnsafeRawBufferPointer) throws(FileSystemError) {
        let start = lseek(descriptor, 0, SEEK_END)
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                if start >= 0 && offset > 0 { _ = ftruncate(descriptor, start) }
                throw .system(path: path, action: "append to", errno: code)
            }
            offset += written
        }
    }

    /// Appends `line` and a newline in one write.
    public func append(line: String) throws(FileSystemError) {
        var bytes = Array(line.utf8)
        bytes.append(0x0A)
        var failure: FileSystemError?
        bytes.withUnsafeBytes { buffer in
            do throws(FileSystemError) { try append(buffer) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// The file's current size in bytes.
    public func size() throws(FileSystemError) -> Int {
        guard let status = descriptorStatus(descriptor) else {
            throw .system(path: path, action: "inspect", errno: errno)
        }
        return Int(status.st_size)
    }

    /// Cuts the file to `length` bytes (a partial last line left by a crash).
    public func truncate(to length: Int) throws(FileSystemError) {
        guard ftruncate(descriptor, off_t(length)) == 0 else {
            throw .system(path: path, action: "repair", errno: errno)
        }
    }

    /// Forces appended data to stable storage.
    public func sync() throws(FileSystemError) {
        guard fsync(descriptor) == 0 else { throw .system(path: path, action: "sync", errno: errno) }
    }
}
