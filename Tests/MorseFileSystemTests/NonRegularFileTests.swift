import Foundation
import Testing

@testable import MorseFileSystem

/// Issue 12 items 1, 2 and 5: devices, FIFOs, folders and links are refused by name, left as they
/// are, and never block.
@Suite struct NonRegularFileTests {
    // MARK: Standalone outputs (`render -o`, `preview -o`, `stats --html`)

    @Test(.enabled(if: canMakeDevices, "mknod(S_IFCHR) is not permitted here (needs root with CAP_MKNOD)"))
    func outputOntoACharacterDeviceIsRefusedAndTheDeviceStays() throws {
        let temp = TemporaryFolder()
        let device = temp("n")
        #expect(makeCharacterDevice(device))
        let error = fileSystemError { try StandaloneOutput.write([1, 2, 3], to: device) }
        #expect(error == .notARegularFile(path: device, kind: .characterDevice, action: "replace"))
        #expect(error?.description.contains("a character device") == true)
        #expect(kindAt(device) == .characterDevice)
        #expect(names(temp.path) == ["n"])
    }

    @Test func outputOntoAFIFOIsRefusedWithoutBlockingAndTheFIFOStays() throws {
        let temp = TemporaryFolder()
        let fifo = temp("pipe.png")
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(
            fileSystemError { try StandaloneOutput.write("x", to: fifo) }
                == .notARegularFile(path: fifo, kind: .fifo, action: "replace"))
        #expect(kindAt(fifo) == .fifo)
        #expect(names(temp.path) == ["pipe.png"])
    }

    @Test func outputOntoAFolderOrALinkIsRefused() throws {
        let temp = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: temp("report.html"), withIntermediateDirectories: true)
        #expect(
            fileSystemError { try StandaloneOutput.write("x", to: temp("report.html")) }
                == .notARegularFile(path: temp("report.html"), kind: .directory, action: "replace"))
        writeFile("target", temp("real.wav"))
        try makeLink(temp("link.wav"), to: temp("real.wav"))
        #expect(fileSystemError { try StandaloneOutput.write("x", to: temp("link.wav")) }?.isSymbolicLink == true)
        #expect(contents(temp("real.wav")) == "target")
        #expect(kindAt(temp("link.wav")) == .symbolicLink)
    }

    /// A regular file is replaced whole, keeps its permission bits, and no temporary is left.
    @Test func outputReplacesARegularFileAtomically() throws {
        let temp = TemporaryFolder()
        let path = temp("clip.wav")
        writeFile("old contents that are longer", path)
        #expect(chmod(path, 0o600) == 0)
        try StandaloneOutput.write("new", to: path)
        #expect(contents(path) == "new")
        var status = stat()
        #expect(stat(path, &status) == 0 && status.st_mode & 0o777 == 0o600)
        #expect(names(temp.path) == ["clip.wav"])
        // A bare file name is written into the working folder's path as given.
        let missingFolder = fileSystemError { try StandaloneOutput.write("x", to: temp("no/such/out.png")) }
        #expect(missingFolder?.errno == ENOENT)
    }

    /// `render --timeline` must not be the same file as `--output`, however it is spelled.
    @Test func twoOutputsResolvingToOneFileAreRefused() throws {
        let temp = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: temp("sub"), withIntermediateDirectories: true)
        try makeLink(temp("alias"), to: temp("sub"))
        // Not yet existing: compared by real folder and name.
        #expect(
            fileSystemError { try StandaloneOutput.checkDistinct([temp("sub/out.wav"), temp("alias/out.wav")]) }
                == .sameFile(path: temp("sub/out.wav"), other: temp("alias/out.wav")))
        #expect(
            fileSystemError { try StandaloneOutput.checkDistinct([temp("sub/out.wav"), temp("sub/../sub/out.wav")]) }
                != nil)
        // Existing: a hard link is the same file under another name.
        writeFile("x", temp("a.json"))
        #expect(link(temp("a.json"), temp("b.json")) == 0)
        #expect(
            fileSystemError { try StandaloneOutput.checkDistinct([temp("a.json"), temp("b.json")]) }
                == .sameFile(path: temp("a.json"), other: temp("b.json")))
        try StandaloneOutput.checkDistinct([temp("sub/out.wav"), temp("sub/out.json")])
    }

    // MARK: Inside a dataset

    @Test(.enabled(if: canMakeDevices, "mknod(S_IFCHR) is not permitted here (needs root with CAP_MKNOD)"))
    func datasetFileThatIsADeviceIsRefused() throws {
        let temp = TemporaryFolder()
        let root = try DatasetRoot.open(temp("data"), create: true)
        #expect(makeCharacterDevice(temp("data/metadata.csv")))
        #expect(
            fileSystemError { try root.writeAtomically("x", to: "metadata.csv") }?.isNotRegular(.characterDevice)
                == true)
        #expect(
            fileSystemError { _ = try root.read("metadata.csv", limit: 10) }?.isNotRegular(.characterDevice) == true)
        #expect(fileSystemError { try root.remove("metadata.csv") }?.isNotRegular(.characterDevice) == true)
        #expect(kindAt(temp("data/metadata.csv")) == .characterDevice)
    }

    /// A FIFO named like a clip: reading it is refused at once (O_NONBLOCK + fstat), not a hang.
    @Test func datasetFIFOIsRefusedWithoutBlocking() throws {
        let temp = TemporaryFolder()
        let root = try DatasetRoot.open(temp("data"), create: true)
        #expect(mkfifo(temp("data/000001.wav"), 0o644) == 0)
        #expect(fileSystemError { _ = try root.read("000001.wav", limit: 100) }?.isNotRegular(.fifo) == true)
        #expect(fileSystemError { _ = try root.openForReading("000001.wav") }?.description.contains("FIFO") == true)
        #expect(fileSystemError { try root.writeAtomically("x", to: "000001.wav") }?.isNotRegular(.fifo) == true)
        #expect(kindAt(temp("data/000001.wav")) == .fifo)
    }

    // MARK: The journal

    /// A journal replaced by a link: nothing is appended to the link's target.
    @Test func symlinkedJournalIsNotAppendedTo() throws {
        let temp = TemporaryFolder()
        writeFile("root:x:0:0\n", temp("passwd"))
        let root = try DatasetRoot.open(temp("data"), create: true)
        try root.makeDirectories(".morse-dataset")
        try makeLink(temp("data/.morse-dataset/journal.jsonl"), to: temp("passwd"))
        let error = fileSystemError { _ = try root.openForAppend(".morse-dataset/journal.jsonl") }
        #expect(error == .symbolicLink(path: temp("data") + "/.morse-dataset/journal.jsonl", action: "append to"))
        #expect(contents(temp("passwd")) == "root:x:0:0\n")
    }

    /// A FIFO as the journal fails at once (the open gets ENXIO: no reader) instead of hanging,
    /// and is named by its kind; one with a reader is refused by the fstat check.
    @Test func journalFIFOIsRefusedWithoutBlocking() throws {
        let temp = TemporaryFolder()
        let root = try DatasetRoot.open(temp("data"), create: true)
        #expect(mkfifo(temp("data/journal.jsonl"), 0o644) == 0)
        let error = fileSystemError { _ = try root.openForAppend("journal.jsonl") }
        #expect(error == .notARegularFile(path: temp("data") + "/journal.jsonl", kind: .fifo, action: "append to"))
        #expect(error?.description.contains("it is a FIFO (named pipe), not a regular file") == true)
        let reader = open(temp("data/journal.jsonl"), O_RDONLY | O_NONBLOCK)
        defer { close(reader) }
        #expect(fileSystemError { _ = try root.openForAppend("journal.jsonl") }?.isNotRegular(.fifo) == true)
    }

    /// Appends add whole lines; a repair cuts a partial last line.
    @Test func journalAppendsAndRepairs() throws {
        let temp = TemporaryFolder()
        let root = try DatasetRoot.open(temp("data"), create: true)
        #expect(fileSystemError { _ = try root.openForAppend("j.jsonl", create: false) }?.errno == ENOENT)
        let journal = try root.openForAppend("j.jsonl")
        try journal.append(line: "{\"id\": 0}")
        try journal.append(line: "{\"id\": 1}")
        try journal.sync()
        #expect(contents(temp("data/j.jsonl")) == "{\"id\": 0}\n{\"id\": 1}\n")
        try journal.truncate(to: 10)
        #expect(try journal.size() == 10)
        try journal.append(line: "{\"id\": 2}")
        #expect(contents(temp("data/j.jsonl")) == "{\"id\": 0}\n{\"id\": 2}\n")
    }
}

extension FileSystemError {
    func isNotRegular(_ kind: EntryKind) -> Bool {
        if case .notARegularFile(_, let found, _) = self { return found == kind }
        return false
    }
}
