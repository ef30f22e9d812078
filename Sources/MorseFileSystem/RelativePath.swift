/// A path inside a dataset: plain names joined by `/`. Never absolute, never `.` or `..`, so it
/// cannot name anything outside the folder it is resolved from. The empty path is that folder.
struct RelativePath: Sendable, Equatable {
    let text: String
    let components: [String]

    init(_ text: String) throws(FileSystemError) {
        self.text = text
        guard !text.isEmpty else {
            components = []
            return
        }
        guard !text.hasPrefix("/") else {
            throw .invalidPath(path: text, reason: "it is absolute, but it must lie inside the dataset")
        }
        guard !text.utf8.contains(0) else { throw .invalidPath(path: text, reason: "it contains a NUL byte") }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for part in parts {
            switch part {
            case "": throw .invalidPath(path: text, reason: "it has an empty part (a doubled or trailing /)")
            case ".", "..":
                throw .invalidPath(path: text, reason: "it contains '\(part)', which could lead outside the dataset")
            default: continue
            }
        }
        components = parts
    }

    /// The last component (the file or folder the path names), or nil for the folder itself.
    var name: String? { components.last }

    /// Every component but the last: the folders to walk through.
    var folders: ArraySlice<String> { components.dropLast() }

    /// The last component, or an error saying the path must name an entry.
    func requireName(for action: String) throws(FileSystemError) -> String {
        guard let name else {
            throw .invalidPath(path: text, reason: "it names the folder itself, but \(action) needs a file name")
        }
        return name
    }
}
