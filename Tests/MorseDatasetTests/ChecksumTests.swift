import Foundation
import MorseDatasetFormat
import MorseFileSystem
import Testing

@testable import MorseDataset

/// Clip checksums (CRC-32C of the WAV bytes) and journal line seals: damage that keeps a file's
/// size, or an edited journal line, is found and redone, never published.
@Suite struct ChecksumTests {
    @Test func aSealedLineVerifiesAndAnyChangedByteDoesNot() {
        let record = "{\"id\": 4, \"text\": \"CQ DE K1ABC\", \"checksum\": \"0000abcd\"}"
        let line = Array(JournalLine.sealed(record).utf8)
        #expect(JournalLine.verifiedRecord(line) == Data(record.utf8))
        for position in line.indices {
            var changed = line
            changed[position] ^= 0x01
            #expect(JournalLine.verifiedRecord(changed) == nil, "byte \(position) changed but the line still verifies")
        }
        #expect(JournalLine.verifiedRecord(Array(record.utf8)) == nil)
    }

    @Test func theJournalIndexCountsAnUnverifiedLineAsDamage() throws {
        let path = temporaryFolder() + "/journal.jsonl"
        let edited = JournalLine.sealed("{\"id\": 1, \"text\": \"CQ\"}").replacingOccurrences(of: "CQ", with: "QC")
        try (JournalLine.sealed("{\"id\": 0, \"text\": \"A\"}") + "\n" + edited + "\n").write(
            toFile: path, atomically: true, encoding: .utf8)
        var index = JournalIndex(count: 2)
        try index.add(journal: path)
        #expect(index.entry(0) != nil && index.entry(1) == nil)
        #expect(index.damagedLines == 1)
    }

    /// The manifests' checksum is the CRC-32C of the file's bytes, as users would check it.
    @Test func manifestsCarryEachFilesChecksum() throws {
        let folder = temporaryFolder()
        try generate(smallSettings(numSamples: 6), into: folder)
        let rows = try csvRows(folder + "/metadata.csv")
        let column = try #require(rows.first?.firstIndex(of: "checksum"))
        let file = try #require(rows.first?.firstIndex(of: "audio_file"))
        #expect(rows.count == 7)
        for row in rows.dropFirst() {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/audio/" + row[file])))
            #expect(row[column] == CRC32C.hex(CRC32C.checksum(bytes)))
            #expect(row[column].count == 8)
        }
        let nemo = try String(contentsOfFile: folder + "/manifests/train.jsonl", encoding: .utf8)
        #expect(nemo.contains("\"checksum\": \""))
        let metadata = try String(contentsOfFile: folder + "/metadata/train.jsonl", encoding: .utf8)
        #expect(metadata.contains("\"checksum\": \"") && !metadata.contains("line_crc"))
    }

    @Test func aClipOverwrittenAtTheSameSizeIsRemadeOnResume() throws {
        let folder = temporaryFolder()
        let settings = smallSettings(numSamples: 6)
        try generate(settings, into: folder)
        let path =
            folder + "/audio/"
            + DatasetLayout(root: folder, numSamples: 6).audioFile(id: 2, split: try split(of: 2, in: folder))
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        var damaged = original
        for offset in 200..<216 { damaged[offset] ^= 0xFF }
        try damaged.write(to: URL(fileURLWithPath: path))
        let result = try generate(settings, into: folder)
        #expect(result.made == 1)
        #expect(result.alreadyDone == 5)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original)
    }

    @Test func anEditedJournalLineIsRedoneNotPublished() throws {
        let folder = temporaryFolder()
        let settings = smallSettings(numSamples: 6, noiseRatio: 0)
        try generate(settings, into: folder)
        let journal = folder + "/.morse-dataset/journal.jsonl"
        var lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").map(String.init)
        let position = try #require(lines.firstIndex { $0.hasPrefix("{\"id\": 3,") })
        let text = try #require(try ClipFieldProbe.text(of: lines[position]))
        lines[position] = lines[position].replacingOccurrences(
            of: "\"text\": \"\(text)\"", with: "\"text\": \"EDITED\"")
        #expect(lines[position].contains("EDITED"))
        try (lines.joined(separator: "\n") + "\n").write(toFile: journal, atomically: true, encoding: .utf8)

        let result = try generate(settings, into: folder)
        #expect(result.made == 1)
        let csv = try String(contentsOfFile: folder + "/metadata.csv", encoding: .utf8)
        #expect(!csv.contains("EDITED") && csv.contains(text))
        for split in DatasetSplit.allCases {
            let jsonl =
                (try? String(contentsOfFile: folder + "/metadata/\(split.name).jsonl", encoding: .utf8)) ?? ""
            #expect(!jsonl.contains("EDITED"))
        }
    }

    /// The lazy table gives exactly the splits of the whole-array assignment, in any lookup order
    /// and across block boundaries.
    @Test(arguments: [1, 7, 64]) func theSplitTableMatchesTheWholeAssignment(blockSize: Int) throws {
        let planner = try ClipPlanner(settings: smallSettings(numSamples: 150).validated())
        let whole = planner.splits()
        let ratios = planner.settings.config.splitRatios
        let table = SplitTable(
            count: 150, ratios: [ratios.train, ratios.validation, ratios.test], blockSize: blockSize,
            stratum: { planner.stratum($0) })
        var generator = SystemRandomNumberGenerator()
        for id in (0..<150).shuffled(using: &generator) { #expect(table.split(id) == whole[id]) }
        #expect(Set(whole).count > 1)
    }

    func split(of id: Int, in folder: String) throws -> DatasetSplit {
        let rows = try csvRows(folder + "/metadata.csv")
        let row = try #require(rows.first { $0.first == String(id) })
        return try #require(DatasetSplit(name: row[9]))
    }
}

/// Reads a record's transcript.
enum ClipFieldProbe {
    static func text(of line: String) throws -> String? {
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        return object?["text"] as? String
    }
}
