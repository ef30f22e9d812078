#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a large text file (a `content.plain_text_file` corpus) one line at a time, in chunks
/// of ``chunkSize`` bytes, so memory stays flat whatever the file's size and a stop request
/// (Ctrl-C, SIGTERM) is seen between chunks, within milliseconds.
///
/// The file is opened non-blocking and checked with `fstat` first: a FIFO, device or folder is
/// refused rather than read forever. A line longer than `maximumLineLength` (a binary file, or
/// a file without line breaks) is refused with its line number; so is a line that is not UTF-8.
/// Line endings `\n` and `\r\n` are removed; a last line without a newline is still a line.
public struct TextFileLines: Sendable {
    /// How reading ended.
    public enum Outcome: Sendable, Equatable {
        /// Every line was read; `lines` counts them.
        case finished(lines: Int)
        /// `shouldStop` returned true; `lines` were delivered before.
        case stopped(lines: Int)
    }

    /// The file, as the user named it.
    public let path: String
    /// The longest line accepted, in bytes.
    public var maximumLineLength: Int
    /// How much is read at a time, in bytes.
    public var chunkSize: Int

    public init(path: String, maximumLineLength: Int = 1 << 20, chunkSize: Int = 1 << 20) {
        self.path = path
        self.maximumLineLength = max(1, maximumLineLength)
        self.chunkSize = max(1, chunkSize)
    }

    /// Calls `body` with each line and its 1-based number, in order.
    /// - Parameters:
    ///   - shouldStop: asked before each chunk is read; reading stops when it returns true.
    ///   - body: receives each line; an error it throws ends reading and is rethrown.
    public func forEachLine(
        shouldStop: () -> Bool = { false }, _ body: (_ line: String, _ number: Int) throws -> Void
    ) throws -> Outcome {
        let descriptor = openPath(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemError.system(path: path, action: "read", errno: errno) }
        let file = try ReadableFile(descriptor: descriptor, path: path, action: "read")
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var pending: [UInt8] = []
        var number = 0
        var offset = 0
        func deliver(_ line: ArraySlice<UInt8>) throws {
            number += 1
            var content = line
            if content.last == 0x0D { content = content.dropLast() }
            guard let text = String(validating: content, as: UTF8.self) else {
                throw FileSystemError.notText(path: path, line: number)
            }
            try body(text, number)
        }
        while true {
            if shouldStop() { return .stopped(lines: number) }
            let count = try chunk.withUnsafeMutableBytes { (buffer) throws(FileSystemError) in
                try file.read(into: buffer, at: offset)
            }
            if count == 0 { break }
            offset += count
            var start = 0
            var index = 0
            while index < count {
                if chunk[index] == 0x0A {
                    if pending.isEmpty {
                        try deliver(chunk[start..<index])
                    } else {
                        pending += chunk[start..<index]
                        try deliver(pending[...])
                        pending.removeAll(keepingCapacity: true)
                    }
                    start = index + 1
                } else if pending.count + (index - start) >= maximumLineLength {
                    throw FileSystemError.lineTooLong(path: path, line: number + 1, limit: maximumLineLength)
                }
                index += 1
            }
            pending += chunk[start..<count]
        }
        if !pending.isEmpty { try deliver(pending[...]) }
        return .finished(lines: number)
    }
}
