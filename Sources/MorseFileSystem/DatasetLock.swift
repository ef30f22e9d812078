#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Who holds a dataset's lock, as its holder wrote it into the lock file.
public struct LockHolder: Sendable, Equatable, CustomStringConvertible {
    public var pid: Int32
    public var host: String
    /// When it took the lock, in seconds since 1970 (UTC).
    public var since: Int
    /// The command line it runs.
    public var command: String

    public init(pid: Int32, host: String, since: Int, command: String) {
        self.pid = pid
        self.host = host
        self.since = since
        self.command = command
    }

    /// The lock file's text: one `key value` line each.
    var encoded: String {
        "pid \(pid)\nhost \(Self.oneLine(host))\nsince \(since)\ncommand \(Self.oneLine(command))\n"
    }

    /// Parses ``encoded``; nil when the text is empty or damaged.
    init?(parsing text: String) {
        var fields: [Substring: Substring] = [:]
        for line in text.split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            fields[line[..<space]] = line[line.index(after: space)...]
        }
        guard let pid = fields["pid"].flatMap({ Int32($0) }) else { return nil }
        self.pid = pid
        host = fields["host"].map(String.init) ?? "?"
        since = fields["since"].flatMap { Int($0) } ?? 0
        command = fields["command"].map(String.init) ?? "?"
    }

    /// "process 4242 on node17 since 2026-11-27 19:00:00 UTC (morse-dataset generate …)", with
    /// control characters escaped and the command cut to 120 characters.
    public var description: String {
        let command = Self.printable(command, limit: 120)
        return "process \(pid) on \(Self.printable(host, limit: 64)) since \(Self.utc(since)) (\(command))"
    }

    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    static func printable(_ text: String, limit: Int) -> String {
        var result = ""
        for scalar in text.unicodeScalars.prefix(limit) {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result + (text.unicodeScalars.count > limit ? "…" : "")
    }

    static func utc(_ seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        guard gmtime_r(&time, &parts) != nil else { return "\(seconds)" }
        var buffer = [CChar](repeating: 0, count: 32)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%d %H:%M:%S UTC", &parts)
        return count > 0
            ? String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self) : "\(seconds)"
    }

    /// This process, running `command`, now.
    public static func current(command: String) -> LockHolder {
        var name = [CChar](repeating: 0, count: 256)
        let host =
            gethostname(&name, name.count - 1) == 0
            ? String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
        return LockHolder(pid: getpid(), host: host, since: Int(time(nil)), command: command)
    }
}

/// The lock that keeps two runs from writing one dataset at once: `flock` on
/// `.morse-dataset/lock`, opened through the dataset root without following links.
///
/// `flock` locks belong to the open file, so the kernel releases them the moment the holder exits,
/// even after `kill -9` or a crash: a lock is never stale and nobody ever deletes the file. The
/// exclusive holder writes its pid, host, start time and command into the file, so a second run
/// can say who is in the way. (On network file systems `flock` is only as good as the server's
/// lock support; the host name says where to look.)
///
/// Runs that may share the dataset (shards of one run, each writing its own journal) take it
/// ``Mode/shared``; whole-dataset work (generate, overwrite, merge) takes it
/// ``Mode/exclusive``. The lock is held as long as this object lives.
public final class DatasetLock: Sendable {
    public enum Mode: Sendable { case exclusive, shared }

    /// The folder and file name of the lock inside a dataset.
    public static let folder = ".morse-dataset"
    public static let fileName = "lock"

    /// The lock file's path, for messages.
    public let path: String
    public let mode: Mode
    let descriptor: Int32

    private init(descriptor: Int32, path: String, mode: Mode) {
        self.descriptor = descriptor
        self.path = path
        self.mode = mode
    }

    deinit { close(descriptor) }

    /// Takes the lock of the dataset at `root` (creating `.morse-dataset/` and the lock file when
    /// missing), without waiting.
    /// - Parameter command: what this run is, written for the next run to read.
    /// - Throws: ``FileSystemError/locked(path:holder:)`` naming the holder when another run
    ///   holds it; a link or non-regular file in the lock's place is refused.
    public static func acquire(in root: DatasetRoot, mode: Mode = .exclusive, command: String) throws(FileSystemError)
        -> DatasetLock
    {
        try root.makeDirectories(folder)
        let relative = folder + "/" + fileName
        let descriptor = try root.inParent(of: relative, action: "lock") { (parent, name) throws(FileSystemError) in
            let opened = openat(parent, name, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
            guard opened >= 0 else {
                throw root.refusal(
                    in: parent, name: name, relative: relative, errno: errno, action: "lock", expected: .regularFile)
            }
            return opened
        }
        // A FIFO or device in the lock's place is refused, not locked.
        let kind = descriptorStatus(descriptor).map { EntryKind(mode: $0.st_mode) } ?? .unknown
        guard kind == .regularFile else {
            close(descriptor)
            throw .notARegularFile(path: root.display(relative), kind: kind, action: "lock")
        }
        let operation = (mode == .exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB
        while flock(descriptor, operation) != 0 {
            let code = errno
            if code == EINTR { continue }
            let holder = code == EWOULDBLOCK ? readHolder(descriptor) : nil
            close(descriptor)
            if code == EWOULDBLOCK { throw .locked(path: root.path, holder: holder) }
            throw .system(path: root.display(relative), action: "lock", errno: code)
        }
        let lock = DatasetLock(descriptor: descriptor, path: root.display(relative), mode: mode)
        if mode == .exclusive {
            // Only the exclusive holder writes who it is; shared holders leave the file alone.
            let text = Array(LockHolder.current(command: command).encoded.utf8)
            guard ftruncate(descriptor, 0) == 0 else { throw .system(path: lock.path, action: "write", errno: errno) }
            let code = text.withUnsafeBytes { buffer in
                buffer.count == pwrite(descriptor, buffer.baseAddress, buffer.count, 0) ? 0 : (errno == 0 ? EIO : errno)
            }
            if code != 0 { throw .system(path: lock.path, action: "write", errno: code) }
        }
        return lock
    }

    /// The holder recorded in the lock file, if it can be read.
    static func readHolder(_ descriptor: Int32) -> LockHolder? {
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = bytes.withUnsafeMutableBytes { readFully(descriptor, into: $0, at: 0) }
        guard count > 0 else { return nil }
        return LockHolder(parsing: String(decoding: bytes.prefix(count), as: UTF8.self))
    }
}
