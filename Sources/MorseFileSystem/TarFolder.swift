/// The archives of one folder and the members each lists, read from their headers with
/// ``TarReader`` (nothing is extracted). Archives are opened through ``DatasetRoot`` one name at a
/// time, so a link in the folder or in an archive's place is refused, never followed.
public struct TarFolder: Sendable {
    /// One archive: its name in the folder and its members in archive order.
    public struct Archive: Sendable {
        public var name: String
        public var members: [TarReader.Member]
    }

    /// The archives whose names `accepts`, sorted by name.
    public var archives: [Archive]
    /// Archives that could not be listed, with why (the name, the byte offset and the fix).
    public var problems: [(name: String, problem: String)]

    /// Lists the archives in `folder` (relative to `root`); a missing folder has none.
    public init(
        root: DatasetRoot, folder: String, accepts: (String) -> Bool, limits: TarReader.Limits = TarReader.Limits()
    ) {
        archives = []
        problems = []
        let entries = ((try? root.list(folder)) ?? []).filter { accepts($0.name) }.sorted { $0.name < $1.name }
        for entry in entries {
            let relative = folder.isEmpty ? entry.name : folder + "/" + entry.name
            do throws(TarReader.Problem) {
                let file: ReadableFile
                do { file = try root.openForReading(relative) } catch { throw .unreadable(error) }
                archives.append(Archive(name: entry.name, members: try TarReader.members(of: file, limits: limits)))
            } catch {
                problems.append((entry.name, error.description))
            }
        }
    }
}
