import MorseDatasetFormat
import MorseFileSystem

/// Clip audio held in the dataset's WebDataset shards rather than as loose WAVs under `audio/`
/// (a WebDataset-only dataset removes those once its shards are complete; see
/// ``DatasetLayout/webDatasetMember(_:)``). A resume, a merge and a finalisation find a clip
/// here when its WAV is not loose, so a finished dataset is neither remade nor lost.
///
/// The index (a member's shard and byte range per clip) is read from the shards' headers once,
/// on first use. Each read reopens the shard by name and checks that the header is still the
/// one indexed, so a shard replaced meanwhile (by a finalisation writing the same path) is never
/// read at a stale offset: the clip then counts as missing and is made again.
final class ShardedAudio {
    let files: DatasetFiles
    private var index: [Int: Location]?

    struct Location {
        var split: DatasetSplit
        /// The shard's path (a layout path).
        var shard: String
        var member: TarReader.Member
    }

    init(files: DatasetFiles) {
        self.files = files
    }

    /// Where clip `id` of `split` is in the shards, or nil.
    func location(id: Int, split: DatasetSplit) -> Location? {
        let found = loaded()[id]
        return found?.split == split ? found : nil
    }

    /// The bytes of clip `id`'s WAV member, or nil when no shard holds it as indexed.
    func wav(id: Int, split: DatasetSplit) -> [UInt8]? {
        guard let location = location(id: id, split: split),
            let relative = try? files.relative(location.shard),
            let file = try? files.root.openForReading(relative),
            let header = try? file.read(at: location.member.headerOffset, count: TarReader.blockSize),
            let member = try? TarReader.parse(
                header, at: location.member.headerOffset, path: file.path, limits: TarReader.Limits()),
            member == location.member,
            let bytes = try? file.read(at: member.offset, count: member.size), bytes.count == member.size
        else { return nil }
        return bytes
    }

    private func loaded() -> [Int: Location] {
        if let index { return index }
        let layout = files.layout
        var built: [Int: Location] = [:]
        for split in DatasetSplit.allCases {
            let folder = layout.webDatasetFolder(split)
            guard let relative = try? files.relative(folder) else { continue }
            let shards = TarFolder(root: files.root, folder: relative) {
                $0.hasPrefix("shard-") && $0.hasSuffix(".tar")
            }
            for archive in shards.archives {
                for member in archive.members {
                    guard let id = DatasetLayout.clipID(fileName: Substring(member.name)),
                        member.name == layout.fileName(id: id), built[id] == nil
                    else { continue }
                    built[id] = Location(split: split, shard: folder + "/" + archive.name, member: member)
                }
            }
        }
        index = built
        return built
    }
}
