import Foundation
import MorseDatasetFormat
import MorseFileSystem
import Testing

@testable import MorseDataset

/// The bounded ustar reader that `validate`, `preview`, resume and re-runs use on WebDataset
/// shards: what `TarArchive` writes lists back exactly; damaged and hostile archives are refused
/// with the archive, the byte offset and the value found, and nothing is ever extracted.
@Suite struct TarReaderTests {
    /// A two-member archive as `TarFileWriter` lays it out.
    static func archive(_ members: [(String, [UInt8])]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (name, data) in members {
            bytes += TarArchive.header(name: name, size: data.count) + data + TarArchive.padding(after: data.count)
        }
        return bytes + TarArchive.end
    }

    static let wav = [UInt8]((0..<700).map { UInt8($0 % 251) })
    static let valid = archive([("morse_000042.wav", wav), ("morse_000042.txt", Array("CQ".utf8))])

    /// Sets header field bytes and recomputes the checksum, as a hostile writer would.
    static func patched(_ bytes: [UInt8], at offset: Int, _ text: String, header: Int = 0) -> [UInt8] {
        var bytes = bytes
        for (index, byte) in text.utf8.enumerated() { bytes[header + offset + index] = byte }
        for index in 148..<156 { bytes[header + index] = 0x20 }
        let sum = bytes[header..<(header + 512)].reduce(0) { $0 + Int($1) }
        let digits = String(sum, radix: 8)
        let field = String(repeating: "0", count: 6 - digits.count) + digits
        for (index, byte) in field.utf8.enumerated() { bytes[header + 148 + index] = byte }
        bytes[header + 154] = 0
        return bytes
    }

    /// Writes `bytes` as `a.tar` in a fresh folder and lists it.
    static func list(_ bytes: [UInt8], limits: TarReader.Limits = TarReader.Limits()) throws -> Result<
        [TarReader.Member], TarReader.Problem
    > {
        let folder = NSTemporaryDirectory() + "tar-reader-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = FileManager.default.createFile(atPath: folder + "/a.tar", contents: Data(bytes))
        let file = try DatasetRoot.open(folder).openForReading("a.tar")
        return Result { () throws(TarReader.Problem) in try TarReader.members(of: file, limits: limits) }
    }

    static func problem(_ bytes: [UInt8], limits: TarReader.Limits = TarReader.Limits()) throws -> TarReader.Problem? {
        if case let .failure(problem) = try list(bytes, limits: limits) { return problem }
        return nil
    }

    @Test func aWrittenArchiveListsItsMembersAtTheirOffsets() throws {
        let members = try Self.list(Self.valid).get()
        #expect(members.map(\.name) == ["morse_000042.wav", "morse_000042.txt"])
        #expect(members.map(\.size) == [700, 2])
        // Header, 700 bytes padded to 1024, then the second header.
        #expect(members.map(\.headerOffset) == [0, 512 + 1024])
        #expect(members.map(\.offset) == [512, 512 + 1024 + 512])
        #expect(Array(Self.valid[512..<1212]) == Self.wav)
    }

    @Test(arguments: [100, 512, 512 + 699, 512 + 1024 + 100])
    func anArchiveCutShortIsTruncated(keeping count: Int) throws {
        let problem = try Self.problem(Array(Self.valid.prefix(count)))
        guard case let .truncated(path, offset, _, _) = problem else {
            Issue.record("expected truncated, got \(String(describing: problem))")
            return
        }
        #expect(path.hasSuffix("a.tar") && offset == (count < 512 + 1024 ? 0 : 512 + 1024))
        #expect(problem?.description.contains("at byte \(offset)") == true)
        #expect(problem?.description.contains("run the generate command again") == true)
    }

    @Test func anArchiveWithoutItsEndBlocksIsUnterminated() throws {
        let problem = try Self.problem(Array(Self.valid.dropLast(1024)))
        guard case let .unterminated(_, size) = problem else {
            Issue.record("expected unterminated, got \(String(describing: problem))")
            return
        }
        #expect(size == Self.valid.count - 1024)
    }

    @Test func aSizeOverTheLimitIsRefusedBeforeAnythingIsRead() throws {
        // 77777777777 octal: 8 GiB, over the default 4 GiB limit (and past the file's end).
        let huge = Self.patched(Self.valid, at: 124, "77777777777")
        let problem = try Self.problem(huge)
        guard case let .oversize(_, offset, name, size, limit) = problem else {
            Issue.record("expected oversize, got \(String(describing: problem))")
            return
        }
        #expect(offset == 0 && name == "morse_000042.wav" && size == 0o77777777777 && limit == 1 << 32)
        #expect(problem?.description.contains("declares 8589934591 bytes") == true)
        // A smaller limit refuses a real member too.
        #expect(
            try Self.problem(Self.valid, limits: TarReader.Limits(memberSize: 100)).map {
                if case .oversize(_, _, _, 700, 100) = $0 { return true }
                return false
            } == true)
    }

    @Test(arguments: ["../escape.wav", "a/../../b.wav", "/etc/passwd", "a/.."])
    func aNameThatLeavesTheFolderIsRefused(name: String) throws {
        let bytes = Self.archive([(name, Array("x".utf8))])
        let problem = try Self.problem(bytes)
        guard case let .unsafeName(_, offset, refused) = problem else {
            Issue.record("expected an unsafe name, got \(String(describing: problem))")
            return
        }
        #expect(offset == 0 && refused == name)
    }

    @Test(arguments: ["1", "2", "5", "x", "g", "L"])
    func aLinkFolderOrExtensionHeaderIsRefused(type: String) throws {
        let bytes = Self.patched(Self.valid, at: 156, type)
        let problem = try Self.problem(bytes)
        guard case let .notRegular(_, offset, name, found) = problem else {
            Issue.record("expected a non-regular member, got \(String(describing: problem))")
            return
        }
        #expect(offset == 0 && name == "morse_000042.wav" && found == type)
        #expect(problem?.description.contains("type '\(type)'") == true)
    }

    @Test func aDamagedHeaderFailsItsChecksum() throws {
        var bytes = Self.valid
        bytes[512 + 1024 + 3] ^= 0x01  // the second header's name
        let problem = try Self.problem(bytes)
        guard case let .badChecksum(_, offset, _, _) = problem else {
            Issue.record("expected a checksum failure, got \(String(describing: problem))")
            return
        }
        #expect(offset == 512 + 1024)
    }

    @Test func aNonOctalSizeIsNamed() throws {
        let bytes = Self.patched(Self.valid, at: 124, "0000000009x")
        let problem = try Self.problem(bytes)
        guard case let .badNumber(_, offset, field, value) = problem else {
            Issue.record("expected a bad number, got \(String(describing: problem))")
            return
        }
        #expect(offset == 0 && field == "size" && value == "0000000009x")
    }
}

/// Where a clip's audio is when the dataset keeps no loose WAVs: one rule, in DatasetLayout.
@Suite struct ClipAudioRuleTests {
    @Test func anAudioFileNamesItsMemberInTheSplitsShardFolder() {
        let layout = DatasetLayout(root: "/data/", numSamples: 100)
        let found = layout.webDatasetMember("validation/morse_000042.wav")
        #expect(found?.folder == "/data/webdataset/validation" && found?.member == "morse_000042.wav")
        #expect(found?.member == layout.fileName(id: 42))
        #expect(layout.webDatasetMember("morse_000042.wav") == nil)
        #expect(layout.webDatasetMember("dev/morse_000042.wav") == nil)
        #expect(layout.webDatasetMember("train/other.wav") == nil)
    }

    /// A WebDataset-only dataset: no `audio/`, and every clip's `audio_file` names a member of a
    /// shard of its split that holds its exact bytes (its record's checksum), read back by
    /// the finaliser's shard index as a resume or re-run reads it.
    @Test func everyClipIsTheMemberTheRuleNames() throws {
        var config = DatasetConfig.defaults
        config.output.formats = [.webdataset]
        config.output.shardSize = 4
        let root = temporaryFolder()
        try generate(RunSettings(config: config, numSamples: 10, seed: 2, maxDuration: 6, noiseRatio: 0.1), into: root)
        #expect(!FileManager.default.fileExists(atPath: root + "/audio"))
        let layout = DatasetLayout(root: root, numSamples: 10)
        let files = try DatasetFiles.open(layout, create: false)
        let sharded = ShardedAudio(files: files)
        let csv = try String(contentsOfFile: layout.metadataCSV, encoding: .utf8).split(separator: "\n")
        let header = csv.first.flatMap { CSV.fields(String($0)) } ?? []
        let checksumColumn = try #require(header.firstIndex(of: "checksum"))
        let lines = csv.dropFirst()
        #expect(lines.count == 10)
        for line in lines {
            let fields = CSV.fields(String(line)) ?? []
            guard let id = Int(fields[0]), let clip = DatasetLayout.clip(inAudioFile: fields[1]),
                let rule = layout.webDatasetMember(fields[1])
            else {
                Issue.record("row '\(line)' names no clip")
                continue
            }
            #expect(clip.id == id)
            let location = sharded.location(id: id, split: clip.split)
            #expect(location.map { $0.shard.hasPrefix(rule.folder + "/shard-") } == true)
            #expect(location?.member.name == rule.member)
            let checksum = fields.indices.contains(checksumColumn) ? fields[checksumColumn] : nil
            #expect(sharded.wav(id: id, split: clip.split).map(ClipChecksum.of) == checksum)
        }
    }
}
