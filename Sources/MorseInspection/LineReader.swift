import Foundation

/// Reads a text file one line at a time, so manifests of any size stream through in flat memory.
public final class LineReader {
    /// The file being read.
    public let path: String
    /// 1-based number of the line last returned by ``next()``.
    public private(set) var lineNumber = 0
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: UnsafeMutablePointer<CChar>?
    private var capacity = 0

    /// Opens `path`, or returns nil if it cannot be read.
    public init?(path: String) {
        guard let file = fopen(path, "r") else { return nil }
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
