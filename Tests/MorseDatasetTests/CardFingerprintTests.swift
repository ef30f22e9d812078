import Foundation
import MorseDatasetFormat
import Testing

@testable import MorseDataset

/// The cards' `description` line under `configs:` (CacheFingerprint): `datasets` hashes it into a
/// local folder's cache entry, so it must differ whenever the clips or the folder differ, and
/// nothing else may.
@Suite struct CardFingerprintTests {
    /// Each card's fingerprint line (the root card's, then `webdataset/README.md`'s when present).
    func fingerprints(_ root: String) throws -> [String] {
        try ["/README.md", "/webdataset/README.md"].filter { FileManager.default.fileExists(atPath: root + $0) }.map {
            let card = try String(contentsOfFile: root + $0, encoding: .utf8)
            let lines = card.split(separator: "\n").filter { $0.hasPrefix("  description: ") }
            // One line, in the default config's entry under `configs:`, before its data files.
            #expect(lines.count == 1)
            #expect(card.contains("- config_name: default\n" + (lines.first ?? "") + "\n  data_files:\n"))
            return String(lines.first ?? "")
        }
    }

    func bothFormats(numSamples: Int, seed: UInt64) -> RunSettings {
        var settings = smallSettings(numSamples: numSamples, seed: seed)
        settings.config.output.formats = [.folder, .webdataset]
        settings.config.output.shardSize = 4
        return settings
    }

    @Test func theLineChangesWithTheClipsAndTheFolderOnly() throws {
        let parent = temporaryFolder(), other = temporaryFolder()
        let first = parent + "/ds", same = other + "/ds", different = temporaryFolder() + "/ds"
        try generate(bothFormats(numSamples: 8, seed: 3), into: first)
        try generate(bothFormats(numSamples: 8, seed: 3), into: same)
        try generate(bothFormats(numSamples: 8, seed: 4), into: different)
        let a = try fingerprints(first), b = try fingerprints(same), c = try fingerprints(different)
        #expect(a.count == 2 && a.allSatisfy { $0.hasPrefix("  description: morse-dataset fingerprint ") })
        #expect(a.allSatisfy { $0.count == "  description: morse-dataset fingerprint ".count + 16 })
        // The root's and the shards' cards are separate datasets to `datasets`, with separate entries.
        #expect(a[0] != a[1])
        // The same clips in another folder of the same name: other lines, every other byte the same.
        #expect(a[0] != b[0] && a[1] != b[1])
        #expect(try snapshot(first) == snapshot(same))
        // Other clips in a folder of the same name: other lines.
        #expect(a[0] != c[0] && a[1] != c[1])
        // Finalised again in place, the line stays (a re-run does not cost the user their cache).
        try generate(bothFormats(numSamples: 8, seed: 3), into: first)
        #expect(try fingerprints(first) == a)
    }

    /// A copied dataset carries the original's line until `merge` finalises it at its new place.
    @Test func mergeGivesAMovedDatasetItsOwnLine() throws {
        let original = temporaryFolder() + "/ds", moved = temporaryFolder() + "/ds"
        try generate(bothFormats(numSamples: 6, seed: 2), into: original)
        try FileManager.default.copyItem(atPath: original, toPath: moved)
        let before = try fingerprints(original)
        #expect(try fingerprints(moved) == before)
        _ = try DatasetMerge(output: moved, shardFolders: [], version: "test").run()
        let after = try fingerprints(moved)
        #expect(after.count == 2 && after[0] != before[0] && after[1] != before[1])
        #expect(try fingerprints(original) == before)
    }
}
