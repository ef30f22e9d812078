import Foundation
import Testing

@testable import MorseFileSystem

/// Issue 12 items 3 and 9: `--overwrite` is crash-safe at every instant and deletes only what
/// the tool made.
@Suite struct DatasetOverwriteTests {
    /// The tool's names, as the dataset writer would declare them.
    static let overwrite = DatasetOverwrite(
        names: [
            ".morse-dataset", "audio", "splits", "manifests", "webdataset", "metadata.csv", "dataset_info.json",
            "README.md",
        ],
        descriptor: ".morse-dataset/run.json"
    ) { path, kind in
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        switch kind {
        case .directory: return ["train", "validation", "test"].contains(name)
        default:
            return name.hasSuffix(".wav") || name.hasSuffix(".tmp")
                || ["metadata.jsonl", "journal.jsonl", "run.json", "config.yaml", "train.csv"].contains(name)
        }
    }

    /// A finished old dataset, plus the user's own files inside tool folders and beside them.
    static func oldDataset(in temp: TemporaryFolder) {
        writeFile("{\"seed\": 1}", temp("data/.morse-dataset/run.json"))
        writeFile("seed: 1", temp("data/.morse-dataset/config.yaml"))
        writeFile("{\"id\": 0}\n", temp("data/.morse-dataset/journal.jsonl"))
        writeFile("RIFF0", temp("data/audio/train/000000.wav"))
        writeFile("{}\n", temp("data/audio/train/metadata.jsonl"))
        writeFile("RIFF1", temp("data/audio/test/000001.wav"))
        writeFile("id,text\n", temp("data/splits/train.csv"))
        writeFile("a,b\n", temp("data/metadata.csv"))
        writeFile("# card", temp("data/README.md"))
        // The user's:
        writeFile("my notes", temp("data/audio/train/notes.txt"))
        writeFile("mine", temp("data/.morse-dataset/my-settings.txt"))
        writeFile("keep", temp("data/audio/extra/raw.flac"))
        writeFile("beside", temp("data/LICENSE"))
    }

    @Test func overwriteDeletesOnlyToolFilesAndListsTheRest() throws {
        let temp = TemporaryFolder()
        Self.oldDataset(in: temp)
        let root = try DatasetRoot.open(temp("data"))
        let lock = try DatasetLock.acquire(in: root, command: "generate --overwrite")
        #expect(try Self.overwrite.recover(in: root, holding: lock).isEmpty)

        let trash = try Self.overwrite.moveAside(in: root, holding: lock)
        #expect(trash == ".morse-dataset-trash-\(getpid())")
        // Only the lock, the trash and what the tool does not name stay in place.
        #expect(names(temp("data")) == [".morse-dataset", trash, "LICENSE"])
        #expect(names(temp("data/.morse-dataset")) == ["lock"])

        try root.writeAtomically("{\"seed\": 2}", to: ".morse-dataset/run.json")
        try root.makeDirectories("audio/train")
        let kept = try Self.overwrite.deleteTrash(trash, in: root)

        #expect(kept == [".morse-dataset/my-settings.txt", "audio/extra", "audio/train/notes.txt"])
        #expect(names(temp("data")) == [".morse-dataset", "LICENSE", "audio"])
        #expect(names(temp("data/.morse-dataset")) == ["lock", "my-settings.txt", "run.json"])
        #expect(contents(temp("data/.morse-dataset/run.json")) == "{\"seed\": 2}")
        #expect(names(temp("data/audio")) == ["extra", "train"])
        #expect(names(temp("data/audio/train")) == ["notes.txt"])
        #expect(contents(temp("data/audio/train/notes.txt")) == "my notes")
        #expect(contents(temp("data/audio/extra/raw.flac")) == "keep")
        #expect(contents(temp("data/.morse-dataset/my-settings.txt")) == "mine")
        withExtendedLifetime(lock) {}
    }

    /// Killed in the middle of moving aside (the descriptor and part of the audio are in the
    /// trash, the rest still in place): the next run finishes the overwrite, leaving a folder it
    /// accepts as empty, instead of one it refuses forever.
    @Test func runAfterACrashDuringTheMoveFinishesIt() throws {
        let temp = TemporaryFolder()
        Self.oldDataset(in: temp)
        let deadTrash = DatasetOverwrite.trashPrefix + "2147483646"
        #expect(processIsGone(2_147_483_646))
        try FileManager.default.createDirectory(
            atPath: temp("data/\(deadTrash)/.morse-dataset"), withIntermediateDirectories: true)
        #expect(rename(temp("data/.morse-dataset/run.json"), temp("data/\(deadTrash)/.morse-dataset/run.json")) == 0)
        #expect(rename(temp("data/audio"), temp("data/\(deadTrash)/audio")) == 0)

        let root = try DatasetRoot.open(temp("data"))
        let lock = try DatasetLock.acquire(in: root, command: "generate --overwrite")
        let kept = try Self.overwrite.recover(in: root, holding: lock)
        #expect(kept == [".morse-dataset/my-settings.txt", "audio/extra", "audio/train/notes.txt"])
        #expect(names(temp("data")) == [".morse-dataset", "LICENSE", "audio"])
        #expect(names(temp("data/.morse-dataset")) == ["lock", "my-settings.txt"])
        #expect(names(temp("data/audio/train")) == ["notes.txt"])
        withExtendedLifetime(lock) {}
    }

    /// Killed after the new descriptor was written but before the trash was deleted: the next run
    /// deletes the trash and keeps the new dataset.
    @Test func runAfterACrashBeforeDeletingKeepsTheNewDataset() throws {
        let temp = TemporaryFolder()
        Self.oldDataset(in: temp)
        let root = try DatasetRoot.open(temp("data"))
        // The killed run: its lock is released (as the kernel does) when this function returns.
        func killedRun() throws -> String {
            let lock = try DatasetLock.acquire(in: root, command: "generate --overwrite")
            let trash = try Self.overwrite.moveAside(in: root, holding: lock)
            try root.writeAtomically("{\"seed\": 2}", to: ".morse-dataset/run.json")
            try root.makeDirectories("audio/train")
            try root.writeAtomically("NEW", to: "audio/train/000000.wav")
            return trash
        }
        let trash = try killedRun()
        // Its trash is left behind; name it as a dead process's.
        let deadTrash = DatasetOverwrite.trashPrefix + "2147483646"
        #expect(rename(temp("data/\(trash)"), temp("data/\(deadTrash)")) == 0)

        let next = try DatasetLock.acquire(in: root, command: "generate")
        let kept = try Self.overwrite.recover(in: root, holding: next)
        #expect(kept == [".morse-dataset/my-settings.txt", "audio/extra", "audio/train/notes.txt"])
        #expect(!names(temp("data")).contains(deadTrash))
        #expect(contents(temp("data/.morse-dataset/run.json")) == "{\"seed\": 2}")
        #expect(contents(temp("data/audio/train/000000.wav")) == "NEW")
        #expect(names(temp("data/audio/train")) == ["000000.wav", "notes.txt"])
        withExtendedLifetime(next) {}
    }

    /// A tool-named folder replaced by a link to a foreign folder: the overwrite removes the link
    /// itself and never enters it.
    @Test func linkNamedLikeAToolFolderIsRemovedAsALink() throws {
        let temp = TemporaryFolder()
        Self.oldDataset(in: temp)
        writeFile("RIFF-foreign", temp("foreign/train/000000.wav"))
        try FileManager.default.removeItem(atPath: temp("data/splits"))
        try makeLink(temp("data/splits"), to: temp("foreign"))
        let root = try DatasetRoot.open(temp("data"))
        let lock = try DatasetLock.acquire(in: root, command: "generate --overwrite")
        let trash = try Self.overwrite.moveAside(in: root, holding: lock)
        _ = try Self.overwrite.deleteTrash(trash, in: root)
        #expect(kindAt(temp("data/splits")) == nil)
        #expect(contents(temp("foreign/train/000000.wav")) == "RIFF-foreign")
        withExtendedLifetime(lock) {}
    }

    /// A trash folder of a live process is left alone by a shared-lock holder.
    @Test func liveTrashIsLeftAloneUnderASharedLock() throws {
        let temp = TemporaryFolder()
        let root = try DatasetRoot.open(temp("data"), create: true)
        let liveTrash = DatasetOverwrite.trashPrefix + "1"
        writeFile("RIFF", temp("data/\(liveTrash)/audio/train/000000.wav"))
        let lock = try DatasetLock.acquire(in: root, mode: .shared, command: "shard 1")
        #expect(try Self.overwrite.recover(in: root, holding: lock).isEmpty)
        #expect(contents(temp("data/\(liveTrash)/audio/train/000000.wav")) == "RIFF")
        withExtendedLifetime(lock) {}
    }
}
