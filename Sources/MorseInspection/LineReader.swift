import Foundation
import MorseSignal

/// Reads a text file one line at a time, so manifests of any size stream through in flat memory.
public final class LineReader {
    /// The file being read.
    public let path: String
    /// 1-based number of the line last returned by ``next()``.
    public private(set) var lineNumber = 0
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: UnsafeMutablePointer<CChar>?
    private var capacity = 0

    /// Opens `path`, or returns nil if it cannot be read or is not a regular file.
    public convenience init?(path: String) {
        do { try self.init(opening: path) } catch { return nil }
    }

    /// Opens the regular file at `path`. It is opened without blocking and checked on the open
    /// descriptor, so a FIFO or device named like a manifest is refused instead of hanging the read.
    public init(opening path: String) throws(FileReadError) {
        // Opened and checked like a clip (regular files only, no blocking open), then a copy of
        // its descriptor is handed to stdio.
        let opened = try ReadableFile(path: path)
        let descriptor = dup(opened.descriptor)
        guard descriptor >= 0 else { throw .cannotOpen(path: path, errno: errno) }
        // A regular file never blocks; clear the flag so stdio sees an ordinary descriptor.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        guard let file = fdopen(descriptor, "r") else {
            let code = errno
            close(descriptor)
            throw .cannotOpen(path: path, errno: code)
        }
        self.path = path
        self.file = file
    }

    /// The next line without its line ending, or nil at the end of the file.
    public func next() -> String? {
        let length = getline(&buffer, &capacity, file)
        guard length >= 0, let buffer else { return nil }
        lineNumber += 1
        var count = length
        while count > 0 && (buffer[count - 1] == 0x0A || buffer[count - 1] == 0x0D) { count -= 1 }
        return buffer.withMemoryRebound(to: UInt8.self, capacity: count) {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }
    }

    deinit {
        free(buffer)
        fclose(file)
    }
}
