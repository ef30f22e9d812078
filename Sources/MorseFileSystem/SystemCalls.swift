#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Thin wrappers over the system calls this module repeats, at file scope so that names the
// types declare (`open`, `stat`, `read`) never shadow them.

typealias FileStatus = stat

/// `open(2)` of a path the user named (not one inside a dataset).
func openPath(_ path: String, _ flags: Int32, _ mode: mode_t = 0o644) -> Int32 {
    open(path, flags, mode)
}

/// `fstatat(folder, name, AT_SYMLINK_NOFOLLOW)`: the entry's status, or nil with errno set.
func entryStatus(in folder: Int32, _ name: String) -> FileStatus? {
    var status = FileStatus()
    return fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0 ? status : nil
}

/// `fstat(2)` of an open descriptor, or nil with errno set.
func descriptorStatus(_ descriptor: Int32) -> FileStatus? {
    var status = FileStatus()
    return fstat(descriptor, &status) == 0 ? status : nil
}

/// Writes every byte, retrying short and interrupted writes; returns 0 or the failing errno.
func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
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

/// Reads into `buffer` from `offset` (or the current position when nil) until it is full or the
/// file ends; returns the count read, or -errno.
func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int?) -> Int {
    var filled = 0
    while filled < buffer.count {
        let target = buffer.baseAddress.map { $0 + filled }
        let count =
            offset.map { pread(descriptor, target, buffer.count - filled, off_t($0 + filled)) }
            ?? read(descriptor, target, buffer.count - filled)
        if count < 0 {
            if errno == EINTR { continue }
            return -Int(errno)
        }
        if count == 0 { break }
        filled += count
    }
    return filled
}

/// Whether process `pid` is gone (`kill(pid, 0)` says ESRCH).
func processIsGone(_ pid: Int32) -> Bool {
    pid > 0 && kill(pid, 0) != 0 && errno == ESRCH
}
