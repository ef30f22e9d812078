#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a file operation was refused or failed. Every description names the path, what the tool
/// was doing, the real cause (the system's words and the errno name, e.g. `ENOSPC`) and a fix in
/// plain words. Fixes never name command-line flags: the CLI adds those where they apply.
public enum FileSystemError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A system call failed: `action` ("create", "rename into place", …) on `path` gave `errno`.
    case system(path: String, action: String, errno: Int32)
    /// A symbolic link inside a dataset, refused by `O_NOFOLLOW` (`ELOOP`) or by an `lstat` check.
    case symbolicLink(path: String, action: String)
    /// Something that is not a regular file (a device, FIFO, socket, folder or link) where a file
    /// was to be read, written or replaced.
    case notARegularFile(path: String, kind: EntryKind, action: String)
    /// Something other than a folder where a folder was expected.
    case notAFolder(path: String, kind: EntryKind, action: String)
    /// A path inside a dataset that is absolute, empty, or climbs out with `..`.
    case invalidPath(path: String, reason: String)
    /// A file larger than the reader accepts.
    case tooLarge(path: String, size: Int, limit: Int)
    /// A text line longer than the reader accepts (a binary file, or one without line breaks).
    case lineTooLong(path: String, line: Int, limit: Int)
    /// A text line that is not valid UTF-8.
    case notText(path: String, line: Int)
    /// Another process holds the dataset's lock.
    case locked(path: String, holder: LockHolder?)
    /// Two outputs of one command resolve to the same file.
    case sameFile(path: String, other: String)

    public var description: String {
        switch self {
        case let .system(path, action, code):
            return "cannot \(action) \(path): \(Self.cause(code)); \(Self.fix(code))"
        case let .symbolicLink(path, action):
            return
                "cannot \(action) \(path): it is a symbolic link, and links inside a dataset are never followed "
                + "(\(Self.cause(ELOOP))); a link there could make the tool write or delete outside the dataset. "
                + "Replace the link with a real file or folder (or remove it), then run the same command again"
        case let .notARegularFile(path, kind, action):
            return
                "cannot \(action) \(path): it is \(kind.withArticle), not a regular file; the tool only reads "
                + "and replaces regular files. \(kind == .directory ? "Name a file inside that folder" : "Name a regular file instead") "
                + "(or move \(path) away if it should not be there)"
        case let .notAFolder(path, kind, action):
            return
                "cannot \(action) \(path): it is \(kind.withArticle), not a folder; move it away or choose another folder"
        case let .invalidPath(path, reason):
            return "refused the path \(Self.quoted(path)): \(reason); use a path of plain names inside the dataset"
        case let .tooLarge(path, size, limit):
            return
                "refused to read \(path): it is \(size) bytes, more than the \(limit) bytes such a file can hold; check that it is the right file"
        case let .lineTooLong(path, line, limit):
            return
                "cannot read \(path) line \(line): longer than \(limit) bytes; it is probably not a text file with one entry a line"
        case let .notText(path, line):
            return "cannot read \(path) line \(line): not valid UTF-8 text; save the file as UTF-8"
        case let .locked(path, holder):
            let who = holder.map { "by \($0)" } ?? "by another run (one that shares the dataset, or one just starting)"
            return
                "\(path) is in use \(who). Wait for that run to finish, or stop it. The lock is released by the "
                + "kernel the moment its holder exits, even after a crash or kill -9, so it is never stale: if that "
                + "process is gone, simply run again"
        case let .sameFile(path, other):
            return "\(path) and \(other) are the same file; give each output its own file name"
        }
    }

    /// The system's words for `code` and its symbolic name: "No space left on device (ENOSPC)".
    public static func cause(_ code: Int32) -> String {
        let words = strerror(code).map { String(cString: $0) } ?? "error \(code)"
        return "\(words) (\(ErrnoName.of(code)))"
    }

    /// What the user can do about `code`, in plain words.
    public static func fix(_ code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT:
            return
                "free some space (or raise the quota) on that file system, or choose a folder on another one; then run the same command again"
        case EROFS:
            return "the file system is mounted read-only; choose a folder on a writable one (or remount it read-write)"
        case EACCES, EPERM:
            return
                "check the permissions of the file and its folder (even root is refused by some network file systems, immutable files and security policies)"
        case ENOTEMPTY, EEXIST:
            return "that folder holds files the tool did not make; move them away or choose another folder"
        case ENOENT:
            return "check that the path exists (a folder in it may have been moved or deleted while the tool ran)"
        case ENXIO:
            return "it is a FIFO (named pipe) or device with nothing on the other end; name a regular file instead"
        case ELOOP: return "a symbolic link is in the way; replace it with a real file or folder"
        case EISDIR: return "a folder has that name; name a file instead"
        case ENOTDIR: return "a part of the path is a file, not a folder; check the path"
        case EIO:
            return "the storage reported an input/output error; check the disk or network file system, then run again"
        case EMFILE, ENFILE:
            return "too many files are open; raise the open-file limit (ulimit -n) or use fewer workers"
        case ENAMETOOLONG: return "use a shorter path"
        case EXDEV: return "both paths must be on the same file system"
        case EBUSY, ETXTBSY: return "the file is in use (a mount point, or a running program); choose another path"
        case EFBIG: return "the file is too large for that file system; choose a folder on another one"
        case EAGAIN: return "the file is busy or would block; try again, or name a regular file"
        default: return "check the path and the disk, then run again"
        }
    }

    /// `path` in quotes with control characters escaped, cut to 80 characters (paths come from
    /// untrusted input and are echoed to a terminal).
    static func quoted(_ path: String) -> String {
        var text = ""
        for scalar in path.unicodeScalars.prefix(80) {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                text += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return "'" + text + (path.unicodeScalars.count > 80 ? "…" : "") + "'"
    }
}

/// Symbolic names of the errno values the tool meets, so messages say `ENOTEMPTY`, not only
/// "Directory not empty".
enum ErrnoName {
    static func of(_ code: Int32) -> String {
        switch code {
        case EPERM: "EPERM"
        case ENOENT: "ENOENT"
        case ESRCH: "ESRCH"
        case EINTR: "EINTR"
        case EIO: "EIO"
        case ENXIO: "ENXIO"
        case E2BIG: "E2BIG"
        case EBADF: "EBADF"
        case EAGAIN: "EAGAIN"
        case ENOMEM: "ENOMEM"
        case EACCES: "EACCES"
        case EFAULT: "EFAULT"
        case EBUSY: "EBUSY"
        case EEXIST: "EEXIST"
        case EXDEV: "EXDEV"
        case ENODEV: "ENODEV"
        case ENOTDIR: "ENOTDIR"
        case EISDIR: "EISDIR"
        case EINVAL: "EINVAL"
        case ENFILE: "ENFILE"
        case EMFILE: "EMFILE"
        case ETXTBSY: "ETXTBSY"
        case EFBIG: "EFBIG"
        case ENOSPC: "ENOSPC"
        case ESPIPE: "ESPIPE"
        case EROFS: "EROFS"
        case EMLINK: "EMLINK"
        case EPIPE: "EPIPE"
        case ENAMETOOLONG: "ENAMETOOLONG"
        case ENOLCK: "ENOLCK"
        case ENOSYS: "ENOSYS"
        case ENOTEMPTY: "ENOTEMPTY"
        case ELOOP: "ELOOP"
        case EDQUOT: "EDQUOT"
        case ESTALE: "ESTALE"
        case EOPNOTSUPP: "EOPNOTSUPP"
        default: "errno \(code)"
        }
    }
}
