import Foundation

/// A regular file opened for reading, refused before any byte is read if it is anything else.
///
/// Opened with `O_NONBLOCK`, so a FIFO or a device named like a clip cannot hang the open, and
/// checked with `fstat` on the open descriptor (no race between the check and the read): FIFOs,
/// folders, devices and sockets are refused by name. With `followSymlinks: false` a symbolic link
/// is refused too (`O_NOFOLLOW`), for files inside a dataset, which are never links.
public final class ReadableFile {
    /// The path as given.
    public let path: String
    /// Size in bytes when opened.
    public let size: Int
    /// The open descriptor (owned by this object: `dup` it to keep it past the object's life).
    public let descriptor: Int32

    public init(path: String, followSymlinks: Bool = true) throws(FileReadError) {
        let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followSymlinks ? 0 : O_NOFOLLOW)
        let descriptor = open(path, flags)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { throw .missing(path: path) }
            if code == ELOOP && !followSymlinks { throw .notRegular(path: path, kind: .symbolicLink) }
            throw .cannotOpen(path: path, errno: code)
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            throw .cannotRead(path: path, errno: code)
        }
        let kind = FileKind(mode: info.st_mode)
        guard kind == .regular else {
            close(descriptor)
            throw .notRegular(path: path, kind: kind)
        }
        self.path = path
        self.descriptor = descriptor
        size = Int(info.st_size)
    }

    deinit { close(descriptor) }

    /// Reads up to `count` bytes from `offset` (fewer only at the end of the file).
    public func read(at offset: Int, count: Int) throws(FileReadError) -> [UInt8] {
        let wanted = max(0, min(count, size - offset))
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
            initialized = 0
            while initialized < wanted {
                let got = pread(
                    descriptor, buffer.baseAddress.map { $0 + initialized }, wanted - initialized,
                    off_t(offset + initialized))
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if got == 0 { return }
                initialized += got
            }
        }
        if failure != 0 { throw .cannotRead(path: path, errno: failure) }
        return bytes
    }
}

/// What a path is, in the words of `ls -l` and `stat`.
public enum FileKind: String, Sendable, Equatable {
    case regular = "a regular file"
    case directory = "a folder"
    case fifo = "a FIFO (named pipe)"
    case characterDevice = "a character device"
    case blockDevice = "a block device"
    case socket = "a socket"
    case symbolicLink = "a symbolic link"
    case unknown = "not a regular file"

    public init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        case S_IFLNK: self = .symbolicLink
        default: self = .unknown
        }
    }
}

/// Why a file cannot be read; each names the path and the operating system's cause.
public enum FileReadError: Error, Equatable, CustomStringConvertible {
    case missing(path: String)
    case notRegular(path: String, kind: FileKind)
    case cannotOpen(path: String, errno: Int32)
    case cannotRead(path: String, errno: Int32)

    public var path: String {
        switch self {
        case let .missing(path), let .notRegular(path, _), let .cannotOpen(path, _), let .cannotRead(path, _): path
        }
    }

    public var description: String {
        switch self {
        case let .missing(path): "'\(path)' does not exist"
        case let .notRegular(path, kind): "'\(path)' is \(kind.rawValue), not a regular file"
        case let .cannotOpen(path, code): "'\(path)' cannot be opened: \(errorText(code))"
        case let .cannotRead(path, code): "'\(path)' cannot be read: \(errorText(code))"
        }
    }
}

/// `Permission denied (EACCES)`: the system's sentence and the errno name to search for.
public func errorText(_ code: Int32) -> String {
    let names: [Int32: String] = [
        EPERM: "EPERM", ENOENT: "ENOENT", EIO: "EIO", ENXIO: "ENXIO", EACCES: "EACCES", EBUSY: "EBUSY",
        ENOTDIR: "ENOTDIR", EISDIR: "EISDIR", EINVAL: "EINVAL", ENFILE: "ENFILE", EMFILE: "EMFILE", EFBIG: "EFBIG",
        EROFS: "EROFS", ENAMETOOLONG: "ENAMETOOLONG", ELOOP: "ELOOP", EOVERFLOW: "EOVERFLOW", EAGAIN: "EAGAIN",
        ENOSPC: "ENOSPC", ENOTEMPTY: "ENOTEMPTY", EEXIST: "EEXIST",
    ]
    return String(cString: strerror(code)) + " (" + (names[code] ?? "errno \(code)") + ")"
}
