import Foundation
import MorseDatasetFormat
import MorseFileSystem
import MorseSignal

/// Where a dataset's clip audio is: the loose WAVs under `audio/`, or (a WebDataset-only dataset,
/// whose `dataset_info.json` says `"loose_audio": false`) members of its shards, by the rule of
/// ``DatasetLayout/webDatasetMember(_:)``. `validate`, `preview` and the decoder survey ask here,
/// so they work the same on either.
///
/// The shards are listed from their headers once (``TarReader``: bounded, nothing extracted,
/// links refused); reading a clip reads only its member's bytes.
public final class ClipAudioStore: Sendable {
    public let layout: DatasetLayout
    /// The shard index, or nil when the audio is loose.
    public let shards: ShardIndex?

    /// Where one clip's audio is.
    public enum Location: Sendable {
        /// A loose WAV file (an absolute or root-relative path as the layout gives it).
        case file(path: String)
        /// A member of a shard (`shard` relative to the dataset root).
        case member(shard: String, member: TarReader.Member)
    }

    /// Looks at the dataset at `root`: shards when `dataset_info.json` says the loose WAVs were
    /// removed, or when there is no `audio/` but there is a `webdataset/` (an info file lost).
    public init(root: String) {
        layout = DatasetLayout(reading: root)
        shards = Self.readsShards(layout) ? ShardIndex(layout: layout) : nil
    }

    /// Whether the clips of the dataset at `layout` are read from its shards.
    static func readsShards(_ layout: DatasetLayout) -> Bool {
        if let stated = looseAudio(layout) { return !stated }
        var isFolder: ObjCBool = false
        let audio = FileManager.default.fileExists(atPath: layout.root + "/audio", isDirectory: &isFolder)
        return !audio && FileManager.default.fileExists(atPath: layout.webDatasetFolder)
    }

    /// `dataset_info.json`'s `loose_audio`, or nil when it is missing or does not say.
    static func looseAudio(_ layout: DatasetLayout) -> Bool? {
        guard let root = try? DatasetRoot.open(layout.root),
            let bytes = try? root.read("dataset_info.json", limit: 1 << 20),
            let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
        else { return nil }
        return (object["loose_audio"] as? NSNumber)?.boolValue
    }

    /// Where the clip `audioFile` names (`train/morse_000042.wav`) is, or nil when no shard holds it.
    public func location(of audioFile: String) -> Location? {
        guard let shards else { return .file(path: layout.audioPath(audioFile)) }
        guard let clip = DatasetLayout.clip(inAudioFile: audioFile),
            let found = shards.clips[clip.id]?.first(where: { $0.split == clip.split })
        else { return nil }
        return .member(shard: found.shard, member: found.member)
    }

    /// How a message names the clip's audio: `audio/train/morse_000042.wav` or
    /// `webdataset/train/shard-000000.tar member morse_000042.wav`.
    public func describe(_ audioFile: String) -> String {
        guard shards != nil else { return "audio/" + audioFile }
        if case let .member(shard, member) = location(of: audioFile) { return "\(shard) member \(member.name)" }
        let folder = layout.webDatasetMember(audioFile).map { String($0.folder.dropFirst(layout.root.count + 1)) }
        return "\(audioFile) (in no shard of \(folder ?? "webdataset/"))"
    }

    /// The bytes of a member (at most `count` from its start, or all).
    public func bytes(shard: String, member: TarReader.Member, count: Int? = nil) throws(FileSystemError) -> [UInt8] {
        let root = try DatasetRoot.open(layout.root)
        let file = try root.openForReading(shard)
        let wanted = min(member.size, count ?? member.size)
        let bytes = try file.read(at: member.offset, count: wanted)
        guard bytes.count == wanted else { throw .tooLarge(path: file.path, size: bytes.count, limit: wanted) }
        return bytes
    }

    /// The clip's audio decoded, from its loose WAV or its shard member.
    public func read(_ audioFile: String) throws(InspectionError) -> WAVAudio {
        switch location(of: audioFile) {
        case let .file(path):
            do { return try WAVFile.read(path: path, followSymlinks: false) } catch {
                throw .unreadableAudio(path: path, problem: error.description)
            }
        case let .member(shard, member):
            let named = layout.root + "/" + shard + " member " + member.name
            do {
                return try WAVDecoder.decode(try bytes(shard: shard, member: member))
            } catch let error as FileSystemError {
                throw .unreadableAudio(path: named, problem: error.description)
            } catch {
                throw .unreadableAudio(path: named, problem: "\(error)")
            }
        case nil:
            throw .unreadableAudio(
                path: audioFile, problem: "no shard in \(layout.webDatasetFolder)/ holds it; run validate")
        }
    }
}

/// Every WAV member of a dataset's WebDataset shards, by clip id, read from the tar headers.
public struct ShardIndex: Sendable {
    /// One place a clip's WAV is.
    public struct Entry: Sendable {
        public var split: DatasetSplit
        /// The shard, relative to the dataset root (`webdataset/train/shard-000000.tar`).
        public var shard: String
        public var member: TarReader.Member
    }

    /// Every occurrence of each clip (more than one is a fault `validate` reports).
    public var clips: [Int: [Entry]] = [:]
    /// Shards that could not be listed, and members that name no clip: (where, what is wrong).
    public var problems: [(location: String, problem: String)] = []
    /// Members other than a clip's `.wav`, `.txt` and `.json`.
    public var strays: [(location: String, name: String)] = []
    /// Shards listed per split.
    public var shardCount = 0

    init(layout: DatasetLayout) {
        guard let root = try? DatasetRoot.open(layout.root) else { return }
        for split in DatasetSplit.allCases {
            let folder = "webdataset/" + split.name
            let shards = TarFolder(root: root, folder: folder) { $0.hasPrefix("shard-") && $0.hasSuffix(".tar") }
            for (name, problem) in shards.problems { problems.append((folder + "/" + name, problem)) }
            for archive in shards.archives {
                shardCount += 1
                let shard = folder + "/" + archive.name
                for member in archive.members {
                    let key = member.name.prefix { $0 != "." }
                    let isClip = DatasetLayout.clipID(fileName: key + ".wav") != nil
                    if member.name.hasSuffix(".wav"), let id = DatasetLayout.clipID(fileName: Substring(member.name)) {
                        clips[id, default: []].append(Entry(split: split, shard: shard, member: member))
                    } else if !(isClip && [".txt", ".json"].contains(member.name.dropFirst(key.count))) {
                        strays.append(("\(shard) byte \(member.headerOffset)", member.name))
                    }
                }
            }
        }
    }
}
