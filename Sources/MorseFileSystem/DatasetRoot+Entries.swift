#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension DatasetRoot {
    /// What `relative` is (`fstatat` with `AT_SYMLINK_NOFOLLOW`: a link is reported as a link),
    /// or nil when nothing has that name (nor one of its folders). The empty path is this folder.
    /// - Throws: a link or a non-folder on the way is refused, as everywhere.
    public func status(_ relative: String) throws(FileSystemError) -> EntryInfo? {
        if relative.isEmpty {
            guard let status = descriptorStatus(descriptor) else {
                throw .system(path: path, action: "inspect", errno: errno)
            }
            return EntryInfo(status)
        }
        do throws(FileSystemError) {
            return try inParent(of: relative, action: "inspect") { (folder, name) throws(FileSystemError) in
                guard let status = entryStatus(in: folder, name) else {
                    if errno == ENOENT { return nil }
                    throw .system(path: display(relative), action: "inspect", errno: errno)
                }
                return EntryInfo(status)
            }
        } catch {
            // A folder on the way is missing: then so is the entry.
            if case .system(_, _, ENOENT) = error { return nil }
            throw error
        }
    }

    /// The entries of the folder `relative` (this folder when empty), without `.` and `..`, in
    /// the order the file system returns them. The folder is opened without following a link,
    /// on a descriptor of its own, so listings never share a read position.
    public func list(_ relative: String = "") throws(FileSystemError) -> [FolderEntry] {
        let target = try RelativePath(relative)
        let opened = try walk(target.components[...], create: false, action: "list")
        // fdopendir takes the descriptor over; give it a fresh one (not a dup, which would share
        // the read position) when the walk returned our own.
        let owned = opened == descriptor ? openat(descriptor, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC) : opened
        guard owned >= 0, let stream = fdopendir(owned) else {
            let code = errno
            if owned >= 0 { close(owned) }
            throw .system(path: display(relative), action: "list", errno: code)
        }
        defer { closedir(stream) }
        var entries: [FolderEntry] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw .system(path: display(relative), action: "list", errno: errno) }
                break
            }
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            if name == "." || name == ".." { continue }
            var kind: EntryKind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .regularFile
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_LNK): kind = .symbolicLink
            case Int32(DT_CHR): kind = .characterDevice
            case Int32(DT_BLK): kind = .blockDevice
            case Int32(DT_FIFO): kind = .fifo
            case Int32(DT_SOCK): kind = .socket
            default: kind = entryStatus(in: dirfd(stream), name).map { EntryKind(mode: $0.st_mode) } ?? .unknown
            }
            entries.append(FolderEntry(name: name, kind: kind))
        }
        return entries
    }

    /// Removes the regular file or empty folder `relative`; returns false when there was none.
    /// Never follows a link: a link, device, FIFO or socket is refused by name, and a folder
    /// that is not empty fails with `ENOTEMPTY`.
    @discardableResult
    public func remove(_ relative: String) throws(FileSystemError) -> Bool {
        try inParent(of: relative, action: "remove") { (folder, name) throws(FileSystemError) in
            guard let status = entryStatus(in: folder, name) else {
                if errno == ENOENT { return false }
                throw .system(path: display(relative), action: "remove", errno: errno)
            }
            let kind = EntryKind(mode: status.st_mode)
            switch kind {
            case .regularFile, .directory:
                guard unlinkat(folder, name, kind == .directory ? AT_REMOVEDIR : 0) == 0 else {
                    if errno == ENOENT { return false }
                    throw .system(path: display(relative), action: "remove", errno: errno)
                }
                return true
            case .symbolicLink:
                throw .symbolicLink(path: display(relative), action: "remove")
            default:
                throw .notARegularFile(path: display(relative), kind: kind, action: "remove")
            }
        }
    }

    /// Renames `source` to `destination`, both inside this folder (`renameat`, which never
    /// follows a link: a link is moved as a link).
    /// - Parameter replace: whether an existing `destination` may be replaced (a regular file by
    ///   a regular file); when false, an existing destination fails with `EEXIST`.
    public func rename(_ source: String, to destination: String, replace: Bool = false) throws(FileSystemError) {
        try inParent(of: source, action: "rename") { (from, oldName) throws(FileSystemError) in
            guard let moving = entryStatus(in: from, oldName) else {
                throw .system(path: display(source), action: "rename", errno: errno)
            }
            try inParent(of: destination, action: "rename") { (to, newName) throws(FileSystemError) in
                if let existing = entryStatus(in: to, newName) {
                    guard replace else {
                        throw .system(path: display(destination), action: "rename \(display(source)) to", errno: EEXIST)
                    }
                    let kind = EntryKind(mode: existing.st_mode)
                    guard kind == .regularFile, EntryKind(mode: moving.st_mode) == .regularFile else {
                        throw .notARegularFile(path: display(destination), kind: kind, action: "replace")
                    }
                }
                guard renameat(from, oldName, to, newName) == 0 else {
                    throw .system(path: display(destination), action: "rename \(display(source)) to", errno: errno)
                }
            }
        }
    }
}
