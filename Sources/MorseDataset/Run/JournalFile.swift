import Foundation
import MorseFileSystem

/// How journals are opened: never through a symbolic link, and only when they are regular files
/// (a FIFO or device named like a journal is refused at once instead of blocking a run).
enum JournalFile {
    /// Opens `path` for reading (`O_NOFOLLOW | O_NONBLOCK`, then an `fstat` check on the open file).
    static func openForReading(_ path: String) throws(DatasetError) -> FileHandle {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            var status = stat()
            if lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK {
                throw .file(.symbolicLink(path: path, action: "read"))
            }
            throw .file(.system(path: path, action: "read", errno: code))
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw .file(.notARegularFile(path: path, kind: EntryKind(mode: status.st_mode), action: "read"))
        }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// The names in the folder `folder` (its entries, links included, never followed); none
    /// when it cannot be listed.
    static func names(in folder: String) -> [String] {
        guard let root = try? DatasetRoot.open(folder) else { return [] }
        return ((try? root.list()) ?? []).filter { $0.kind == .regularFile }.map(\.name)
    }
}
