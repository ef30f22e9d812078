import Foundation
import MorseDataset
import MorseDatasetFormat
import MorseInspection
import Testing

/// `validate` on a WebDataset-only dataset, which keeps no loose WAVs: each clip's `.wav` member is
/// checked as a loose file would be, and every clip must be in exactly one shard of its split.
@Suite("validate reads WebDataset shards")
struct ShardValidationTests {
    /// 10 clips (8/1/1), WebDataset only, 4 clips a shard: train has shards 0–1, the others one each.
    static let dataset: String = {
        let folder = scratchRoot + "/shards-\(UUID().uuidString.prefix(8))"
        var config = DatasetConfig.referenceDefaults
        config.output.formats = [.webdataset]
        config.output.shardSize = 4
        let settings = RunSettings(config: config, numSamples: 10, seed: 3, maxDuration: 6, noiseRatio: 0.1)
        let generation = DatasetGeneration(
            settings: settings, outputDirectory: folder, workers: 2, overwrite: false, progress: .none, version: "test")
        do { _ = try generation.run(stop: StopSignal()) { _ in } } catch {
            Issue.record("cannot generate the WebDataset-only dataset: \(error)")
        }
        return folder
    }()

    static func copy(_ name: String = #function) throws -> String {
        let target = scratchRoot + "/\(name.filter { $0.isLetter })-\(UUID().uuidString.prefix(8))"
        try FileManager.default.copyItem(atPath: dataset, toPath: target)
        return target
    }

    func validate(_ root: String) throws -> ValidationReport {
        try DatasetValidator(root: root, options: ValidationOptions(workers: 2)).run()
    }

    @Test("a sound WebDataset-only dataset passes, every clip read from its shard")
    func sound() throws {
        #expect(!FileManager.default.fileExists(atPath: Self.dataset + "/audio"))
        let report = try validate(Self.dataset)
        #expect(report.isSound, "findings: \(report.log.kept.map(\.description))")
        #expect(report.clips == 10 && report.audioChecked == 10)
        let store = ClipAudioStore(root: Self.dataset)
        #expect(store.shards?.shardCount == 4)
    }

    @Test("a shard copied into another split: its clips are in two shards and two splits")
    func shardInTwoSplits() throws {
        let root = try Self.copy()
        try FileManager.default.copyItem(
            atPath: root + "/webdataset/train/shard-000000.tar", toPath: root + "/webdataset/test/shard-000009.tar")
        let report = try validate(root)
        #expect(report.kinds == [.duplicateID, .splitOverlap])
        #expect(report.log.kept.contains { $0.message.contains("is in 2 shards") })
    }

    @Test("a lost shard: its clips are in no shard")
    func lostShard() throws {
        let root = try Self.copy()
        try FileManager.default.removeItem(atPath: root + "/webdataset/validation/shard-000000.tar")
        let report = try validate(root)
        #expect(report.kinds == [.missingAudio])
        #expect(report.log.kept.first?.message.contains("no shard in webdataset/validation/") == true)
    }

    @Test("a member's sample bytes changed in place: its checksum no longer matches")
    func changedMember() throws {
        let root = try Self.copy()
        let path = root + "/webdataset/train/shard-000001.tar"
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        // The first member's samples: past its 512-byte tar header and 44-byte WAV header.
        for offset in 700..<708 { data[offset] ^= 0x5A }
        try data.write(to: URL(fileURLWithPath: path))
        let report = try validate(root)
        #expect(report.kinds == [.checksumMismatch])
        #expect(report.log.kept.first?.message.contains("shard-000001.tar member morse_") == true)
    }

    @Test("a symbolic link in a shard's place is refused, not followed")
    func linkedShard() throws {
        let root = try Self.copy()
        let shard = root + "/webdataset/test/shard-000000.tar"
        try FileManager.default.moveItem(atPath: shard, toPath: root + "/elsewhere.tar")
        try FileManager.default.createSymbolicLink(atPath: shard, withDestinationPath: root + "/elsewhere.tar")
        let report = try validate(root)
        #expect(report.kinds == [.missingAudio, .unreadableAudio])
    }

    @Test("preview's lookup finds the clip's audio and label times in its shard")
    func lookup() throws {
        let lines = try metadataLines(Self.dataset)
        let id = try #require(lines.first { !$0.contains(",NOISE,") }.flatMap { Int($0.prefix { $0 != "," }) })
        let clip = try LabelledClip.find(id: id, root: Self.dataset)
        let audio = try clip.readAudio()
        #expect(audio.samples.count == Int((clip.row.duration * 16_000).rounded()))
        #expect(!clip.characters.isEmpty && clip.characters.map(\.text).joined() == clip.row.text.filter { $0 != " " })
    }
}
