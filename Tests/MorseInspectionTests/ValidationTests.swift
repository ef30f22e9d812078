import Foundation
import MorseDataset
import MorseInspection
import Testing

@Suite("validate catches each kind of damage")
struct ValidationTests {
    func validate(_ root: String) throws -> ValidationReport {
        try DatasetValidator(root: root, options: ValidationOptions(workers: 2)).run()
    }

    /// The first Morse clip's row: id, audio file, text, duration field.
    func firstMorseRow(_ root: String) throws -> (line: String, fields: [String]) {
        let line = try #require(
            try metadataLines(root).first { !$0.contains(",NOISE,") && $0.split(separator: ",")[2].contains(" ") })
        return (line, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
    }

    @Test("a sound dataset passes")
    func sound() throws {
        let report = try validate(Fixture.dataset)
        #expect(report.isSound, "findings: \(report.log.kept.map(\.description))")
        #expect(report.clips == 16 && report.audioChecked == 16)
    }

    @Test("a deleted audio file")
    func deleted() throws {
        let root = try Fixture.copy()
        let row = try firstMorseRow(root)
        try FileManager.default.removeItem(atPath: root + "/audio/" + row.fields[1])
        let report = try validate(root)
        #expect(report.kinds == [.missingAudio])
        #expect(report.log.kept.first?.message.contains(row.fields[1]) == true)
    }

    @Test("a WAV overwritten in place at the same size: its checksum no longer matches")
    func sameSizeOverwrite() throws {
        let root = try Fixture.copy()
        let row = try firstMorseRow(root)
        let path = root + "/audio/" + row.fields[1]
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        // Sample bytes only: the header, size and duration stay right, so only the checksum can tell.
        for offset in 100..<108 { data[offset] ^= 0x5A }
        try data.write(to: URL(fileURLWithPath: path))
        let report = try validate(root)
        #expect(report.kinds == [.checksumMismatch])
        #expect(report.log.kept.first?.message.contains(row.fields[1]) == true)
    }

    @Test("a truncated WAV")
    func truncated() throws {
        let root = try Fixture.copy()
        let row = try firstMorseRow(root)
        let path = root + "/audio/" + row.fields[1]
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: path))
        let report = try validate(root)
        #expect(report.kinds == [.unreadableAudio])
        #expect(report.log.kept.first?.message.contains("truncated") == true)
    }

    @Test("a wrong duration in metadata.csv")
    func wrongDuration() throws {
        let root = try Fixture.copy()
        let row = try firstMorseRow(root)
        var fields = row.fields
        fields[7] = String(format: "%.6f", (Double(fields[7]) ?? 0) + 0.5)
        try writeText(
            try readText(root + "/metadata.csv").replacingOccurrences(
                of: row.line, with: fields.joined(separator: ",")), root + "/metadata.csv")
        let report = try validate(root)
        #expect(report.kinds == [.durationMismatch])
        #expect(report.log.kept.first?.location.hasPrefix("metadata.csv:") == true)
    }

    @Test("a duplicated id row")
    func duplicatedID() throws {
        let root = try Fixture.copy()
        let row = try firstMorseRow(root)
        try writeText(try readText(root + "/metadata.csv") + row.line + "\n", root + "/metadata.csv")
        let report = try validate(root)
        #expect(report.kinds == [.duplicateID])
    }

    @Test("a transcript edited in one manifest")
    func editedTranscript() throws {
        let root = try Fixture.copy()
        let row = try firstMorseRow(root)
        let split = row.fields[9]
        let manifest = root + "/manifests/\(split).jsonl"
        let text = row.fields[2]
        try writeText(
            try readText(manifest).replacingOccurrences(of: "\"text\": \"\(text)\"", with: "\"text\": \"\(text)X\""),
            manifest)
        let report = try validate(root)
        #expect(report.kinds == [.manifestDisagreement])
        #expect(report.log.kept.first?.location.hasPrefix("manifests/\(split).jsonl:") == true)
    }

    @Test("an orphan audio file")
    func orphan() throws {
        let root = try Fixture.copy()
        let row = try firstMorseRow(root)
        try FileManager.default.copyItem(
            atPath: root + "/audio/" + row.fields[1], toPath: root + "/audio/train/morse_000999.wav")
        let report = try validate(root)
        #expect(report.kinds == [.orphanAudio])
        #expect(report.log.kept.first?.location == "audio/train/morse_000999.wav")
    }

    @Test("a transcript with a character outside the alphabet, the same in every manifest")
    func outsideAlphabet() throws {
        let root = try Fixture.copy()
        let row = try firstMorseRow(root)
        let split = row.fields[9]
        let text = row.fields[2]
        for path in [
            "metadata.csv", "splits/\(split).csv", "splits/\(split)_transcripts.txt", "metadata/\(split).jsonl",
            "manifests/\(split).jsonl",
        ] {
            try writeText(
                try readText(root + "/" + path).replacingOccurrences(of: text, with: text + "Ü"), root + "/" + path)
        }
        let report = try validate(root)
        #expect(report.kinds == [.outsideAlphabet])
        #expect(report.log.kept.first?.message.contains("'Ü'") == true)
    }

    @Test("an id in two splits")
    func overlap() throws {
        let root = try Fixture.copy()
        let train = try readText(root + "/manifests/train.jsonl").split(separator: "\n")
        let line = try #require(train.first)
        try writeText(try readText(root + "/manifests/test.jsonl") + line + "\n", root + "/manifests/test.jsonl")
        let report = try validate(root)
        #expect(report.kinds == [.splitOverlap])
    }

    @Test("a clip over the maximum duration")
    func overMaximum() throws {
        let report = try DatasetValidator(root: Fixture.dataset, options: ValidationOptions(workers: 2, maxDuration: 2))
            .run()
        #expect(report.kinds == [.overMaxDuration])
    }

    @Test("decoding the clean clips finds no disagreement")
    func decodeClean() throws {
        let survey = DecoderSurvey(fraction: 1, minimumSNR: 25, flagCER: 0.5)
        let report = try DatasetValidator(root: Fixture.dataset, options: ValidationOptions(workers: 2, decode: survey))
            .run()
        #expect(report.isSound, "findings: \(report.log.kept.map(\.description))")
        let decoded = try #require(report.decode)
        #expect(decoded.clips.count >= 1, "only \(decoded.clips.count) clips at 25 dB or more were decoded")
        #expect(decoded.overall.cer < 0.05)
    }
}
