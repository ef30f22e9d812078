import Foundation
import MorseDatasetFormat
import Testing

@testable import MorseDataset

/// The NeMo manifests name each clip so that NeMo's `get_full_path` can only reach this dataset's
/// own file (tests-python/test_nemo.py runs NeMo's rules themselves from many working directories).
@Suite struct NeMoManifestTests {
    func realPath(_ path: String) throws -> String {
        let resolved = try #require(realpath(path, nil))
        defer { free(resolved) }
        return String(cString: resolved)
    }

    func manifestRows(_ root: String, _ split: DatasetSplit) throws -> [[String: Any]] {
        try String(contentsOfFile: DatasetLayout(reading: root).nemoManifest(split), encoding: .utf8)
            .split(separator: "\n").map {
                try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
    }

    func records(_ root: String, _ split: DatasetSplit) throws -> [[String: Any]] {
        try String(contentsOfFile: DatasetLayout(reading: root).records(split), encoding: .utf8)
            .split(separator: "\n").map {
                try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
    }

    /// By default every row names the clip by the real path of the dataset folder (reached here
    /// through a symbolic link, which is resolved), with the record's duration and text.
    @Test func absolutePathsNameTheRealFolder() throws {
        let real = temporaryFolder(), link = temporaryFolder() + "/via-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        try generate(smallSettings(numSamples: 10), into: link)
        let prefix = try realPath(real) + "/audio/"
        var rows = 0
        for split in DatasetSplit.allCases {
            let manifest = try manifestRows(link, split), metadata = try records(link, split)
            #expect(manifest.count == metadata.count)
            for (row, record) in zip(manifest, metadata) {
                let audioFile = try #require(record["audio_file"] as? String)
                #expect(row["audio_filepath"] as? String == prefix + audioFile)
                #expect(row["text"] as? String == record["text"] as? String)
                let stated = try #require(row["duration"] as? Double),
                    exact = try #require(record["duration"] as? Double)
                #expect(abs(stated - exact) <= 1e-6, "NeMo's duration is written to the microsecond")
                #expect(FileManager.default.fileExists(atPath: prefix + audioFile))
                rows += 1
            }
        }
        #expect(rows == 10)
    }

    /// `output.nemo_paths: relative` keeps the former `../audio/…`, relative to `manifests/`.
    @Test func relativePathsOnRequest() throws {
        let root = temporaryFolder()
        var settings = smallSettings(numSamples: 6)
        settings.config.output.nemoPaths = .relative
        try generate(settings, into: root)
        let rows = try DatasetSplit.allCases.flatMap { try manifestRows(root, $0) }
        #expect(rows.count == 6)
        for row in rows {
            let path = try #require(row["audio_filepath"] as? String)
            #expect(path.hasPrefix("../audio/"))
            #expect(FileManager.default.fileExists(atPath: root + "/manifests/" + path))
        }
        let card = try String(contentsOfFile: root + "/README.md", encoding: .utf8)
        #expect(card.contains("NeMo 2.0 and earlier try the working directory first"))
    }

    /// A dataset copied elsewhere names the original's audio until `merge` finalises it again,
    /// which rewrites the manifests without making any clip.
    @Test func mergeRewritesTheManifestsOfAMovedDataset() throws {
        let original = temporaryFolder(), moved = temporaryFolder() + "/moved"
        try generate(smallSettings(numSamples: 8), into: original)
        try FileManager.default.copyItem(atPath: original, toPath: moved)
        let before = try manifestRows(moved, .train).compactMap { $0["audio_filepath"] as? String }
        let originalPrefix = try realPath(original) + "/audio/"
        #expect(!before.isEmpty && before.allSatisfy { $0.hasPrefix(originalPrefix) })
        let merged = try DatasetMerge(output: moved, shardFolders: [], version: "test").run()
        #expect(merged.copied == 0)
        let after = try manifestRows(moved, .train).compactMap { $0["audio_filepath"] as? String }
        let prefix = try realPath(moved) + "/audio/"
        #expect(after.count == before.count && after.allSatisfy { $0.hasPrefix(prefix) })
    }

    @Test func theConfigKeyTakesEitherStyleAndNothingElse() throws {
        let relative = try DatasetConfig.load(yaml: "output:\n  nemo_paths: relative\n", source: "run.yaml")
        #expect(relative.output.nemoPaths == .relative)
        #expect(DatasetConfig.defaults.output.nemoPaths == .absolute)
        #expect(relative.yaml.contains("  nemo_paths: relative\n"))
        #expect {
            try DatasetConfig.load(yaml: "output:\n  nemo_paths: cwd\n", source: "run.yaml")
        } throws: { error in
            let text = String(describing: error)
            return text.contains("'cwd'") && text.contains("absolute") && text.contains("relative")
        }
    }

    /// How a manifest path is read back: into this dataset, outside it (even beside it, under a
    /// longer name), or a relative path of another form.
    @Test func pathsAreClassifiedAgainstTheRealFolder() {
        let root = "/data/cw"
        #expect(
            DatasetLayout.nemoAudioFile("/data/cw/audio/train/morse_000001.wav", realRoot: root)
                == .inDataset(audioFile: "train/morse_000001.wav", paths: .absolute))
        #expect(
            DatasetLayout.nemoAudioFile("../audio/test/morse_000002.wav", realRoot: root)
                == .inDataset(audioFile: "test/morse_000002.wav", paths: .relative))
        #expect(
            DatasetLayout.nemoAudioFile("/data/cw2/audio/train/morse_000001.wav", realRoot: root)
                == .outside("/data/cw2/audio/train/morse_000001.wav"))
        #expect(
            DatasetLayout.nemoAudioFile("audio/train/morse_000001.wav", realRoot: root)
                == .unrecognised("audio/train/morse_000001.wav"))
        #expect(DatasetLayout.nemoAudioPrefix(.absolute, realRoot: "/") == "/audio/")
    }
}
