#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file written piece by piece (a manifest, a WebDataset tar, a merged journal) under a
/// temporary name beside its target, through a 64 KiB buffer, and renamed into place by
/// ``finish(sync:)``. Until then readers see the old file (or none); ``abandon()`` (or letting go
/// of an unfinished file) removes the temporary file.
///
/// It holds its folder open, so the rename lands in the folder it was created in even if that
/// folder's path changes meanwhile. One owner writes it (not shared between threads).
public final class AtomicFile {
    /// The target's path, for messages.
    public let path: String
    private let folder: Int32
    private let name: String
    private let temporary: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var open = true

    static let bufferSize = 1 << 16

    /// Takes ownership of `folder` (closed on deinit).
    init(folder: Int32, name: String, path: String, displayFolder: String) throws(FileSystemError) {
        let created: (descriptor: Int32, temporary: String)
        do throws(FileSystemError) {
            created = try AtomicReplace.createTemporary(
                for: name, in: folder, display: path, displayFolder: displayFolder, keepPermissions: false)
        } catch {
            close(folder)
            throw error
        }
        self.folder = folder
        self.name = name
        self.path = path
        temporary = created.temporary
        descriptor = created.descriptor
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        if open { abandon() }
        close(folder)
    }

    /// Appends `bytes`.
    public func write(_ bytes: some Collection<UInt8>) throws(FileSystemError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Appends `text` as UTF-8.
    public func write(_ text: String) throws(FileSystemError) {
        try write(text.utf8)
    }

    private func flush() throws(FileSystemError) {
        guard open else { throw .system(path: path, action: "write", errno: EBADF) }
        let code = buffer.withUnsafeBytes { writeAll(descriptor, $0) }
        if code != 0 { throw .system(path: path, action: "write", errno: code) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and renames the file into place.
    /// - Parameter sync: `fsync` before the rename (the file survives a power loss).
    public func finish(sync: Bool = false) throws(FileSystemError) {
        do throws(FileSystemError) { try flush() } catch {
            abandon()
            throw error
        }
        open = false
        try AtomicReplace.commit(descriptor, temporary: temporary, to: name, in: folder, display: path, sync: sync)
    }

    /// Drops the file: the temporary file is removed and the target left as it was.
    public func abandon() {
        guard open else { return }
        open = false
        close(descriptor)
        unlinkat(folder, temporary, 0)
    }
}
