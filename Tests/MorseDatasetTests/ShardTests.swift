import Foundation
import MorseDatasetFormat
import Testing

@testable import MorseDataset

@Suite struct ShardAssignmentTests {
    @Test(arguments: [(10, 1), (10, 3), (7, 7), (3, 5), (1000, 8), (0, 2)])
    func shardsCoverEveryIdOnceInBlocks(total: Int, count: Int) throws {
        var covered: [Int] = []
        for index in 0..<count { covered += Array(try DatasetShard(index: index, count: count).ids(of: total)) }
        #expect(covered == Array(0..<total), "shards of \(total) ids in \(count) parts")
    }

    @Test func journalNamesRoundTrip() throws {
        let shard = try DatasetShard(index: 3, count: 8)
        #expect(shard.journalName == "journal.shard-0003-of-0008.jsonl")
        #expect(DatasetShard.fromJournalName(shard.journalName) == shard)
        #expect(DatasetShard.whole.journalName == "journal.jsonl")
        #expect(DatasetShard.fromJournalName("journal.jsonl") == nil)
    }

    /// (--shard-index, --num-shards, environment) → (index, count, source), or a message's key words.
    enum Expected {
        case shard(Int, Int, DatasetShard.Source?)
        case error(String)
    }

    static let cases: [(Int?, Int?, [String: String], Expected)] = [
        (nil, nil, [:], .shard(0, 1, nil)),
        (2, 4, ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "8"], .shard(2, 4, .option)),
        (nil, nil, ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "8"], .shard(3, 8, .slurmArray)),
        (
            nil, nil, ["SLURM_ARRAY_TASK_ID": "12", "SLURM_ARRAY_TASK_MIN": "10", "SLURM_ARRAY_TASK_MAX": "13"],
            .shard(2, 4, .slurmArray)
        ),
        (nil, 4, ["SLURM_ARRAY_TASK_ID": "1"], .shard(1, 4, .slurmArray)),
        (nil, 8, ["JOB_COMPLETION_INDEX": "5"], .shard(5, 8, .kubernetesIndexedJob)),
        (nil, 1, ["JOB_COMPLETION_INDEX": "5"], .shard(0, 1, nil)),
        (nil, nil, ["JOB_COMPLETION_INDEX": "5"], .error("give <numShards>")),
        (nil, nil, ["SLURM_ARRAY_TASK_ID": "5"], .error("give <numShards>")),
        (nil, 3, ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "4"], .error("disagrees")),
        (nil, nil, ["SLURM_ARRAY_TASK_ID": "x", "SLURM_ARRAY_TASK_COUNT": "4"], .error("not a whole number")),
        (4, 4, [:], .error("use 0 to 3")),
        (1, nil, [:], .error("needs <numShards>")),
        (nil, 4, [:], .error("needs <shardIndex>")),
        (nil, nil, ["SLURM_ARRAY_TASK_ID": "9", "SLURM_ARRAY_TASK_COUNT": "4"], .error("contiguous array")),
    ]

    @Test func resolvesFromOptionsThenClusterVariables() {
        for (index, count, environment, expected) in Self.cases {
            do {
                let assignment = try DatasetShard.resolve(index: index, count: count, environment: environment)
                guard case let .shard(wantIndex, wantCount, wantSource) = expected else {
                    Issue.record("\(environment): expected an error, got \(assignment)")
                    continue
                }
                #expect(assignment.shard.index == wantIndex && assignment.shard.count == wantCount, "\(environment)")
                #expect(assignment.source == wantSource, "\(environment)")
            } catch {
                guard case let .error(words) = expected else {
                    Issue.record("\(environment): unexpected error \(error.description)")
                    continue
                }
                // Tokens rendered as <name> show which setting each message points at.
                let message = error.description(naming: { "<\($0.rawValue)>" })
                #expect(message.contains(words), "\(message)")
                #expect(
                    !["--num-shards", "--shard-index"].contains { error.description.contains($0) },
                    "the library spells no CLI flag: \(error.description)")
            }
        }
    }
}

@Suite(.serialized) struct ShardMergeTests {
    /// Shards in their own folders, merged, equal one run byte for byte, and the shard folders are left intact.
    @Test func mergedShardsEqualASingleRun() throws {
        let single = temporaryFolder(), out = temporaryFolder() + "/merged"
        let settings = smallSettings(numSamples: 20)
        try generate(settings, into: single)
        var folders: [String] = []
        for index in 0..<3 {
            let folder = temporaryFolder()
            let result = try generate(
                settings, into: folder, workers: 1, shard: try DatasetShard(index: index, count: 3))
            #expect(result.statistics == nil && result.succeeded, "a shard of several does not finalise")
            #expect(!FileManager.default.fileExists(atPath: folder + "/metadata.csv"))
            folders.append(folder)
        }
        let before = try folders.map(snapshot)
        let merged = try DatasetMerge(output: out, shardFolders: folders, version: "test").run()
        #expect(merged.copied == 20 && merged.journals == 3)
        #expect(try snapshot(out) == snapshot(single))
        #expect(try folders.map(snapshot) == before, "merge copies; the shard folders stay as they were")
        // Merging again finds every clip in place and changes nothing.
        let again = try DatasetMerge(output: out, shardFolders: folders, version: "test").run()
        #expect(again.copied == 0)
        #expect(try snapshot(out) == snapshot(single))
    }

    /// Shards sharing one folder (with WebDataset output), then `merge OUT` alone.
    @Test func shardsSharingAFolderMergeInPlace() throws {
        var config = DatasetConfig.defaults
        config.output.formats = [.folder, .webdataset]
        config.output.shardSize = 4
        let settings = RunSettings(config: config, numSamples: 18, seed: 8, maxDuration: 8, noiseRatio: 0.1)
        let single = temporaryFolder(), shared = temporaryFolder()
        try generate(settings, into: single)
        for index in [2, 0, 1] {
            try generate(settings, into: shared, workers: 1, shard: try DatasetShard(index: index, count: 3))
        }
        _ = try DatasetMerge(output: shared, shardFolders: [], version: "test").run()
        let expected = try snapshot(single)
        #expect(try snapshot(shared) == expected)
        #expect(expected.keys.contains("webdataset/train/shard-000000.tar"))
    }

    @Test func aMissingShardIsNamedAndNothingIsWritten() throws {
        let settings = smallSettings(numSamples: 12)
        let first = temporaryFolder(), third = temporaryFolder(), out = temporaryFolder() + "/merged"
        try generate(settings, into: first, shard: try DatasetShard(index: 0, count: 3))
        try generate(settings, into: third, shard: try DatasetShard(index: 2, count: 3))
        #expect {
            try DatasetMerge(output: out, shardFolders: [first, third], version: "test").run()
        } throws: { error in
            let text = (error as? DatasetError)?.description ?? ""
            return text.contains("4 of 12 clips are missing (ids 4–7)")
                && text.contains("shard 1 of 3 (ids 4–7): no journal")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func shardsOfDifferentRunsAreRefused() throws {
        let a = temporaryFolder(), b = temporaryFolder()
        try generate(smallSettings(numSamples: 6), into: a, shard: try DatasetShard(index: 0, count: 2))
        try generate(smallSettings(numSamples: 6, seed: 9), into: b, shard: try DatasetShard(index: 1, count: 2))
        #expect {
            try DatasetMerge(output: temporaryFolder(), shardFolders: [a, b], version: "test").run()
        } throws: { error in
            (error as? DatasetError)?.description.contains("seed 5 → 9") == true
        }
    }

    /// A journal line damaged in the middle (a power loss) costs that clip only: it is made again.
    @Test func aDamagedJournalLineIsMadeAgain() throws {
        let reference = temporaryFolder(), damaged = temporaryFolder()
        try generate(smallSettings(numSamples: 8), into: reference)
        try generate(smallSettings(numSamples: 8), into: damaged)
        let journal = DatasetLayout(root: damaged, numSamples: 8).journalFile
        var lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[3] = "\u{0}\u{0}garbage"
        try (lines.joined(separator: "\n") + "\n").write(toFile: journal, atomically: true, encoding: .utf8)
        let result = try generate(smallSettings(numSamples: 8), into: damaged)
        #expect(result.made == 1 && result.succeeded)
        #expect(try snapshot(damaged) == snapshot(reference))
    }
}

@Suite struct TarArchiveTests {
    @Test func headerFieldsAndChecksum() {
        let header = TarArchive.header(name: "morse_000042.wav", size: 1234)
        #expect(header.count == 512)
        #expect(Array(header[0..<16]) == Array("morse_000042.wav".utf8) && header[16] == 0)
        #expect(String(decoding: header[124..<135], as: UTF8.self) == String(1234, radix: 8).leftPadded(11))
        #expect(String(decoding: header[257..<262], as: UTF8.self) == "ustar" && header[156] == UInt8(ascii: "0"))
        var copy = header
        for i in 148..<156 { copy[i] = 0x20 }
        let stored = Int(String(decoding: header[148..<154], as: UTF8.self), radix: 8)
        #expect(stored == copy.reduce(0) { $0 + Int($1) })
        #expect(TarArchive.padding(after: 1234).count == 512 * 3 - 1234)
        #expect(TarArchive.padding(after: 1024).isEmpty)
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
