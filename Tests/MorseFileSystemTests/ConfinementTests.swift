import Foundation
import Testing

@testable import MorseFileSystem

/// Issue 12 item 1: nothing outside the dataset is written, renamed or deleted, whatever links are
/// planted inside it.
@Suite struct ConfinementTests {
    /// `audio/train` replaced by a link to another folder: writing a clip there is refused, named
    /// by its path, and the other folder stays exactly as it was.
    @Test func symlinkedSubfolderIsRefusedAndItsTargetUntouched() throws {
        let temp = TemporaryFolder()
        writeFile("precious", temp("elsewhere/000001.wav"))
        let root = try DatasetRoot.open(temp("data"), create: true)
        try root.makeDirectories("audio")
        try makeLink(temp("data/audio/train"), to: temp("elsewhere"))

        let error = fileSystemError { try root.writeAtomically([1, 2, 3], to: "audio/train/000001.wav") }
        #expect(error == .symbolicLink(path: temp("data") + "/audio/train", action: "write"))
        #expect(error?.description.contains("ELOOP") == true)
        #expect(names(temp("elsewhere")) == ["000001.wav"])
        #expect(contents(temp("elsewhere/000001.wav")) == "precious")

        // Every other way in is refused the same way.
        #expect(
            fileSystemError { try root.makeDirectories("audio/train/more") }
                == .symbolicLink(path: temp("data") + "/audio/train", action: "create folder"))
        #expect(fileSystemError { _ = try root.read("audio/train/000001.wav", limit: 100) }?.isSymbolicLink == true)
        #expect(fileSystemError { try root.remove("audio/train/000001.wav") }?.isSymbolicLink == true)
        #expect(fileSystemError { _ = try root.list("audio/train") }?.isSymbolicLink == true)
        #expect(fileSystemError { _ = try root.folder("audio/train") }?.isSymbolicLink == true)
        #expect(contents(temp("elsewhere/000001.wav")) == "precious")
    }

    /// A link as the file itself (a planted `run.json` pointing at a host file) is neither read,
    /// replaced through, nor removed; the link and its target stay.
    @Test func symlinkedFileIsNeitherReadNorReplacedNorRemoved() throws {
        let temp = TemporaryFolder()
        writeFile("host file", temp("host.txt"))
        let root = try DatasetRoot.open(temp("data"), create: true)
        try makeLink(temp("data/run.json"), to: temp("host.txt"))

        #expect(
            fileSystemError { _ = try root.read("run.json", limit: 100) }
                == .symbolicLink(path: temp("data") + "/run.json", action: "read"))
        #expect(
            fileSystemError { try root.writeAtomically("new", to: "run.json") }
                == .symbolicLink(path: temp("data") + "/run.json", action: "replace"))
        #expect(
            fileSystemError { try root.remove("run.json") }
                == .symbolicLink(path: temp("data") + "/run.json", action: "remove"))
        #expect(kindAt(temp("data/run.json")) == .symbolicLink)
        #expect(contents(temp("host.txt")) == "host file")
        #expect(try root.status("run.json")?.kind == .symbolicLink)
    }

    /// Merge's case: a shard's clip that is a link to a foreign file of the same size is not
    /// copied into the output.
    @Test func copyRefusesALinkedSourceFile() throws {
        let temp = TemporaryFolder()
        writeFile("SECRET", temp("foreign.wav"))
        let shard = try DatasetRoot.open(temp("shard"), create: true)
        let output = try DatasetRoot.open(temp("out"), create: true)
        try makeLink(temp("shard/000001.wav"), to: temp("foreign.wav"))
        writeFile("CLIP-2", temp("shard/000002.wav"))

        #expect(
            fileSystemError { try output.copyFile("000001.wav", from: shard, to: "000001.wav") }?.isSymbolicLink == true
        )
        try output.copyFile("000002.wav", from: shard, to: "000002.wav")
        #expect(names(temp("out")) == ["000002.wav"])
        #expect(contents(temp("out/000002.wav")) == "CLIP-2")
    }

    /// A temporary name left by a killed run, or planted as a link to a host file: the link is
    /// removed as a link (never written through) and the write goes ahead.
    @Test func leftoverOrPlantedTemporaryIsReplacedNotFollowed() throws {
        let temp = TemporaryFolder()
        writeFile("host", temp("host.txt"))
        let root = try DatasetRoot.open(temp("data"), create: true)
        let temporary = ".clip.wav.\(getpid()).tmp"
        try makeLink(temp("data/" + temporary), to: temp("host.txt"))
        try root.writeAtomically("RIFF", to: "clip.wav")
        #expect(contents(temp("host.txt")) == "host")
        #expect(names(temp("data")) == ["clip.wav"])
        #expect(contents(temp("data/clip.wav")) == "RIFF")
    }

    /// A manifest written piece by piece: readers see the old file until it is finished; an
    /// abandoned one leaves the old file and no temporary.
    @Test func fileWrittenInPiecesAppearsOnlyWhenFinished() throws {
        let temp = TemporaryFolder()
        let root = try DatasetRoot.open(temp("data"), create: true)
        try root.makeDirectories("manifests")
        try root.writeAtomically("old\n", to: "manifests/train.jsonl")
        let file = try root.createAtomically("manifests/train.jsonl")
        for line in 0..<20_000 { try file.write("{\"id\": \(line)}\n") }
        #expect(contents(temp("data/manifests/train.jsonl")) == "old\n")
        try file.finish(sync: true)
        #expect(contents(temp("data/manifests/train.jsonl"))?.split(separator: "\n").count == 20_000)
        #expect(names(temp("data/manifests")) == ["train.jsonl"])

        let dropped = try root.createAtomically("manifests/train.jsonl")
        try dropped.write("partial")
        dropped.abandon()
        #expect(names(temp("data/manifests")) == ["train.jsonl"])
        #expect(contents(temp("data/manifests/train.jsonl"))?.hasPrefix("{\"id\": 0}") == true)
        #expect(mkfifo(temp("data/manifests/test.jsonl"), 0o644) == 0)
        #expect(fileSystemError { _ = try root.createAtomically("manifests/test.jsonl") }?.isNotRegular(.fifo) == true)
    }

    @Test(arguments: ["../escape", "a/../../escape", "/etc/passwd", "a//b", "a/./b", "a/"])
    func pathsThatCouldLeaveTheRootAreRefused(path: String) throws {
        let temp = TemporaryFolder()
        let root = try DatasetRoot.open(temp("data"), create: true)
        let error = fileSystemError { try root.writeAtomically("x", to: path) }
        guard case .invalidPath(let refused, _)? = error else {
            Issue.record("expected invalidPath for \(path), got \(String(describing: error))")
            return
        }
        #expect(refused == path)
        #expect(names(temp("")).filter { $0 != "data" }.isEmpty)
        #expect(names(temp("data")).isEmpty)
    }

    /// Writes, reads, lists, renames and removes inside the root do what they say.
    @Test func operationsInsideTheRoot() throws {
        let temp = TemporaryFolder()
        let root = try DatasetRoot.open(temp("new/data"), create: true)
        try root.makeDirectories("audio/train")
        try root.writeAtomically([0x52, 0x49], to: "audio/train/a.wav", sync: true)
        #expect(try root.read("audio/train/a.wav", limit: 2) == [0x52, 0x49])
        #expect(
            fileSystemError { _ = try root.read("audio/train/a.wav", limit: 1) }
                == .tooLarge(path: temp("new/data") + "/audio/train/a.wav", size: 2, limit: 1))
        #expect(try root.list("audio/train") == [FolderEntry(name: "a.wav", kind: .regularFile)])
        #expect(Set(try root.list()) == [FolderEntry(name: "audio", kind: .directory)])
        // No temporary file is left beside the target.
        #expect(names(temp("new/data/audio/train")) == ["a.wav"])

        try root.rename("audio/train/a.wav", to: "audio/b.wav")
        #expect(try root.status("audio/train/a.wav") == nil)
        #expect(try root.status("audio/b.wav")?.size == 2)
        writeFile("other", temp("new/data/audio/c.wav"))
        #expect(fileSystemError { try root.rename("audio/b.wav", to: "audio/c.wav") }?.errno == EEXIST)
        try root.rename("audio/b.wav", to: "audio/c.wav", replace: true)
        #expect(contents(temp("new/data/audio/c.wav")) == "RI")

        let train = try root.folder("audio/train")
        try train.writeAtomically("held", to: "d.txt")
        #expect(contents(temp("new/data/audio/train/d.txt")) == "held")

        #expect(fileSystemError { try root.remove("audio") }?.errno == ENOTEMPTY)
        #expect(fileSystemError { try root.remove("audio") }?.description.contains("ENOTEMPTY") == true)
        #expect(try root.remove("audio/c.wav"))
        #expect(try !root.remove("audio/c.wav"))
        #expect(try root.remove("audio/train/d.txt"))
        #expect(try root.remove("audio/train"))
        #expect(names(temp("new/data/audio")).isEmpty)
    }

    /// A root the user names through a link is followed (their choice); one the tool derives
    /// can refuse it.
    @Test func linkAsTheRootItselfFollowsThePolicy() throws {
        let temp = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: temp("scratch"), withIntermediateDirectories: true)
        try makeLink(temp("data"), to: temp("scratch"))
        let followed = try DatasetRoot.open(temp("data"))
        try followed.writeAtomically("x", to: "run.json")
        #expect(contents(temp("scratch/run.json")) == "x")
        #expect(fileSystemError { _ = try DatasetRoot.open(temp("data"), link: .refuse) }?.isSymbolicLink == true)
        writeFile("file", temp("plain"))
        #expect(
            fileSystemError { _ = try DatasetRoot.open(temp("plain"), create: true) }
                == .notAFolder(path: temp("plain"), kind: .regularFile, action: "open the folder"))
    }
}

extension FileSystemError {
    var isSymbolicLink: Bool {
        if case .symbolicLink = self { return true }
        return false
    }

    var errno: Int32? {
        if case .system(_, _, let code) = self { return code }
        return nil
    }
}
