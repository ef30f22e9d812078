#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files a command writes outside any dataset, at a path the user named: `render -o`,
/// `render --timeline`, `preview -o`, `stats --html`.
///
/// Written atomically beside the target (a temporary file in the same folder, then `renameat`),
/// so an interrupted command leaves the old file or the new one. A target that exists and is not
/// a regular file is refused with its kind: as root, `-o /dev/null` must not turn the host's
/// `/dev/null` into a regular file, and a FIFO must not hang the command. A symbolic link as the
/// target is refused too (name the file it points to instead). A replaced file keeps its
/// permission bits. The folders on the user's path are the user's own and are followed.
public enum StandaloneOutput {
    /// Writes `bytes` to `path` atomically.
    /// - Parameter sync: `fsync` before the rename (the file survives a power loss).
    public static func write(_ bytes: [UInt8], to path: String, sync: Bool = true) throws(FileSystemError) {
        let (folderPath, name) = try split(path)
        let folder = openPath(folderPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else {
            throw .system(path: folderPath, action: "open the folder of \(path) in", errno: errno)
        }
        defer { close(folder) }
        var failure: FileSystemError?
        bytes.withUnsafeBytes { buffer in
            do throws(FileSystemError) {
                try AtomicReplace.write(
                    buffer, name: name, in: folder, display: path, displayFolder: folderPath, sync: sync,
                    keepPermissions: true)
            } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// ``write(_:to:sync:)`` for UTF-8 text.
    public static func write(_ text: String, to path: String, sync: Bool = true) throws(FileSystemError) {
        try write(Array(text.utf8), to: path, sync: sync)
    }

    /// Refuses paths that name the same file (for example `render --timeline` equal to its
    /// `--output`, or an output equal to the input it is made from): two paths are the same when
    /// both exist as one device and inode, or when their folders resolve to one real path and
    /// their names agree.
    public static func checkDistinct(_ paths: [String]) throws(FileSystemError) {
        var seen: [(path: String, identity: Identity)] = []
        for path in paths {
            let identity = try Identity(path)
            if let earlier = seen.first(where: { $0.identity.isSameFile(as: identity) }) {
                throw .sameFile(path: earlier.path, other: path)
            }
            seen.append((path, identity))
        }
    }

    /// Where a path leads: its folder's real path and its name, and the file's device and inode
    /// when it exists.
    struct Identity {
        var location: String
        var file: (device: UInt64, inode: UInt64)?

        init(_ path: String) throws(FileSystemError) {
            let (folder, name) = try StandaloneOutput.split(path)
            var real = folder
            if let resolved = realpath(folder, nil) {
                real = String(cString: resolved)
                free(resolved)
            }
            location = real + "/" + name
            var status = FileStatus()
            if stat(path, &status) == 0 { file = (UInt64(status.st_dev), UInt64(status.st_ino)) }
        }

        func isSameFile(as other: Identity) -> Bool {
            if let file, let otherFile = other.file { return file == otherFile }
            return location == other.location
        }
    }

    /// The folder and the file name of `path` (the folder is `.` for a bare name).
    static func split(_ path: String) throws(FileSystemError) -> (folder: String, name: String) {
        guard !path.isEmpty, !path.utf8.contains(0) else {
            throw .invalidPath(path: path, reason: "it is empty or contains a NUL byte")
        }
        guard !path.hasSuffix("/") else { throw .invalidPath(path: path, reason: "it names a folder; add a file name") }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        let name = String(parts.last ?? "")
        guard name != ".", name != ".." else {
            throw .invalidPath(path: path, reason: "it names a folder; add a file name")
        }
        guard parts.count > 1 else { return (".", name) }
        let folder = parts.dropLast().joined(separator: "/")
        return (folder.isEmpty ? "/" : folder, name)
    }
}
