import Foundation
import MorseDatasetFormat
import MorseSignal
import Synchronization
import Testing

@testable import MorseDataset

/// Collects a stream's bytes; can pretend the reader went away after some writes.
final class CapturedOutput: StreamOutput, @unchecked Sendable {
    private let bytes = Mutex<[UInt8]>([])
    private let writes = Atomic<Int>(0)
    let closeAfter: Int?

    init(closeAfter: Int? = nil) { self.closeAfter = closeAfter }

    func write(_ data: [UInt8]) -> Bool {
        let count = writes.add(1, ordering: .relaxed).newValue
        if let closeAfter, count > closeAfter { return false }
        bytes.withLock { $0 += data }
        return true
    }

    var data: [UInt8] { bytes.withLock { $0 } }
}

/// A parsed stream: header fields and (id, record, samples) of each clip frame, and the end count.
struct ParsedStream {
    var sampleRate = 0, formatTag = 0, seed: UInt64 = 0
    var clips: [(id: Int, record: String, audio: [UInt8])] = []
    var endCount: Int?

    init(_ bytes: [UInt8]) {
        func integer(_ at: Int, _ size: Int) -> Int {
            (0..<size).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) }
        }
        #expect(Array(bytes[0..<4]) == Array("MCWS".utf8))
        #expect(integer(4, 2) == 1)
        formatTag = integer(6, 2)
        sampleRate = integer(8, 4)
        seed = UInt64(integer(16, 8))
        var at = 24
        while at + 20 <= bytes.count {
            let magic = String(decoding: bytes[at..<at + 4], as: UTF8.self)
            let number = integer(at + 4, 8), recordLength = integer(at + 12, 4), audioLength = integer(at + 16, 4)
            at += 20
            if magic == "DONE" {
                endCount = number
                break
            }
            #expect(magic == "CLIP")
            let record = String(decoding: bytes[at..<at + recordLength], as: UTF8.self)
            let audio = Array(bytes[at + recordLength..<at + recordLength + audioLength])
            clips.append((number, record, audio))
            at += recordLength + audioLength
        }
        #expect(at == bytes.count, "no bytes after the end frame")
    }
}

@Suite struct ClipStreamTests {
    func streamed(_ settings: RunSettings, _ selection: StreamSelection, workers: Int, window: Int? = nil) throws
        -> ParsedStream
    {
        let output = CapturedOutput()
        let outcome = try ClipStream(settings: settings, selection: selection, workers: workers, window: window)
            .run(to: output, stop: StopSignal()) { _ in }
        #expect(!outcome.outputClosed && outcome.failures.isEmpty)
        return ParsedStream(output.data)
    }

    @Test(arguments: [1, 3]) func clipsAreGeneratesClipsInIDOrder(workers: Int) throws {
        let settings = smallSettings(numSamples: 9, maxDuration: 6)
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try generate(settings, into: root)
        // A window of one clip per worker makes the reorder buffer hold clips back.
        let stream = try streamed(settings, StreamSelection(datasetSize: 9), workers: workers, window: workers)
        #expect(stream.clips.map(\.id) == Array(0..<9))
        #expect(stream.endCount == 9 && stream.seed == 5 && stream.sampleRate == 16_000 && stream.formatTag == 1)
        var lines: [Int: String] = [:]
        for split in DatasetSplit.allCases {
            let text = try String(contentsOfFile: DatasetLayout(reading: root).records(split), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let id =
                    (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? Int ?? -1
                lines[id] = String(line)
            }
        }
        for clip in stream.clips {
            #expect(clip.record == lines[clip.id], "clip \(clip.id): record differs from metadata/{split}.jsonl")
            let object = try JSONSerialization.jsonObject(with: Data(clip.record.utf8)) as? [String: Any]
            let wav = try Data(
                contentsOf: URL(fileURLWithPath: root + "/audio/" + (object?["audio_file"] as? String ?? "")))
            #expect(clip.audio == Array(wav.dropFirst(44)), "clip \(clip.id): samples differ from the WAV")
        }
    }

    @Test func stepsAndSplitFilterPickTheRightIDs() throws {
        let settings = smallSettings(numSamples: 30, maxDuration: 4)
        let splits = try ClipPlanner(settings: settings.validated()).splits()
        let stepped = try streamed(settings, StreamSelection(start: 2, step: 5, count: 4, datasetSize: 30), workers: 2)
        #expect(stepped.clips.map(\.id) == [2, 7, 12, 17])
        let wanted = splits.indices.filter { splits[$0] == .validation }
        let filtered = try streamed(settings, StreamSelection(datasetSize: 30, split: .validation), workers: 2)
        #expect(!wanted.isEmpty && filtered.clips.map(\.id) == wanted)
        #expect(filtered.endCount == wanted.count)
    }

    @Test func endlessSplitsFollowTheAssignerOverGlobalIDs() throws {
        let settings = smallSettings(numSamples: 1, maxDuration: 4)
        let planner = try ClipPlanner(settings: settings.validated())
        var assigner = SplitAssigner(ratios: [0.8, 0.1, 0.1])
        let expected = (0..<40).map { assigner.next(stratum: planner.stratum($0)) }
        var sequence = StreamIDSequence(selection: StreamSelection(start: 25, step: 3), planner: planner)
        for id in stride(from: 25, to: 40, by: 3) {
            let next = sequence.next()
            #expect(next?.id == id && next?.split == expected[id])
        }
        #expect(StreamSelection(start: 25, step: 3).isFinite == false)
        #expect(StreamSelection(start: 5, step: 2, count: 10, datasetSize: 12).idLimit == 12)
    }

    @Test func aClosedOutputEndsTheStreamWithoutAnEndFrame() throws {
        let output = CapturedOutput(closeAfter: 3)  // the header and two clips
        let outcome = try ClipStream(settings: smallSettings(maxDuration: 4), selection: StreamSelection(), workers: 2)
            .run(to: output, stop: StopSignal()) { _ in }
        #expect(outcome.outputClosed && outcome.written == 2)
        let stream = ParsedStream(output.data)
        #expect(stream.clips.map(\.id) == [0, 1] && stream.endCount == nil)
    }

    @Test func float32StreamsCarryTheFloatSamples() throws {
        var config = DatasetConfig.defaults
        config.output.audioFormat = .float32
        let settings = RunSettings(config: config, numSamples: 3, seed: 2, maxDuration: 4, noiseRatio: 0)
        let stream = try streamed(settings, StreamSelection(count: 2), workers: 2)
        #expect(stream.formatTag == 3)
        let planner = try ClipPlanner(settings: settings)
        let made = try ClipMaker(planner: planner, layout: DatasetLayout(root: ".", numSamples: 0)).make(
            id: 1, split: .train)
        #expect(stream.clips[1].audio == Array(made.wav.dropFirst(WAVEncoder.headerSize(format: .float32))))
    }
}
