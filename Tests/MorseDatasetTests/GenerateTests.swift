import Foundation
import MorseDatasetFormat
import MorseSignal
import Testing

@testable import MorseDataset

@Suite(.serialized) struct GenerateTests {
    @Test func sameSeedSameBytesWhateverTheWorkerCount() throws {
        let a = temporaryFolder(), b = temporaryFolder()
        try generate(smallSettings(), into: a, workers: 1)
        try generate(smallSettings(), into: b, workers: 3)
        let first = try snapshot(a), second = try snapshot(b)
        #expect(first.keys.sorted() == second.keys.sorted())
        for (name, bytes) in first { #expect(second[name] == bytes, "\(name) differs") }
        #expect(first.keys.filter { $0.hasSuffix(".wav") }.count == 24)
        // A different seed gives different audio.
        let c = temporaryFolder()
        try generate(smallSettings(seed: 6), into: c)
        #expect(try snapshot(c)["metadata.csv"] != first["metadata.csv"])
    }

    @Test func layoutCountsAndDurations() throws {
        let root = temporaryFolder()
        let result = try generate(smallSettings(numSamples: 40, maxDuration: 10, noiseRatio: 0.1), into: root)
        #expect(result.succeeded)
        let rows = try csvRows(root + "/metadata.csv")
        #expect(
            rows.first?.prefix(9).joined(separator: ",")
                == "id,audio_file,text,contest_type,sample_type,wpm,condition,duration,is_noise_only")
        let body = rows.dropFirst()
        #expect(body.count == 40)
        #expect(body.filter { $0[8] == "True" }.count == 4, "exactly ⌊40 × 0.1⌋ noise-only clips")
        for row in body {
            let path = root + "/audio/" + row[1]
            let audio = try WAVDecoder.decode(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            #expect(audio.sampleRate == 16_000 && audio.channels == 1)
            #expect(audio.duration <= 10, "clip \(row[0]) lasts \(audio.duration) s")
            #expect(abs(audio.duration - (Double(row[7]) ?? -1)) < 1e-6)
        }
        for split in DatasetSplit.allCases {
            let ids = try csvRows(root + "/splits/\(split.name).csv").dropFirst().map { $0[0] }
            #expect(Set(ids).count == ids.count)
            #expect(ids.allSatisfy { id in body.first { $0[0] == id }?[9] == split.name })
        }
    }

    /// A clip that cannot be written is reported with its id; the others are made and listed.
    @Test func aFailingClipDoesNotStopTheRun() throws {
        let root = temporaryFolder()
        let settings = smallSettings(numSamples: 12)
        let planner = try ClipPlanner(settings: settings)
        let split = planner.splits()[3]
        let layout = DatasetLayout(root: root, numSamples: 12)
        let prepareOnly = StopSignal()
        prepareOnly.set("prepare only")
        try generate(settings, into: root, stop: prepareOnly)
        try FileManager.default.createDirectory(
            atPath: layout.audioPath(id: 3, split: split), withIntermediateDirectories: true)
        let result = try generate(settings, into: root)
        #expect(result.failures.map(\.id) == [3])
        #expect(result.failures.first?.reason.contains("morse_000003.wav") == true)
        #expect(!result.succeeded)
        let ids = try csvRows(root + "/metadata.csv").dropFirst().map { Int($0[0]) ?? -1 }
        #expect(ids == [0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11])
        // Once the obstacle is gone, running again makes only the missing clip.
        try FileManager.default.removeItem(atPath: layout.audioPath(id: 3, split: split))
        let again = try generate(settings, into: root)
        #expect(again.made == 1 && again.alreadyDone == 11 && again.succeeded)
    }

    /// Lost audio and a journal cut off mid-line (as a crash leaves them) are repaired by running
    /// again, and the result equals an uninterrupted run byte for byte.
    @Test func resumeAfterDamageGivesTheSameBytes() throws {
        let reference = temporaryFolder(), damaged = temporaryFolder()
        try generate(smallSettings(), into: reference)
        try generate(smallSettings(), into: damaged)
        let layout = DatasetLayout(root: damaged, numSamples: 24)
        let journal = try Data(contentsOf: URL(fileURLWithPath: layout.journalFile))
        try journal.prefix(journal.count - 40).write(to: URL(fileURLWithPath: layout.journalFile))
        let wavs = try FileManager.default.subpathsOfDirectory(atPath: damaged + "/audio").filter {
            $0.hasSuffix(".wav")
        }.sorted()
        try FileManager.default.removeItem(atPath: damaged + "/audio/" + wavs[2])
        let truncated = damaged + "/audio/" + wavs[5]
        let bytes = try Data(contentsOf: URL(fileURLWithPath: truncated))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: truncated))
        let result = try generate(smallSettings(), into: damaged, workers: 1)
        #expect(result.made == 3, "the cut-off journal line, the deleted file and the truncated file")
        #expect(try snapshot(damaged) == snapshot(reference))
    }

    @Test func changedSettingsAreRefusedUnlessOverwrite() throws {
        let root = temporaryFolder()
        try generate(smallSettings(numSamples: 4), into: root)
        #expect {
            try generate(smallSettings(numSamples: 4, seed: 99), into: root)
        } throws: { error in
            (error as? DatasetError)?.description.contains("seed 5 → 99") == true
        }
        let result = try generate(smallSettings(numSamples: 4, seed: 99), into: root, overwrite: true)
        #expect(result.made == 4 && result.alreadyDone == 0)
    }

    @Test func aForeignFolderIsNeverWrittenInto() throws {
        let root = temporaryFolder()
        try "my notes".write(toFile: root + "/notes.txt", atomically: true, encoding: .utf8)
        for overwrite in [false, true] {
            #expect(throws: DatasetError.foreignDirectory(root)) {
                try generate(smallSettings(numSamples: 2), into: root, overwrite: overwrite)
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["notes.txt"])
    }

    @Test func aStopBeforeTheEndKeepsWhatIsDoneAndResumes() throws {
        let root = temporaryFolder(), reference = temporaryFolder()
        let stop = StopSignal()
        stop.set("test stop")
        let stopped = try generate(smallSettings(numSamples: 6), into: root, stop: stop)
        #expect(stopped.stopped == "test stop" && stopped.made == 0)
        #expect(!FileManager.default.fileExists(atPath: root + "/metadata.csv"))
        try generate(smallSettings(numSamples: 6), into: root)
        try generate(smallSettings(numSamples: 6), into: reference)
        #expect(try snapshot(root) == snapshot(reference))
    }
}
