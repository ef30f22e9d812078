import Foundation
import MorseCode
import MorseDataset
import MorseInspection
import MorseSignal
import Testing

@Suite("inspection refuses hostile files and parameters with a clear message")
struct HostileInputTests {
    /// A dataset copy whose first clip is replaced by `make(path)`; removed afterwards.
    func validateWithFirstClip(_ make: (String) throws -> Void, name: String = #function) throws -> ValidationReport {
        let root = try Fixture.copy(name)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let line = try #require(try metadataLines(root).first)
        let audioFile = line.split(separator: ",")[1]
        let path = root + "/audio/" + audioFile
        try FileManager.default.removeItem(atPath: path)
        try make(path)
        return try DatasetValidator(root: root, options: ValidationOptions(workers: 2)).run()
    }

    /// A FIFO named like a clip used to hang `validate` in open(); now it is one finding.
    @Test func fifoClip() throws {
        let report = try validateWithFirstClip { #expect(mkfifo($0, 0o644) == 0) }
        #expect(report.kinds == [.unreadableAudio])
        #expect(report.log.kept.first?.message.contains("is a FIFO (named pipe), not a regular file") == true)
    }

    @Test func folderClip() throws {
        let report = try validateWithFirstClip {
            try FileManager.default.createDirectory(atPath: $0, withIntermediateDirectories: false)
        }
        #expect(report.kinds == [.unreadableAudio])
        #expect(report.log.kept.first?.message.contains("is a folder, not a regular file") == true)
    }

    /// A clip replaced by a link to a file outside the dataset is reported, not followed.
    @Test func symlinkedClip() throws {
        let report = try validateWithFirstClip { #expect(symlink("/etc/hostname", $0) == 0) }
        #expect(report.kinds == [.unreadableAudio])
        #expect(report.log.kept.first?.message.contains("is a symbolic link") == true)
    }

    /// A header with a sample rate of 0xFFFFFFFF is an impossible header, found from 44 bytes.
    @Test func impossibleSampleRate() throws {
        let report = try validateWithFirstClip { path in
            var bytes = WAVEncoder.encode([Float](repeating: 0, count: 1000), sampleRate: 16_000)
            for offset in 24..<28 { bytes[offset] = 0xFF }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        #expect(report.kinds == [.unreadableAudio])
        #expect(report.log.kept.first?.message.contains("sample rate is 4294967295 Hz") == true)
    }

    @Test func fifoHeaderRead() throws {
        let folder = NSTemporaryDirectory() + "morse-hostile-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mkfifo(folder + "/a.wav", 0o644) == 0)
        #expect(throws: WAVHeader.Problem.notRegular(.fifo)) { try WAVHeader.read(path: folder + "/a.wav") }
        #expect(throws: FileReadError.notRegular(path: folder + "/a.wav", kind: .fifo)) {
            try LineReader(opening: folder + "/a.wav")
        }
        #expect(LineReader(path: folder + "/a.wav") == nil)
    }

    /// `validate --max-duration nan` used to disable the check silently.
    @Test(arguments: [Double.nan, .infinity, 0, -1])
    func maxDurationNotUsable(seconds: Double) {
        #expect(throws: ValidationOptions.Problem.self) {
            try DatasetValidator(root: "/nonexistent", options: ValidationOptions(maxDuration: seconds))
        }
    }

    @Test func otherOptionsNotUsable() {
        #expect(throws: ValidationOptions.Problem.workers(0)) {
            try DatasetValidator(root: "/x", options: ValidationOptions(workers: 0))
        }
        #expect(throws: ValidationOptions.Problem.sampleRate(0)) {
            try DatasetValidator(root: "/x", options: ValidationOptions(sampleRate: 0))
        }
        #expect(throws: ValidationOptions.Problem.self) {
            try DatasetValidator(root: "/x", options: ValidationOptions(decode: DecoderSurvey(fraction: .nan)))
        }
    }

    @Test(arguments: [Double.nan, 0, 1, -16_000, 1e12])
    func previewSampleRate(rate: Double) {
        #expect(throws: PreviewError.self) { try ClipPreview(sampleRate: rate) }
    }

    /// A tone from a hand-edited row that lies outside the audio gives the default band, not a trap.
    @Test(arguments: [-5.0, 0, 9_000, 1e300])
    func previewToneOutsideTheAudio(tone: Double) throws {
        let preview = try ClipPreview(sampleRate: 16_000, tone: tone)
        #expect(preview.band == 0...2000)
        #expect(throws: PreviewError.tone(.infinity)) { try ClipPreview(sampleRate: 16_000, tone: .infinity) }
    }

    /// Label times that are NaN or enormous land off the image instead of trapping.
    @Test func previewLabelTimesOffTheImage() throws {
        let preview = try ClipPreview(sampleRate: 16_000, tone: 700)
        let characters = [
            KeyedTimeline.Span(text: "A", start: .nan, end: 1e300),
            KeyedTimeline.Span(text: "B", start: -1e300, end: .infinity),
        ]
        let image = try preview.render([Float](repeating: 0, count: 16_000), characters: characters, title: "x")
        #expect(image.width == 250 + ClipPreview.frequencyAxisWidth)
        #expect(preview.x(.nan) < 0 && preview.x(1e300) > image.width)
        // Nothing of the labels reaches the frequency axis.
        for x in 250..<image.width {
            for y in 0..<image.height {
                #expect(![ClipPreview.startColour, ClipPreview.endColour].contains(image.pixel(x: x, y: y)))
            }
        }
    }

    /// Audio longer than the longest clip is refused before the image is allocated.
    @Test func previewTooLong() throws {
        let preview = try ClipPreview(sampleRate: 1_000)
        #expect(throws: PreviewError.tooLong(seconds: 601)) {
            try preview.render([Float](repeating: 0, count: 601_000), characters: [], title: "")
        }
    }
}

@Suite("validate reads hostile manifests without a trap")
struct HostileManifestTests {
    /// A copy of the sound dataset changed by `edit(root)`, validated, then removed.
    func validate(_ edit: (String) throws -> Void, name: String = #function) throws -> ValidationReport {
        let root = try Fixture.copy(name)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try edit(root)
        return try DatasetValidator(root: root, options: ValidationOptions(workers: 2)).run()
    }

    /// A FIFO as dataset_info.json is reported, not opened for a blocking read.
    @Test func fifoDatasetInfo() throws {
        let report = try validate { root in
            try FileManager.default.removeItem(atPath: root + "/dataset_info.json")
            #expect(mkfifo(root + "/dataset_info.json", 0o644) == 0)
        }
        #expect(report.log.kept.contains { $0.message.contains("is a FIFO (named pipe), not a regular file") })
    }

    /// A duration of 1e300 s in metadata.csv trapped while its finding was formatted.
    @Test func enormousStatedDuration() throws {
        let report = try validate { root in
            var lines = try readText(root + "/metadata.csv").split(separator: "\n", omittingEmptySubsequences: false)
                .map(String.init)
            // A row without quoted fields, so splitting at commas finds the columns.
            let row = try #require(lines.indices.dropFirst().first { !lines[$0].isEmpty && !lines[$0].contains("\"") })
            var fields = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let header = lines[0].split(separator: ",").map(String.init)
            let column = try #require(header.firstIndex(of: "duration"))
            fields[column] = "1e300"
            lines[row] = fields.joined(separator: ",")
            try writeText(lines.joined(separator: "\n"), root + "/metadata.csv")
        }
        #expect(report.kinds.contains(.durationMismatch))
        #expect(report.log.kept.contains { $0.message.contains("1e+300") })
    }
}
