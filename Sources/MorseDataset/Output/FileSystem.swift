import Foundation

/// File operations with the error messages a user can act on; every final file is written under
/// a temporary name in the same folder and renamed into place, so a reader never sees half a file.
public enum FileSystem {
    /// Writes `bytes` to `path` atomically (temporary file + rename).
    public static func writeAtomically(_ bytes: UnsafeRawBufferPointer, to path: String) throws(DatasetError) {
        try writeAtomically(bytes, to: path, through: temporaryPath(for: path))
    }

    /// Writes `bytes` to `path` atomically through the temporary file `temporary`.
    static func writeAtomically(_ bytes: UnsafeRawBufferPointer, to path: String, through temporary: String) throws(DatasetError) {
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .io(path: temporary, errno: errno, action: "create") }
        let code = writeAll(descriptor, bytes)
        guard code == 0 else {
            close(descriptor)
            unlink(temporary)
            throw .io(path: path, errno: code, action: "write")
        }
        try commit(descriptor, temporary: temporary, to: path)
    }

    /// Writes every byte, retrying short and interrupted writes; returns 0 or the failing errno.
    private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }

    /// Closes the finished temporary file and renames it to `path`; on failure it is removed.
    private static func commit(_ descriptor: Int32, temporary: String, to path: String) throws(DatasetError) {
        guard close(descriptor) == 0 else {
            let code = errno
            unlink(temporary)
            throw .io(path: path, errno: code, action: "write")
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw .io(path: path, errno: code, action: "rename into place")
        }
    }

    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(DatasetError) {
        try writeAtomically(bytes, to: path, through: temporaryPath(for: path))
    }

    public static func writeAtomically(_ text: String, to path: String) throws(DatasetError) {
        try writeAtomically(Array(text.utf8), to: path)
    }

    /// Writes a file that other processes may write at the same moment (a shared folder's
    /// `run.json`): the temporary name carries our process id, so writers never share one.
    public static func writeShared(_ text: String, to path: String) throws(DatasetError) {
        try writeAtomically(Array(text.utf8), to: path, through: processTemporaryPath(for: path))
    }

    private static func writeAtomically(_ bytes: [UInt8], to path: String, through temporary: String) throws(DatasetError) {
        var failure: DatasetError?
        bytes.withUnsafeBytes { buffer in
            do throws(DatasetError) { try writeAtomically(buffer, to: path, through: temporary) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// `.name.<pid>.tmp`: the temporary name of ``writeShared(_:to:)``.
    static func processTemporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
    }

    /// Copies `source` to `path` atomically, 1 MiB at a time (memory stays flat).
    public static func copy(_ source: String, to path: String) throws(DatasetError) {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw .io(path: source, errno: errno, action: "read") }
        defer { close(input) }
        let temporary = temporaryPath(for: path)
        let output = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw .io(path: temporary, errno: errno, action: "create") }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        func fail(_ error: DatasetError) -> DatasetError {
            close(output)
            unlink(temporary)
            return error
        }
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw fail(.io(path: source, errno: errno, action: "read"))
            }
            if count == 0 { break }
            let code = buffer.withUnsafeBytes { writeAll(output, UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            if code != 0 { throw fail(.io(path: path, errno: code, action: "write")) }
        }
        try commit(output, temporary: temporary, to: path)
    }

    /// The temporary name used while `path` is being written.
    public static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".tmp").path
    }

    /// Creates `path` and its parents, and checks that we can write into it (also as root: a
    /// read-only file system fails the check).
    public static func makeDirectory(_ path: String) throws(DatasetError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .io(path: path, errno: ENOTDIR, action: "create folder") }
        } else {
            let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
            if !parent.isEmpty && parent != path && parent != "/" { try makeDirectory(parent) }
            if mkdir(path, 0o755) != 0 && errno != EEXIST { throw .io(path: path, errno: errno, action: "create folder") }
        }
        guard access(path, W_OK) == 0 else { throw .io(path: path, errno: errno, action: "write into folder") }
    }

    /// Size in bytes of the regular file at `path`, or nil if there is none.
    public static func fileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    public static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }
}

/// Appends lines to a file with one `write` per line, so a crash leaves at most one partial line
/// (which ``JournalIndex`` ignores and a resumed run cuts off).
public final class LineAppender: @unchecked Sendable {
    private let descriptor: Int32
    public let path: String

    public init(path: String) throws(DatasetError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .io(path: path, errno: errno, action: "open for appending") }
    }

    /// Appends `line` and a newline. Callers serialise calls (one writer at a time).
    ///
    /// If the write fails part-way (a full disk), the part already written is cut off again, so
    /// the journal never holds a partial line before a later complete one.
    public func append(_ line: String) throws(DatasetError) {
        var bytes = Array(line.utf8)
        bytes.append(0x0A)
        let start = lseek(descriptor, 0, SEEK_END)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                if start >= 0 && offset > 0 { _ = ftruncate(descriptor, start) }
                throw .io(path: path, errno: code, action: "append to")
            }
            offset += written
        }
    }

    /// Forces appended lines to stable storage.
    public func sync() { fsync(descriptor) }

    deinit { close(descriptor) }
}

/// Writes a text file through a buffer, under a temporary name until ``finish()`` renames it.
public final class BufferedFileWriter {
    public let path: String
    private let temporary: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []

    public init(path: String) throws(DatasetError) {
        self.path = path
        temporary = FileSystem.temporaryPath(for: path)
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .io(path: path, errno: errno, action: "create") }
        buffer.reserveCapacity(1 << 16)
    }

    public func write(_ text: String) throws(DatasetError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    public func write(bytes: some Collection<UInt8>) throws(DatasetError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws(DatasetError) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, errno: errno, action: "write")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and renames the file into place.
    public func finish() throws(DatasetError) {
        try flush()
        guard close(descriptor) == 0 else { throw .io(path: path, errno: errno, action: "write") }
        guard rename(temporary, path) == 0 else { throw .io(path: path, errno: errno, action: "rename into place") }
    }

    /// Removes the temporary file after a failure.
    public func abandon() {
        close(descriptor)
        unlink(temporary)
    }
}
