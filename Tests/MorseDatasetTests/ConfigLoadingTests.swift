import Foundation
import MorseDataset
import Testing

@Suite("Loading configs")
struct ConfigLoadingTests {
    @Test("contest_cw.yaml loads unchanged and every key lands in its field")
    func referenceConfig() throws {
        let config = try DatasetConfig.load(yaml: contestCWYAML, source: "contest_cw.yaml")
        #expect(config.contestTypes == [.CQWW, .CQWPX, .ARRLDX, .FIELD_DAY, .NAQP, .SWEEPSTAKES, .SPRINT, .IARU])
        #expect(config.wpmRange == 15...40)
        #expect(config.conditions == [.clean, .contestGood, .contestModerate, .contestPoor, .dxExpedition])
        #expect(config.qsoProbability == 0.3)
        #expect(config.splitRatios == .init(train: 0.8, validation: 0.1, test: 0.1))
        #expect(config.audio.sampleRate == 16000)
        #expect(config.audio.toneFrequencyRange == 600...800)
        #expect(config.noise.snrRange == 8...30)
        #expect(config.noise.qrmInterferers == 0...5)
        #expect(config.noise.qrnRate == 0...0.5)
        #expect(config.noise.fadingRate == 0.1...0.5)
        #expect(config.noise.fadingDepth == 0.1...0.7)
        #expect(config.noise.driftMax == 0...100)
        #expect(config.timing.variationPercent == 2...8)
        #expect(config.timing.weightRatio == 3...3)
        #expect(
            config.compositionWeights.countries == [
                .USA: 30, .GERMANY: 20, .JAPAN: 15, .ENGLAND: 15, .CANADA: 10, .ITALY: 10, .RUSSIA: 10,
                .SPAIN: 5, .FRANCE: 5, .BRAZIL: 5, .AUSTRALIA: 5, .ARGENTINA: 5,
            ])
        #expect(
            config.compositionWeights.sampleTypes == [
                .fullQSO: 30, .cqCall: 20, .exchangeOnly: 25, .partialCopy: 15, .repeatRequest: 10,
                .multiTransmission: 0, .ragchew: 0, .practiceGroups: 0, .plainText: 0, .pileup: 0,
            ])
        #expect(config.callsigns.includePortable == 0.1)
        #expect(config.callsigns.includeSpecial == 0.05)
        #expect(config.prosigns.useAbbreviations == 0.3)
        #expect(config.prosigns.commonProsigns == [.AR, .AS, .BK, .KN, .SK, .BT])
        #expect(config.advancedFeatures.multipath == true)
        #expect(config.advancedFeatures.multipathDelays == 0...5)
        #expect(config.advancedFeatures.agcEnabled == true)
        #expect(config.advancedFeatures.agcAttack == 0.01)
        #expect(config.advancedFeatures.agcRelease == 0.5)
        #expect(config.advancedFeatures.filterTypes == [.cwNarrow, .cwWide])
        #expect(config.advancedFeatures.fadingTypes == [.slow, .fast, .selective])
        #expect(config.evaluation.metrics == [.wer, .cer, .callsignAccuracy, .exchangeAccuracy])
        #expect(
            config.evaluation.trackElements == [
                .callsigns, .rstReports, .serialNumbers, .gridSquares, .statesProvinces, .zones,
            ])
        // Keys the reference gives land as the reference profile has them (its SNR still drawn
        // by the presets, since it gives snr_range alone); keys it lacks keep the coverage
        // defaults, of which only Farnsworth's rate differs from the reference profile.
        var expected = DatasetConfig.referenceDefaults
        expected.profile = .coverage
        expected.contestTypes = config.contestTypes
        expected.farnsworth = DatasetConfig.defaults.farnsworth
        #expect(config == expected)
    }

    @Test(
        "the fixture is the reference file verbatim",
        .enabled(if: FileManager.default.fileExists(atPath: referencePath)))
    func fixtureIsVerbatim() throws {
        #expect(try String(contentsOfFile: referencePath, encoding: .utf8) == contestCWYAML)
        #expect(try DatasetConfig.load(contentsOf: referencePath) == DatasetConfig.load(yaml: contestCWYAML))
    }

    @Test("docs/config.md shows the default config exactly")
    func docsShowDefaults() throws {
        let path = packageRoot.appendingPathComponent("docs/config.md").path
        let docs = try String(contentsOfFile: path, encoding: .utf8)
        let marker = "## The default config"
        let section = try #require(docs.range(of: marker)).upperBound
        let start = try #require(docs.range(of: "```yaml\n", range: section..<docs.endIndex)).upperBound
        let end = try #require(docs.range(of: "```", range: start..<docs.endIndex)).lowerBound
        #expect(String(docs[start..<end]) == DatasetConfig.defaults.yaml)
    }

    @Test("no keys give the defaults", arguments: ["", "\n", "# only a comment\n", "---\n", "audio:\n"])
    func emptyGivesDefaults(yaml: String) throws {
        #expect(try DatasetConfig.load(yaml: yaml) == DatasetConfig.defaults)
    }

    @Test("the defaults are the reference's with all ten contests and every condition")
    func defaults() throws {
        let defaults = DatasetConfig.defaults
        #expect(
            defaults.contestTypes.map(\.rawValue) == [
                "CQWW", "CQWPX", "ARRLDX", "SWEEPSTAKES", "FIELD_DAY", "NAQP", "SPRINT", "IARU", "WAE", "ALL_ASIAN",
            ])
        #expect(defaults.conditions.count == 5)
        #expect(defaults.seed == nil)
        #expect(defaults.durationBands.map(\.range) == [3...8, 8...15, 15...22, 22...28])
        #expect(defaults.durationBands.map(\.weight) == [25, 35, 30, 10])
        #expect(defaults.silenceRange == 0.5...1.5)
        #expect(defaults.output == .init(formats: [.folder], audioFormat: .pcm16, shardSize: 1000))
        #expect(try defaults.validated() == defaults)
    }

    @Test("a partial config changes only the keys it names")
    func partial() throws {
        let config = try DatasetConfig.load(yaml: "seed: 7\nnoise:\n  snr_range: [0, 10]\nwpm_range: [20, 20]\n")
        var expected = DatasetConfig.defaults
        expected.seed = 7
        expected.noise.snrRange = 0...10
        expected.noise.snrDistribution = .preset  // snr_range without snr_distribution: its old meaning
        expected.wpmRange = 20...20
        #expect(config == expected)
    }

    @Test("seeds use the whole UInt64 range")
    func largeSeed() throws {
        let config = try DatasetConfig.load(yaml: "seed: \(UInt64.max)\n")
        #expect(config.seed == UInt64.max)
        #expect(try DatasetConfig.load(yaml: config.yaml) == config)
        #expect(try DatasetConfig.load(yaml: "seed: null\n").seed == nil)
        let tooLarge = configError { () throws(ConfigError) in
            try DatasetConfig.load(yaml: "seed: 18446744073709551616\n")
        }
        #expect(tooLarge?.description.contains("seed: 18446744073709551616 is too large") == true)
    }

    @Test("a weights map sets names it leaves out to 0")
    func weightsMapCompletes() throws {
        let config = try DatasetConfig.load(yaml: "fists: {bug: 1}\ncomposition_weights:\n  countries: {JAPAN: 2}\n")
        #expect(config.fists == [.keyer: 0, .paddle: 0, .bug: 1, .straight: 0])
        #expect(config.compositionWeights.countries[.JAPAN] == 2)
        #expect(config.compositionWeights.countries[.USA] == 0)
        #expect(config.compositionWeights.sampleTypes == DatasetConfig.defaults.compositionWeights.sampleTypes)
    }

    @Test("a missing or unreadable file is an error naming the path")
    func missingFile() {
        let path = "/nonexistent-folder/morse.yaml"
        let error = configError { () throws(ConfigError) in try DatasetConfig.load(contentsOf: path) }
        #expect(error == .unreadableFile(path: path, reason: "no such file"))
        #expect(error?.description.contains(path) == true)
        let folder = configError { () throws(ConfigError) in try DatasetConfig.load(contentsOf: NSTemporaryDirectory())
        }
        #expect(folder?.description.contains("folder") == true)
    }

    @Test("plain_text_file is resolved against the config file's folder, and errors name the file")
    func relativePlainTextFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("config-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("texts"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "THE QUICK BROWN FOX\n".write(
            to: folder.appendingPathComponent("texts/plain.txt"), atomically: true, encoding: .utf8)
        let yaml =
            "content:\n  plain_text_file: texts/plain.txt\ncomposition_weights:\n  sample_types: {plain_text: 1}\n"
        let file = folder.appendingPathComponent("run.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)

        let config = try DatasetConfig.load(contentsOf: file.path)
        let resolved = try #require(config.content.plainTextFile)
        #expect(resolved.hasPrefix("/") && resolved.hasSuffix("texts/plain.txt"))
        #expect(FileManager.default.contents(atPath: resolved) != nil)
        #expect(try DatasetConfig.load(yaml: config.yaml) == config)

        try "wpm_range: [15, 99]\n".write(to: file, atomically: true, encoding: .utf8)
        let error = configError { () throws(ConfigError) in try DatasetConfig.load(contentsOf: file.path) }
        #expect(error?.description.hasPrefix(file.path + ":1: wpm_range: 99") == true)
    }

    @Test("validated() checks configs built in code")
    func validatedInCode() {
        var config = DatasetConfig.defaults
        config.audio.sampleRate = 8000
        config.audio.toneFrequencyRange = 600...4000
        let nyquist = configError { () throws(ConfigError) in try config.validated() }
        #expect(nyquist?.description.contains("audio.tone_freq_range: 4000 is above 3900 Hz") == true)

        config = .defaults
        config.advancedFeatures.fadingTypes = [.slow, .none]
        let unknown = configError { () throws(ConfigError) in try config.validated() }
        #expect(
            unknown?.description
                == "config: advanced_features.fading_types: unknown fading type 'none'. Known: slow, fast, selective, rayleigh, watterson_good, watterson_moderate, watterson_poor"
        )

        config = .defaults
        config.fists = [.keyer: 1e308]
        let huge = configError { () throws(ConfigError) in try config.validated() }
        #expect(
            huge?.description
                == "config: fists.keyer: 1.0e+308 is above the maximum 1000000; use values from 0 to 1000000")

        config = .defaults
        config.compositionWeights.sampleTypes[.plainText] = 1
        let plain = configError { () throws(ConfigError) in try config.validated() }
        #expect(plain?.description.contains("content.plain_text_file is not set") == true)

        config = .defaults
        config.contestTypes = []
        let empty = configError { () throws(ConfigError) in try config.validated() }
        #expect(empty?.description.contains("contest_types: the list is empty") == true)

        config = .defaults
        config.fists = [.bug: 3]
        #expect((try? config.validated())?.fists == [.keyer: 0, .paddle: 0, .bug: 3, .straight: 0])
    }
}

/// The package's root folder, found from this source file.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The reference file when `shared/` is beside the package (as in CI) or at its usual place.
private let referencePath =
    [
        packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference/contest_cw.yaml").path,
        "/work/shared/reference/contest_cw.yaml",
    ].first { FileManager.default.fileExists(atPath: $0) } ?? "/work/shared/reference/contest_cw.yaml"
