#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces a dataset with a new one so that a crash at any instant leaves a folder the next run
/// can use, and deletes only what the tool made.
///
/// 1. ``moveAside(in:holding:)`` renames every tool-made entry into a trash folder
///    `.morse-dataset-trash-PID` inside the root (same file system, so each step is one
///    `renameat`). The descriptor (`.morse-dataset/run.json`) goes first; the lock file stays.
/// 2. The caller writes the new descriptor.
/// 3. ``deleteTrash(_:in:)`` deletes the trash. Inside tool folders only entries the tool names
///    (``isToolMade``) are deleted; anything else is moved back to where it was and listed.
///
/// So at every instant the root holds the old dataset, or the old one (partly) in the trash with
/// no descriptor, or the trash and the new descriptor. A run that finds a trash folder whose
/// owner is gone calls ``recover(in:holding:)``: with no descriptor the move was cut short and is
/// finished; then the trash is deleted. Nothing here ever follows a link: a link named like a tool
/// folder is moved and unlinked as a link, and what it points to is never touched.
public struct DatasetOverwrite: Sendable {
    /// The names of the entries the tool makes at the top of a dataset (`.morse-dataset`,
    /// `audio`, `splits`, `manifests`, `webdataset`, `metadata.csv`, …). These are moved aside
    /// whole (the lock folder entry by entry, keeping the lock file).
    public var names: [String]
    /// The file whose presence makes the folder a dataset, relative to the root; moved first.
    public var descriptor: String
    /// Whether the entry at `path` (its place in the dataset, e.g. `audio/train/000042.wav`) of
    /// `kind` is one the tool makes, and so may be deleted. Called for entries inside tool folders.
    public var isToolMade: @Sendable (_ path: String, _ kind: EntryKind) -> Bool

    /// How deep trash folders are searched; deeper entries are kept (and listed).
    public static let maximumDepth = 32
    /// The trash folders' name before the owner's process id.
    public static let trashPrefix = ".morse-dataset-trash-"

    public init(
        names: [String], descriptor: String, isToolMade: @escaping @Sendable (_ path: String, _ kind: EntryKind) -> Bool
    ) {
        self.names = names
        self.descriptor = descriptor
        self.isToolMade = isToolMade
    }

    /// Step 1: moves every tool-made entry of `root` into this process's trash folder and returns
    /// the trash folder's name. The descriptor moves first, so from the first rename on, the
    /// folder no longer claims to be the old dataset.
    /// - Parameter lock: the dataset's lock, held by the caller (proof that no other run writes).
    public func moveAside(in root: DatasetRoot, holding lock: DatasetLock) throws(FileSystemError) -> String {
        let trash = Self.trashPrefix + String(getpid())
        try moveAside(in: root, into: trash)
        return trash
    }

    func moveAside(in root: DatasetRoot, into trash: String) throws(FileSystemError) {
        try root.makeDirectories(trash)
        try move(descriptor, in: root, into: trash)
        for name in names {
            if name == DatasetLock.folder {
                guard try root.status(name)?.kind == .directory else {
                    try move(name, in: root, into: trash)
                    continue
                }
                for entry in try root.list(name) where entry.name != DatasetLock.fileName {
                    try move(name + "/" + entry.name, in: root, into: trash)
                }
            } else {
                try move(name, in: root, into: trash)
            }
        }
    }

    /// Renames `path` to `trash/path` (creating the trash's folders), unless it is missing or
    /// the trash already holds that name (an earlier, interrupted move).
    private func move(_ path: String, in root: DatasetRoot, into trash: String) throws(FileSystemError) {
        guard try root.status(path) != nil, try root.status(trash + "/" + path) == nil else { return }
        let parent = path.split(separator: "/").dropLast().joined(separator: "/")
        if !parent.isEmpty { try root.makeDirectories(trash + "/" + parent) }
        try root.rename(path, to: trash + "/" + path)
    }

    /// Step 3: deletes the tool-made entries of the trash folder `trash`, moves everything else
    /// back to its place in the dataset, and removes the trash folder.
    /// - Returns: what was kept, as paths relative to the root (in the trash when it could not be
    ///   moved back because its place was taken), sorted.
    public func deleteTrash(_ trash: String, in root: DatasetRoot) throws(FileSystemError) -> [String] {
        let folder = try root.folder(trash)
        var kept: [String] = []
        try deleteToolMade(in: folder, at: "", depth: 0, kept: &kept)
        var stranded: [String] = []
        for path in kept {
            let parent = path.split(separator: "/").dropLast().joined(separator: "/")
            do throws(FileSystemError) {
                if !parent.isEmpty { try root.makeDirectories(parent) }
                try root.rename(trash + "/" + path, to: path)
            } catch {
                stranded.append(trash + "/" + path)
            }
        }
        if stranded.isEmpty {
            // Only the now-empty folders of moved-back entries are left.
            var leftover: [String] = []
            try deleteToolMade(in: folder, at: "", depth: 0, kept: &leftover, everything: true)
            if leftover.isEmpty { _ = try root.remove(trash) }
        }
        return (kept.filter { !stranded.contains(trash + "/" + $0) } + stranded).sorted()
    }

    /// Deletes, below `folder` (the trash's copy of the dataset folder `path`), every entry the
    /// tool makes; collects the others in `kept`. Folders are emptied, then removed when empty.
    /// - Parameter everything: treat every folder as tool-made (the final sweep of empty ones).
    private func deleteToolMade(
        in folder: DatasetRoot, at path: String, depth: Int, kept: inout [String], everything: Bool = false
    )
        throws(FileSystemError)
    {
        for entry in try folder.list() {
            let place = path.isEmpty ? entry.name : path + "/" + entry.name
            // The top of the trash holds exactly what step 1 moved there: tool names.
            let toolMade =
                path.isEmpty
                ? (names.contains(entry.name) || entry.name == DatasetLock.folder) : isToolMade(place, entry.kind)
            guard toolMade || (everything && entry.kind == .directory) else {
                kept.append(place)
                continue
            }
            switch entry.kind {
            case .directory:
                guard depth < Self.maximumDepth else {
                    kept.append(place)
                    continue
                }
                let inner = try folder.folder(entry.name)
                let before = kept.count
                try deleteToolMade(in: inner, at: place, depth: depth + 1, kept: &kept, everything: everything)
                if kept.count == before { _ = try folder.remove(entry.name) }
            case .regularFile, .symbolicLink:
                // unlinkat removes a link itself, never what it points to.
                if unlinkat(folder.descriptor, entry.name, 0) != 0 && errno != ENOENT {
                    throw .system(path: folder.display(entry.name), action: "remove", errno: errno)
                }
            default:
                if everything { continue }
                kept.append(place)
            }
        }
    }

    /// Finishes every overwrite that a killed run left half done: for each trash folder in
    /// `root` whose owner is gone (any but ours when `lock` is exclusive, since its owner held
    /// the lock; otherwise those whose process has exited), finishes moving the old dataset aside
    /// when the descriptor is missing, then deletes the trash.
    /// - Returns: what was kept (see ``deleteTrash(_:in:)``).
    public func recover(in root: DatasetRoot, holding lock: DatasetLock) throws(FileSystemError) -> [String] {
        var kept: [String] = []
        for entry in try root.list() where entry.kind == .directory && entry.name.hasPrefix(Self.trashPrefix) {
            guard let pid = Int32(entry.name.dropFirst(Self.trashPrefix.count)), pid != getpid() else { continue }
            guard lock.mode == .exclusive || processIsGone(pid) else { continue }
            if try root.status(descriptor) == nil { try moveAside(in: root, into: entry.name) }
            kept += try deleteTrash(entry.name, in: root)
        }
        return kept.sorted()
    }
}
