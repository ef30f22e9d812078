#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a directory entry is, as `lstat` sees it (a link is a link, never what it points to).
public enum EntryKind: String, Sendable, Equatable, CaseIterable {
    case regularFile = "regular file"
    case directory = "folder"
    case symbolicLink = "symbolic link"
    case characterDevice = "character device"
    case blockDevice = "block device"
    case fifo = "FIFO (named pipe)"
    case socket = "socket"
    case unknown = "special file"

    /// The kind of a `st_mode`.
    public init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regularFile
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symbolicLink
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        default: self = .unknown
        }
    }

    /// "a character device", "a FIFO (named pipe)", "a folder".
    public var withArticle: String {
        switch self {
        case .fifo: "a " + rawValue
        default: (rawValue.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + rawValue
        }
    }
}

/// What `fstatat(…, AT_SYMLINK_NOFOLLOW)` says about one entry.
public struct EntryInfo: Sendable, Equatable {
    public var kind: EntryKind
    /// Size in bytes (for a link, the length of its target text).
    public var size: Int
    /// Device and inode: together they identify a file, whatever path reaches it.
    public var device: UInt64
    public var inode: UInt64
    /// Permission bits (`st_mode & 0o7777`).
    public var permissions: UInt32

    init(_ status: stat) {
        kind = EntryKind(mode: status.st_mode)
        size = Int(status.st_size)
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        permissions = UInt32(status.st_mode) & 0o7777
    }
}

/// One entry of a folder listing.
public struct FolderEntry: Sendable, Equatable, Hashable {
    public var name: String
    public var kind: EntryKind
}
