import Foundation
import MorseDatasetFormat
import MorseFileSystem

/// The open output folder of a run: every file the tool writes, renames or deletes inside a
/// dataset goes through here, reached from the root folder's descriptor one name at a time and
/// never through a symbolic link (see ``DatasetRoot``). Paths are the layout's (`root/...`), so
/// callers keep naming files as ``DatasetLayout`` does; they are turned into paths relative to
/// the root here, and a path outside the root is refused.
public final class DatasetFiles: Sendable {
    public let root: DatasetRoot
    public let layout: DatasetLayout

    public init(root: DatasetRoot, layout: DatasetLayout) {
        self.root = root
        self.layout = layout
    }

    /// Opens (creating when `create`) the folder of `layout`.
    public static func open(_ layout: DatasetLayout, create: Bool) throws(DatasetError) -> DatasetFiles {
        DatasetFiles(
            root: try filed { () throws(FileSystemError) in try DatasetRoot.open(layout.root, create: create) },
            layout: layout)
    }

    /// `path` (a layout path under the root) relative to the root.
    func relative(_ path: String) throws(DatasetError) -> String {
        if path == layout.root { return "" }
        let prefix = layout.root.hasSuffix("/") ? layout.root : layout.root + "/"
        guard path.hasPrefix(prefix) else {
            throw .file(.invalidPath(path: path, reason: "it is outside the dataset \(layout.root)"))
        }
        return String(path.dropFirst(prefix.count))
    }

    public func writeAtomically(_ bytes: [UInt8], to path: String, sync: Bool = false) throws(DatasetError) {
        let name = try relative(path)
        try Self.filed { () throws(FileSystemError) in try root.writeAtomically(bytes, to: name, sync: sync) }
    }

    public func writeAtomically(_ text: String, to path: String, sync: Bool = false) throws(DatasetError) {
        try writeAtomically(Array(text.utf8), to: path, sync: sync)
    }

    /// Creates the folder `path` and its parents inside the root (no link followed).
    public func makeDirectory(_ path: String) throws(DatasetError) {
        let name = try relative(path)
        try Self.filed { () throws(FileSystemError) in try root.makeDirectories(name) }
    }

    /// Opens the folder `path` to write into it by name (a split's audio folder, held open).
    public func folder(_ path: String, create: Bool = false) throws(DatasetError) -> DatasetRoot {
        let name = try relative(path)
        return try Self.filed { () throws(FileSystemError) in try root.folder(name, create: create) }
    }

    /// Size in bytes of the regular file at `path`, or nil if there is none (a link, a device or
    /// a folder in its place counts as none).
    public func fileSize(_ path: String) -> Int? {
        guard let name = try? relative(path), let info = try? root.status(name), info.kind == .regularFile else {
            return nil
        }
        return info.size
    }

    /// Whether anything (a link included) stands at `path`.
    public func exists(_ path: String) -> Bool {
        guard let name = try? relative(path), let info = try? root.status(name) else { return false }
        return info != nil
    }

    /// The entries of the folder `path`; none when it is missing or not a folder.
    public func list(_ path: String) -> [FolderEntry] {
        guard let name = try? relative(path) else { return [] }
        return (try? root.list(name)) ?? []
    }

    /// Removes the file (or link) at `path`; a folder is not removed.
    @discardableResult
    public func remove(_ path: String) throws(DatasetError) -> Bool {
        let name = try relative(path)
        return try Self.filed { () throws(FileSystemError) in try root.remove(name) }
    }

    /// Reads the regular file at `path`, refusing links, non-regular files and files over `limit`.
    public func read(_ path: String, limit: Int) throws(DatasetError) -> [UInt8] {
        let name = try relative(path)
        return try Self.filed { () throws(FileSystemError) in try root.read(name, limit: limit) }
    }

    /// Copies the regular file `source` of `from` (another dataset's folder) to `path`
    /// atomically; a link or non-regular file at `source` is refused.
    public func copy(_ source: String, from: DatasetFiles, to path: String) throws(DatasetError) {
        let name = try relative(path)
        let sourceName = try from.relative(source)
        try Self.filed { () throws(FileSystemError) in try root.copyFile(sourceName, from: from.root, to: name) }
    }

    /// A file written piece by piece under a temporary name until ``BufferedFileWriter/finish()``.
    public func writer(_ path: String) throws(DatasetError) -> BufferedFileWriter {
        let name = try relative(path)
        return BufferedFileWriter(try Self.filed { () throws(FileSystemError) in try root.createAtomically(name) })
    }

    /// The journal-style file at `path`, opened for appending whole lines (a link is refused).
    public func appender(_ path: String) throws(DatasetError) -> LineAppender {
        let name = try relative(path)
        return LineAppender(try Self.filed { () throws(FileSystemError) in try root.openForAppend(name) })
    }

    /// Runs a file-system step, wrapping its error as ``DatasetError/file(_:)``.
    static func filed<T>(_ body: () throws(FileSystemError) -> T) throws(DatasetError) -> T {
        do throws(FileSystemError) { return try body() } catch { throw .file(error) }
    }
}

/// Appends lines to a file with one `write` per line, so a crash leaves at most one partial line
/// (which ``JournalIndex`` ignores and a resumed run cuts off); a failed write is cut off again.
public final class LineAppender: Sendable {
    let file: AppendableFile
    public var path: String { file.path }

    init(_ file: AppendableFile) { self.file = file }

    /// Appends `line` and a newline. Callers serialise calls (one writer at a time).
    public func append(_ line: String) throws(DatasetError) {
        try DatasetFiles.filed { () throws(FileSystemError) in try file.append(line: line) }
    }

    public func size() throws(DatasetError) -> Int {
        try DatasetFiles.filed { () throws(FileSystemError) in try file.size() }
    }

    public func truncate(to length: Int) throws(DatasetError) {
        try DatasetFiles.filed { () throws(FileSystemError) in try file.truncate(to: length) }
    }

    /// Forces appended lines to stable storage.
    public func sync() { try? file.sync() }
}

/// Writes a file through a buffer, under a temporary name until ``finish()`` renames it.
public final class BufferedFileWriter {
    let file: AtomicFile
    public var path: String { file.path }
    private var buffer: [UInt8] = []

    init(_ file: AtomicFile) {
        self.file = file
        buffer.reserveCapacity(1 << 16)
    }

    public func write(_ text: String) throws(DatasetError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    public func write(bytes: some Collection<UInt8>) throws(DatasetError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws(DatasetError) {
        let bytes = buffer
        try DatasetFiles.filed { () throws(FileSystemError) in try file.write(bytes) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and renames the file into place.
    public func finish() throws(DatasetError) {
        try flush()
        try DatasetFiles.filed { () throws(FileSystemError) in try file.finish() }
    }

    /// Removes the temporary file after a failure.
    public func abandon() { file.abandon() }
}

extension DatasetFiles {
    /// Every journal in the state folder (the whole run's and each shard's), sorted by name;
    /// only regular files count (a link named like a journal is not read).
    public func journalFiles() -> [String] {
        list(layout.stateFolder).filter {
            $0.kind == .regularFile && $0.name.hasPrefix("journal") && $0.name.hasSuffix(".jsonl")
        }
        .map { layout.stateFolder + "/" + $0.name }.sorted()
    }
}

extension [BufferedFileWriter] {
    /// Finishes the files in order; one that fails stays in the list, so ``abandonAll()`` removes
    /// it and those after it.
    mutating func finishAll() throws(DatasetError) {
        while let writer = first {
            try writer.finish()
            removeFirst()
        }
    }

    /// Opens `path` for writing in `files` and keeps its writer here, so that a sink whose set-up
    /// fails halfway removes every file it had opened with one ``abandonAll()``.
    mutating func open(_ path: String, in files: DatasetFiles) throws(DatasetError) -> BufferedFileWriter {
        let created = try files.writer(path)
        append(created)
        return created
    }

    /// Removes the temporary files of every writer still open.
    mutating func abandonAll() {
        for writer in self { writer.abandon() }
        removeAll()
    }
}
