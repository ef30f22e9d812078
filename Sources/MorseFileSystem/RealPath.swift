#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A folder's real path: absolute, every link resolved, no `.` or `..` (`realpath(3)`).
public enum RealPath {
    /// The real path of `path`, or the reason there is none: the errno of `realpath`, or nil
    /// for a real path that is not valid UTF-8 (which a JSON manifest cannot carry exactly).
    public static func of(_ path: String) -> Result<String, RealPathFailure> {
        guard let resolved = realpath(path, nil) else { return .failure(.system(errno)) }
        defer { free(resolved) }
        guard let text = String(validatingCString: resolved) else { return .failure(.notUTF8) }
        return .success(text)
    }

    /// Whether `path` (followed through links) is the file or folder `info` describes.
    public static func leads(_ path: String, to info: EntryInfo) -> Bool {
        var status = FileStatus()
        guard stat(path, &status) == 0 else { return false }
        return UInt64(status.st_dev) == info.device && UInt64(status.st_ino) == info.inode
    }
}

/// Why a folder has no usable real path.
public enum RealPathFailure: Error, Equatable, Sendable {
    case system(Int32)
    case notUTF8
}
