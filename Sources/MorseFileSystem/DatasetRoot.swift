#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A folder the tool confines itself to (a dataset's output root, or a folder inside one), held
/// open as a directory descriptor.
///
/// Every operation takes a path *relative* to this folder, made of plain names (no `..`, nothing
/// absolute), and reaches it one component at a time with `openat(O_DIRECTORY | O_NOFOLLOW)`; the
/// last component is created, opened, renamed or unlinked relative to its parent's descriptor,
/// again without following links. So a symbolic link planted anywhere inside the dataset is
/// refused and reported by its path, and nothing outside the root is ever written, renamed or
/// deleted, whatever is renamed while the tool runs.
///
/// **The root itself.** The path the user names as the root is the user's own choice, so by
/// default a symbolic link *as the root's last component* is followed once, when the root is
/// opened (`data/cw -> /scratch/cw` is a common cluster set-up); from then on the descriptor pins
/// that folder. Pass ``RootLink/refuse`` for roots the user did not name directly. A root the
/// tool creates is opened with `O_NOFOLLOW`, so a link raced into its place is refused.
///
/// Instances are immutable and may be shared between threads; the descriptor closes on deinit.
public final class DatasetRoot: Sendable {
    /// The folder as the user named it (root path plus the relative path for a subfolder); used in
    /// messages only, never opened again.
    public let path: String
    let descriptor: Int32

    /// What to do when the root path's last component is a symbolic link.
    public enum RootLink: Sendable {
        /// Follow it once, at open (the user named this path).
        case follow
        /// Refuse it (`ELOOP`), for paths the user did not name directly.
        case refuse
    }

    init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Opens the folder at `path` (absolute, or relative to the working directory) as a root.
    /// - Parameters:
    ///   - create: create it and its missing parents when it does not exist.
    ///   - link: whether a symbolic link as the last component is followed (see the type's notes).
    public static func open(_ path: String, create: Bool = false, link: RootLink = .follow) throws(FileSystemError)
        -> DatasetRoot
    {
        guard !path.isEmpty, !path.utf8.contains(0) else {
            throw .invalidPath(path: path, reason: "it is empty or contains a NUL byte")
        }
        let flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC
        var descriptor = openPath(path, flags | (link == .refuse ? O_NOFOLLOW : 0))
        if descriptor < 0 && errno == ENOENT && create {
            try createParents(of: path)
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw .system(path: path, action: "create folder", errno: errno)
            }
            // We just made it: whatever stands there now must be a real folder, not a raced link.
            descriptor = openPath(path, flags | O_NOFOLLOW)
        }
        guard descriptor >= 0 else {
            let code = errno
            var status = FileStatus()
            if lstat(path, &status) == 0 {
                let kind = EntryKind(mode: status.st_mode)
                if kind == .symbolicLink && (code == ELOOP || code == ENOTDIR) {
                    throw .symbolicLink(path: path, action: "open the folder")
                }
                if kind != .directory && kind != .symbolicLink {
                    throw .notAFolder(path: path, kind: kind, action: "open the folder")
                }
            }
            throw .system(path: path, action: "open the folder", errno: code)
        }
        return DatasetRoot(path: path, descriptor: descriptor)
    }

    /// `mkdir -p` of the parents of the user's root path (they are the user's own path, so links
    /// in them are followed, as a shell would).
    private static func createParents(of path: String) throws(FileSystemError) {
        var prefix = ""
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        for (index, part) in parts.enumerated() {
            prefix += (index == 0 ? "" : "/") + part
            guard !part.isEmpty, part != ".", part != ".." else { continue }
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw .system(path: prefix, action: "create folder", errno: errno)
            }
        }
    }

    /// Opens the folder `relative` inside this one as a root of its own (for example
    /// `audio/train`, held open while clips are written into it).
    /// - Parameter create: create missing folders on the way.
    public func folder(_ relative: String, create: Bool = false) throws(FileSystemError) -> DatasetRoot {
        let target = try RelativePath(relative)
        let opened = try walk(target.components[...], create: create, action: "open the folder")
        let owned = opened == descriptor ? dup(descriptor) : opened
        guard owned >= 0 else { throw .system(path: display(relative), action: "open the folder", errno: errno) }
        return DatasetRoot(path: display(relative), descriptor: owned)
    }

    /// Creates the folder `relative` and its missing parents inside this one (`mkdir -p` that
    /// never follows a link).
    public func makeDirectories(_ relative: String) throws(FileSystemError) {
        let target = try RelativePath(relative)
        let opened = try walk(target.components[...], create: true, action: "create folder")
        release(opened)
    }

    /// The path shown in messages for `relative`.
    func display(_ relative: String) -> String {
        relative.isEmpty ? path : (path.hasSuffix("/") ? path + relative : path + "/" + relative)
    }

    /// Opens the folders `components` one by one from this root, never following a link, and
    /// returns the last one's descriptor (this root's own when `components` is empty; give it
    /// back with ``release(_:)``).
    func walk(_ components: ArraySlice<String>, create: Bool, action: String) throws(FileSystemError) -> Int32 {
        var current = descriptor
        var walked = ""
        for name in components {
            walked += (walked.isEmpty ? "" : "/") + name
            if create && mkdirat(current, name, 0o755) != 0 && errno != EEXIST {
                let code = errno
                release(current)
                throw .system(path: display(walked), action: "create folder", errno: code)
            }
            let next = openat(current, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0 {
                let error = refusal(
                    in: current, name: name, relative: walked, errno: errno, action: action, expected: .directory)
                release(current)
                throw error
            }
            release(current)
            current = next
        }
        return current
    }

    /// Closes a descriptor from ``walk(_:create:action:)`` unless it is the root's own.
    func release(_ opened: Int32) {
        if opened != descriptor { close(opened) }
    }

    /// The error for an `openat` of `name` in `folder` that failed with `code`: a link or an entry
    /// of the wrong kind is named as such, anything else as the system error.
    func refusal(
        in folder: Int32, name: String, relative: String, errno code: Int32, action: String, expected: EntryKind
    ) -> FileSystemError {
        if let status = entryStatus(in: folder, name) {
            let kind = EntryKind(mode: status.st_mode)
            if kind == .symbolicLink { return .symbolicLink(path: display(relative), action: action) }
            if kind != expected {
                return expected == .directory
                    ? .notAFolder(path: display(relative), kind: kind, action: action)
                    : .notARegularFile(path: display(relative), kind: kind, action: action)
            }
        }
        return .system(path: display(relative), action: action, errno: code)
    }

    /// Runs `body` with the descriptor of `relative`'s parent folder and its last name.
    func inParent<T>(
        of relative: String, action: String, create: Bool = false, _ body: (Int32, String) throws(FileSystemError) -> T
    ) throws(FileSystemError) -> T {
        let target = try RelativePath(relative)
        let name = try target.requireName(for: action)
        let parent = try walk(target.folders, create: create, action: action)
        defer { release(parent) }
        return try body(parent, name)
    }
}
