#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces one file in a folder atomically: a temporary file beside it, created with
/// `O_CREAT | O_EXCL | O_NOFOLLOW`, is filled completely (and optionally synced), then renamed
/// over the target with `renameat`. A reader sees the old file or the new one, never half a file;
/// a crash leaves at most the temporary `.NAME.PID.tmp`, which the next run's clean-up removes.
///
/// A target that exists and is not a regular file (a link, device, FIFO, socket or folder) is
/// refused before anything is written, so `/dev/null` stays a device and a planted link stays a
/// link. One writer per target at a time (the dataset lock, or a single command, ensures it).
enum AtomicReplace {
    /// The temporary name used while `name` is written by this process.
    static func temporaryName(for name: String) -> String {
        "." + name + ".\(getpid()).tmp"
    }

    /// Writes the file `name` in `folder` through `fill`, which writes the contents to the
    /// descriptor it is given.
    /// - Parameters:
    ///   - display: the target's path for messages; `displayFolder` the folder's.
    ///   - sync: `fsync` the file before renaming it (it survives a power loss once renamed).
    ///   - keepPermissions: give the new file the permission bits of the one it replaces.
    static func write(
        name: String, in folder: Int32, display: String, displayFolder: String, sync: Bool, keepPermissions: Bool,
        fill: (Int32) throws(FileSystemError) -> Void
    ) throws(FileSystemError) {
        let (descriptor, temporary) = try createTemporary(
            for: name, in: folder, display: display, displayFolder: displayFolder, keepPermissions: keepPermissions)
        do { try fill(descriptor) } catch {
            close(descriptor)
            unlinkat(folder, temporary, 0)
            throw error
        }
        try commit(descriptor, temporary: temporary, to: name, in: folder, display: display, sync: sync)
    }

    /// Checks that `name` in `folder` is missing or a regular file, then creates this process's
    /// temporary file beside it.
    /// - Returns: the temporary file's descriptor (open for writing) and name.
    static func createTemporary(
        for name: String, in folder: Int32, display: String, displayFolder: String, keepPermissions: Bool
    ) throws(FileSystemError) -> (descriptor: Int32, temporary: String) {
        var permissions: mode_t?
        if let status = entryStatus(in: folder, name) {
            let kind = EntryKind(mode: status.st_mode)
            if kind == .symbolicLink { throw .symbolicLink(path: display, action: "replace") }
            guard kind == .regularFile else { throw .notARegularFile(path: display, kind: kind, action: "replace") }
            if keepPermissions { permissions = status.st_mode & 0o7777 }
        } else if errno != ENOENT {
            throw .system(path: display, action: "inspect", errno: errno)
        }
        let temporary = temporaryName(for: name)
        let temporaryDisplay = displayFolder + (displayFolder.hasSuffix("/") ? "" : "/") + temporary
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC
        var descriptor = openat(folder, temporary, flags, 0o644)
        if descriptor < 0 && errno == EEXIST {
            // Left by a killed run of a process with our pid: it is ours to remove (unlinkat
            // removes a link itself, never what it points to).
            _ = unlinkat(folder, temporary, 0)
            descriptor = openat(folder, temporary, flags, 0o644)
        }
        guard descriptor >= 0 else { throw .system(path: temporaryDisplay, action: "create", errno: errno) }
        if let permissions, fchmod(descriptor, permissions) != 0 {
            let code = errno
            close(descriptor)
            unlinkat(folder, temporary, 0)
            throw .system(path: temporaryDisplay, action: "set the permissions of", errno: code)
        }
        return (descriptor, temporary)
    }

    /// Syncs (when asked) and closes the finished temporary file, then renames it over `name`;
    /// on any failure the temporary file is removed.
    static func commit(
        _ descriptor: Int32, temporary: String, to name: String, in folder: Int32, display: String, sync: Bool
    )
        throws(FileSystemError)
    {
        if sync && fsync(descriptor) != 0 {
            let code = errno
            close(descriptor)
            unlinkat(folder, temporary, 0)
            throw .system(path: display, action: "sync", errno: code)
        }
        guard close(descriptor) == 0 else {
            let code = errno
            unlinkat(folder, temporary, 0)
            throw .system(path: display, action: "write", errno: code)
        }
        guard renameat(folder, temporary, folder, name) == 0 else {
            let code = errno
            unlinkat(folder, temporary, 0)
            throw .system(path: display, action: "rename into place", errno: code)
        }
    }

    /// ``write(name:in:display:displayFolder:sync:keepPermissions:fill:)`` with a byte buffer.
    static func write(
        _ bytes: UnsafeRawBufferPointer, name: String, in folder: Int32, display: String, displayFolder: String,
        sync: Bool,
        keepPermissions: Bool
    ) throws(FileSystemError) {
        try write(
            name: name, in: folder, display: display, displayFolder: displayFolder, sync: sync,
            keepPermissions: keepPermissions
        ) {
            (descriptor) throws(FileSystemError) in
            let code = writeAll(descriptor, bytes)
            if code != 0 { throw .system(path: display, action: "write", errno: code) }
        }
    }
}
