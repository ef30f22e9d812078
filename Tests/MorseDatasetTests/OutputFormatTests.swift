import Foundation
import MorseCode
import MorseDatasetFormat
import Testing

@testable import MorseDataset

/// The output formats: the `--format` list, the sinks behind them, and the shared on-disk names.
@Suite(.serialized) struct OutputFormatTests {
    @Test(arguments: [
        ("folder", [OutputFormat.folder]), ("webdataset", [.webdataset]),
        ("folder,webdataset", [.folder, .webdataset]),
        ("webdataset, folder", [.webdataset, .folder]), ("both", [.folder, .webdataset]),
        ("folder,both,folder", [.folder, .webdataset]),
    ])
    func formatListsAreParsed(text: String, expected: [OutputFormat]) throws {
        #expect(try OutputFormat.list(text) == expected)
    }

    @Test(arguments: ["tar", "folder,", "", "folder,kaldi"])
    func unknownNamesListTheValidOnes(text: String) {
        #expect {
            try OutputFormat.list(text)
        } throws: { error in
            let message = (error as? OutputFormat.UnknownName)?.description ?? ""
            return message.contains("folder, webdataset, lhotse, both")
        }
    }

    /// Every format has a sink, and each sink claims its own root entries (what `--overwrite` removes).
    @Test func everyFormatHasASinkWithItsOwnFiles() {
        let entries = OutputFormat.everySink.flatMap { $0.rootEntries }
        #expect(Set(entries).count == entries.count)
        #expect(
            Set(entries).isSuperset(of: ["metadata.csv", "splits", "metadata", "manifests", "webdataset", "lhotse"]))
        let layout = DatasetLayout(root: "/data", numSamples: 10)
        #expect(FolderSink.temporaryFolders(layout).contains("/data/metadata"))
        #expect(IndexSink.temporaryFolders(layout).contains("/data/splits"))
        #expect(
            WebDatasetSink.temporaryFolders(layout) == [
                "/data/webdataset/train", "/data/webdataset/validation", "/data/webdataset/test",
            ])
    }

    /// WebDataset alone writes tars, the index files every dataset has and no folder manifests; the
    /// loose WAVs are removed once the shards hold every clip; the card then points at the tars.
    @Test func webDatasetAloneWritesOnlyItsFiles() throws {
        var config = DatasetConfig.defaults
        config.output.formats = [.webdataset]
        config.output.shardSize = 5
        let root = temporaryFolder()
        try generate(RunSettings(config: config, numSamples: 12, seed: 4, maxDuration: 8, noiseRatio: 0.1), into: root)
        let files = try snapshot(root)
        #expect(files.keys.contains("webdataset/train/shard-000000.tar"))
        #expect(files.keys.contains("metadata.csv") && files.keys.contains("splits/train.csv"))
        #expect(!files.keys.contains { $0.hasPrefix("manifests/") || $0.hasPrefix("audio/") })
        #expect(!FileManager.default.fileExists(atPath: root + "/audio"))
        #expect(!files.keys.contains { $0.hasSuffix("metadata.jsonl") })
        #expect(!files.keys.contains { $0.hasPrefix("metadata/") || $0.hasSuffix("metadata.parquet") })
        let card = String(decoding: files["README.md"] ?? Data(), as: UTF8.self)
        // The card's one config declares the shards of the filled splits and types the record inside `json`.
        #expect(card.contains("- webdataset/train/*.tar") && !card.contains("audio/train/*.wav"))
        #expect(card.contains("- name: json\n    struct:\n    - name: id\n      dtype: int64"))
        #expect(files.keys.contains("webdataset/README.md"))
    }

    /// The order the formats are listed in changes only the listing itself (and so the config fingerprint).
    @Test func listOrderDoesNotChangeTheFiles() throws {
        var config = DatasetConfig.defaults
        config.output.shardSize = 4
        config.output.formats = [.folder, .webdataset]
        let first = temporaryFolder(), second = temporaryFolder()
        try generate(RunSettings(config: config, numSamples: 10, seed: 2, maxDuration: 8, noiseRatio: 0.1), into: first)
        config.output.formats = [.webdataset, .folder]
        try generate(
            RunSettings(config: config, numSamples: 10, seed: 2, maxDuration: 8, noiseRatio: 0.1), into: second)
        let a = try snapshot(first), b = try snapshot(second)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (name, bytes) in a where name != "dataset_info.json" && name != "README.md" {
            // snapshot blanks the cards' fingerprint lines (they digest each folder's own path).
            #expect(b[name] == bytes, "\(name) differs")
        }
        let card = { (files: [String: Data]) in
            String(decoding: files["README.md"] ?? Data(), as: UTF8.self).split(separator: "\n").filter {
                !$0.contains("formats") && !$0.contains("fingerprint")
            }
        }
        #expect(card(a) == card(b))
    }

    /// A format the config names that is no format is refused, not dropped.
    @Test func anUnknownConfigFormatIsRefused() {
        #expect {
            try DatasetConfig.load(yaml: "output:\n  formats: [folder, parquet]\n", source: "run.yaml")
        } throws: { error in
            String(describing: error).contains("'parquet'") && String(describing: error).contains("webdataset")
        }
    }

    /// The record's keys are the contract's fields, in its order; the CSV header is its columns.
    @Test func recordsUseTheSharedFieldNames() throws {
        let root = temporaryFolder()
        try generate(smallSettings(numSamples: 6), into: root)
        let layout = DatasetLayout(reading: root)
        let header = try String(contentsOfFile: layout.metadataCSV, encoding: .utf8).prefix { $0 != "\n" }
        #expect(String(header) == ClipField.csvHeader)
        let line = try String(contentsOfFile: layout.records(.train), encoding: .utf8).prefix { $0 != "\n" }
        let keys = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]).keys
        #expect(Set(keys) == Set(ClipField.allCases.map(\.rawValue)))
        let positions = ClipField.allCases.map { line.range(of: "\"\($0.rawValue)\": ")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(
            zip(positions, positions.dropFirst()).allSatisfy { ($0.0 ?? line.startIndex) < ($0.1 ?? line.startIndex) })
        let nemo = try String(contentsOfFile: layout.nemoManifest(.train), encoding: .utf8).prefix { $0 != "\n" }
        let real = try #require(realpath(root, nil))
        defer { free(real) }
        #expect(nemo.hasPrefix("{\"\(NeMoField.audioFilepath.rawValue)\": \"\(String(cString: real))/audio/train/"))
    }
}

@Suite struct NumberFormatTests {
    /// `fixed` gives what the card's and summary's former formatter gave.
    @Test func fixedMatchesTheFormerTableFormatter() {
        func former(_ value: Double, _ decimals: Int) -> String {
            guard value.isFinite else { return "-" }
            var scale = 1.0
            for _ in 0..<decimals { scale *= 10 }
            let rounded = (abs(value) * scale).rounded()
            let whole = Int(rounded / scale)
            var fraction = String(Int(rounded.truncatingRemainder(dividingBy: scale)))
            fraction = String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
            return (value < 0 && rounded != 0 ? "-" : "") + String(whole) + (decimals > 0 ? "." + fraction : "")
        }
        var rng = SeededGenerator(seed: 9)
        var values: [Double] = [0, -0.0, 12.5, -0.004, 0.005, 1e-9, .nan, .infinity, 99.999, 28]
        for _ in 0..<5000 {
            values.append(Double.random(in: -1e5...1e5, using: &rng) / Double(Int.random(in: 1...1000, using: &rng)))
        }
        for value in values {
            for places in 0...4 {
                #expect(NumberFormat.fixed(value, places: places) == former(value, places), "\(value) \(places)")
            }
        }
    }

    @Test(arguments: [
        (12.0, 2, "12", "12.0", "12.00"), (12.5, 0, "13", "13.0", "13"), (-0.25, 3, "-0.25", "-0.25", "-0.250"),
        (-0.0001, 2, "0", "0.0", "0.00"), (Double.nan, 2, "null", "null", "-"),
    ])
    func theThreeStyles(value: Double, places: Int, decimal: String, float: String, fixed: String) {
        #expect(NumberFormat.decimal(value, places: places) == decimal)
        #expect(NumberFormat.float(value, places: places) == float)
        #expect(NumberFormat.fixed(value, places: places) == fixed)
    }

    /// Numbers too large for the digit writer do not crash it.
    @Test func hugeNumbersDoNotTrap() {
        #expect(NumberFormat.decimal(1e300, places: 6) == "1e+300")
        #expect(NumberFormat.fixed(-1e19, places: 2) == "-1e+19")
    }
}
