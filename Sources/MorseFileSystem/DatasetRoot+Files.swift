#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension DatasetRoot {
    /// Writes `bytes` to the file `relative` atomically (temporary file beside it, then
    /// `renameat`). Its folder must exist (see ``makeDirectories(_:)``).
    /// - Parameter sync: `fsync` before the rename, so the file survives a power loss.
    /// - Throws: a link anywhere on the path, or a target that is not a regular file, is refused.
    public func writeAtomically(_ bytes: UnsafeRawBufferPointer, to relative: String, sync: Bool = false)
        throws(FileSystemError)
    {
        let folderDisplay = display(try RelativePath(relative).folders.joined(separator: "/"))
        try inParent(of: relative, action: "write") { (folder, name) throws(FileSystemError) in
            try AtomicReplace.write(
                bytes, name: name, in: folder, display: display(relative), displayFolder: folderDisplay, sync: sync,
                keepPermissions: false)
        }
    }

    /// Starts writing the file `relative` piece by piece; it replaces the target atomically when
    /// ``AtomicFile/finish(sync:)`` is called. Its folder must exist.
    /// - Throws: a link on the path, or a target that is not a regular file, is refused now.
    public func createAtomically(_ relative: String) throws(FileSystemError) -> AtomicFile {
        let folderDisplay = display(try RelativePath(relative).folders.joined(separator: "/"))
        return try inParent(of: relative, action: "write") { (folder, name) throws(FileSystemError) in
            let owned = dup(folder)
            guard owned >= 0 else { throw .system(path: folderDisplay, action: "open the folder", errno: errno) }
            return try AtomicFile(folder: owned, name: name, path: display(relative), displayFolder: folderDisplay)
        }
    }

    /// ``writeAtomically(_:to:sync:)`` for an array of bytes.
    public func writeAtomically(_ bytes: [UInt8], to relative: String, sync: Bool = false) throws(FileSystemError) {
        var failure: FileSystemError?
        bytes.withUnsafeBytes { buffer in
            do throws(FileSystemError) { try writeAtomically(buffer, to: relative, sync: sync) } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }

    /// ``writeAtomically(_:to:sync:)`` for UTF-8 text.
    public func writeAtomically(_ text: String, to relative: String, sync: Bool = false) throws(FileSystemError) {
        try writeAtomically(Array(text.utf8), to: relative, sync: sync)
    }

    /// Copies the regular file `source` of `sourceRoot` to `relative` in this root atomically,
    /// 1 MiB at a time. A link or non-regular source is refused, so a link planted in a shard
    /// never brings a foreign file into the dataset.
    public func copyFile(_ source: String, from sourceRoot: DatasetRoot, to relative: String, sync: Bool = false)
        throws(FileSystemError)
    {
        let input = try sourceRoot.openForReading(source)
        let folderDisplay = display(try RelativePath(relative).folders.joined(separator: "/"))
        try inParent(of: relative, action: "write") { (folder, name) throws(FileSystemError) in
            try AtomicReplace.write(
                name: name, in: folder, display: display(relative), displayFolder: folderDisplay, sync: sync,
                keepPermissions: false
            ) { (output) throws(FileSystemError) in
                var buffer = [UInt8](repeating: 0, count: 1 << 20)
                var offset = 0
                while true {
                    let count = buffer.withUnsafeMutableBytes { readFully(input.descriptor, into: $0, at: offset) }
                    if count < 0 { throw .system(path: input.path, action: "read", errno: Int32(-count)) }
                    if count == 0 { break }
                    let code = buffer.withUnsafeBytes {
                        writeAll(output, UnsafeRawBufferPointer(rebasing: $0[..<count]))
                    }
                    if code != 0 { throw .system(path: display(relative), action: "write", errno: code) }
                    offset += count
                }
            }
        }
    }

    /// Reads the whole regular file `relative`, refusing one larger than `limit` bytes. Opened
    /// with `O_NOFOLLOW | O_NONBLOCK` and checked with `fstat` before reading, so a link is
    /// refused and a FIFO or device never blocks or streams forever.
    public func read(_ relative: String, limit: Int) throws(FileSystemError) -> [UInt8] {
        let file = try openForReading(relative)
        guard file.size <= limit else { throw .tooLarge(path: file.path, size: file.size, limit: limit) }
        // One byte more than the limit shows a file that grew after the check.
        var bytes = [UInt8](repeating: 0, count: min(file.size, limit) + 1)
        let count = bytes.withUnsafeMutableBytes { readFully(file.descriptor, into: $0, at: 0) }
        if count < 0 { throw .system(path: file.path, action: "read", errno: Int32(-count)) }
        guard count <= limit else { throw .tooLarge(path: file.path, size: count, limit: limit) }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// Opens the regular file `relative` for reading (`O_NOFOLLOW | O_NONBLOCK`, then an `fstat`
    /// check: links, FIFOs, devices and folders are refused by name).
    public func openForReading(_ relative: String) throws(FileSystemError) -> ReadableFile {
        try inParent(of: relative, action: "read") { (folder, name) throws(FileSystemError) in
            let descriptor = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw refusal(
                    in: folder, name: name, relative: relative, errno: errno, action: "read", expected: .regularFile)
            }
            return try ReadableFile(descriptor: descriptor, path: display(relative), action: "read")
        }
    }

    /// Opens the regular file `relative` for appending (`O_APPEND | O_NOFOLLOW`, then an `fstat`
    /// check), creating it when missing and `create` is true. A linked journal is refused, so
    /// nothing is ever appended to a file outside the dataset.
    public func openForAppend(_ relative: String, create: Bool = true) throws(FileSystemError) -> AppendableFile {
        try inParent(of: relative, action: "append to") { (folder, name) throws(FileSystemError) in
            // O_NONBLOCK: opening a FIFO for writing with no reader would otherwise hang (it fails
            // with ENXIO instead); it changes nothing for regular files.
            let flags = O_WRONLY | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | (create ? O_CREAT : 0)
            let descriptor = openat(folder, name, flags, 0o644)
            guard descriptor >= 0 else {
                throw refusal(
                    in: folder, name: name, relative: relative, errno: errno, action: "append to",
                    expected: .regularFile)
            }
            guard let status = descriptorStatus(descriptor) else {
                let code = errno
                close(descriptor)
                throw .system(path: display(relative), action: "append to", errno: code)
            }
            let kind = EntryKind(mode: status.st_mode)
            guard kind == .regularFile else {
                close(descriptor)
                throw .notARegularFile(path: display(relative), kind: kind, action: "append to")
            }
            return AppendableFile(descriptor: descriptor, path: display(relative))
        }
    }
}
