import Foundation
import Testing

@testable import MorseDataset

@Suite("The config schema")
struct ConfigDocsTests {
    /// The key tables and the default config in docs/config.md are rendered from the schema.
    /// `MORSE_UPDATE_DOCS=1 swift test --filter ConfigDocsTests` rewrites the page.
    @Test("docs/config.md is what the schema renders")
    func docsAreCurrent() throws {
        let path = packageRoot.appendingPathComponent("docs/config.md").path
        let page = try String(contentsOfFile: path, encoding: .utf8)
        let rendered = ConfigDocs.render(page)
        if ProcessInfo.processInfo.environment["MORSE_UPDATE_DOCS"] == "1", rendered != page {
            try rendered.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        #expect(
            rendered == page,
            "docs/config.md is stale: run `MORSE_UPDATE_DOCS=1 swift test --filter ConfigDocsTests` and commit it")
        for key in ConfigSchema.keys {
            #expect(page.contains("| `\(key.path)` |"), "docs/config.md has no row for \(key.path)")
        }
    }

    /// A new key may come without a mutation (adding a key touches as few files as possible), but
    /// every mutation names a key of the schema, in the schema's order.
    @Test("the round-trip mutations name keys of the schema, in its order")
    func mutationsFollowTheSchema() {
        let paths = ConfigSchema.keys.map(\.path)
        let positions = ConfigMutation.all.map { paths.firstIndex(of: $0.name) }
        #expect(!positions.contains(nil))
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(ConfigMutation.all.count >= 46)
    }

    @Test("the effective YAML has one line per key, in the schema's order")
    func yamlFollowsTheSchema() {
        let written = ConfigChanges.values(DatasetConfig.defaults.yaml).entries.map(\.0)
        var expected: [String] = []
        for key in ConfigSchema.keys {
            switch key.write(.defaults) {
            case .inline: expected.append(key.path)
            case .block(let lines):
                for (index, line) in lines.enumerated() {
                    expected.append(
                        line.hasPrefix("- ") ? "\(key.path)[\(index)]" : key.path + "." + line.prefix { $0 != ":" })
                }
            }
        }
        #expect(written == expected)
    }

    @Test("name vocabularies come from the enums; FadingKind.none is not a config name")
    func vocabularies() {
        let fading = ConfigSchema.keys.first { $0.path == "advanced_features.fading_types" }
        #expect(
            fading?.allowed
                == "`slow` `fast` `selective` `rayleigh` `watterson_good` `watterson_moderate` `watterson_poor`")
        #expect(Prosign.spellings == ["AR", "AS", "BK", "BT", "CL", "CT", "DO", "HH", "KA", "KN", "SK", "SN", "SOS"])
        #expect(EvaluationMetric.spellings == ["wer", "cer", "callsign_accuracy", "exchange_accuracy"])
        #expect(
            ConfigSchema.topLevelNames == [
                "profile", "seed", "contest_types", "wpm_range", "conditions", "qso_probability", "split_ratios",
                "split_by",
                "audio", "noise", "timing", "composition_weights", "callsigns", "prosigns", "advanced_features",
                "evaluation",
                "fists", "farnsworth", "duration_bands", "silence_range", "keying", "content", "operators", "output",
            ])
    }
}

/// The example messages of docs/config.md ("Checking"), pinned whole; each example in the page
/// (up to its "…") must be the start of the message.
@Suite("Messages shown in docs/config.md")
struct ConfigDocsMessageTests {
    struct Example: Sendable, CustomTestStringConvertible {
        let yaml: String
        let message: String
        var testDescription: String { message }
    }

    static let padding = String(repeating: "# comment\n", count: 11)

    static let examples: [Example] = [
        .init(
            yaml: padding + "nosie:\n  snr_range: [8, 30]\n",
            message:
                "run.yaml:12: unknown key 'nosie'; did you mean 'noise'? Allowed keys here: profile, seed, contest_types, wpm_range, conditions, qso_probability, split_ratios, split_by, audio, noise, timing, composition_weights, callsigns, prosigns, advanced_features, evaluation, fists, farnsworth, duration_bands, silence_range, keying, content, operators, output"
        ),
        .init(
            yaml: padding + "noise:\n\n  snr_range: high\n",
            message: "run.yaml:14: noise.snr_range: expected a list of two numbers like [-10, 30], got 'high'"),
        .init(
            yaml: "seed: 1\n\nwpm_range: [40, 15]\n",
            message: "run.yaml:3: wpm_range: [40, 15] is inverted; write the lower bound first, e.g. [15, 40]"),
        .init(
            yaml: "seed: 1\n\nwpm_range: [15, 70]\n",
            message: "run.yaml:3: wpm_range: 70 is above the maximum 60 WPM; use values from 5 to 60 WPM"),
        .init(
            yaml: "seed: 1\n\n\n\nsplit_ratios: [0.8, 0.1, 0.2]\n",
            message: "run.yaml:5: split_ratios: [0.8, 0.1, 0.2] sum to 1.1; they must sum to 1"),
        .init(
            yaml: "seed: 1\n\n\nconditions: [clean, contest_great]\n",
            message:
                "run.yaml:4: conditions: unknown condition 'contest_great'; did you mean 'contest_good'? Known: clean, contest_good, contest_moderate, contest_poor, dx_expedition"
        ),
        .init(
            yaml: "seed: 1\nwpm: [1, 2}\n",
            message:
                "run.yaml:2:11: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 2, column 6)"
        ),
    ]

    @Test(arguments: examples)
    func example(_ example: Example) throws {
        let error = configError { () throws(ConfigError) in
            try DatasetConfig.load(yaml: example.yaml, source: "run.yaml")
        }
        #expect(error?.description == example.message)
        let page = try String(
            contentsOfFile: packageRoot.appendingPathComponent("docs/config.md").path, encoding: .utf8)
        let shown = page.split(separator: "\n").first { line in
            line.hasPrefix(example.message.prefix(14)) && example.message.hasPrefix(line.prefix { $0 != "…" })
        }
        #expect(shown != nil, "docs/config.md shows no example for \(example.message)")
    }
}

@Suite("Hostile configs")
struct ConfigHostileInputTests {
    /// About 330 bytes that expand to 10⁹ values if walked.
    static var aliasBomb: String {
        var yaml = "noise:\n  snr_range: [&a [1,1,1,1,1,1,1,1,1,1]"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            yaml += ", &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ",") + "]"
        }
        return yaml + "]\n"
    }

    @Test("an alias bomb is refused before anything walks it")
    func aliasBombIsRefused() {
        #expect(Self.aliasBomb.utf8.count < 400)
        let error = configError { () throws(ConfigError) in try DatasetConfig.load(yaml: Self.aliasBomb) }
        #expect(
            error?.description.hasPrefix("config:2: the YAML expands to more than 10000 values through its aliases")
                == true)
    }

    @Test("aliases within the budget still work")
    func smallAliasesWork() throws {
        let config = try DatasetConfig.load(yaml: "wpm_range: &speed [20, 30]\nnoise:\n  snr_range: *speed\n")
        #expect(config.noise.snrRange == 20...30)
    }

    @Test("echoed values are cut to about 80 characters, control characters escaped")
    func echoIsClipped() {
        let long = String(repeating: "x", count: 600)
        let error = configError { () throws(ConfigError) in
            try DatasetConfig.load(yaml: "noise:\n  snr_range: \(long)\n")
        }
        let expected =
            "config:2: noise.snr_range: expected a list of two numbers like [-10, 30], got '"
            + String(repeating: "x", count: 79) + "…'"
        #expect(error?.description == expected)

        let escape = configError { () throws(ConfigError) in
            try DatasetConfig.load(yaml: "conditions: [\"\\e[31mred\"]\n")
        }
        #expect(
            escape?.description.contains("unknown condition '\\u{1B}[31mred'") == true, "\(String(describing: escape))")
        #expect(escape?.description.unicodeScalars.contains("\u{1B}") == false)

        let key = configError { () throws(ConfigError) in try DatasetConfig.load(yaml: "\"\\e]0;title\\a\": 1\n") }
        #expect(
            key?.description.hasPrefix("config:1: unknown key '\\u{1B}]0;title\\u{7}'") == true,
            "\(String(describing: key))")
    }

    @Test("an 80-character value is shown whole; 81 are cut")
    func clipBoundary() {
        #expect(ConfigEcho.clipped(String(repeating: "y", count: 80)) == String(repeating: "y", count: 80))
        #expect(ConfigEcho.clipped(String(repeating: "y", count: 81)) == String(repeating: "y", count: 79) + "…")
        #expect(ConfigEcho.clipped("a\nb") == "a\\u{A}b")
    }

    @Test(
        "weights and numbers must be finite and bounded",
        arguments: [
            (
                "fists: {keyer: 1e308}\n",
                "config:1: fists.keyer: 1e308 is above the maximum 1000000; use values from 0 to 1000000"
            ),
            (
                "composition_weights:\n  countries: {USA: 2e6}\n",
                "config:2: composition_weights.countries.USA: 2e6 is above the maximum 1000000; use values from 0 to 1000000"
            ),
            (
                "duration_bands:\n  - {range: [3, 8], weight: 1e308}\n",
                "config:2: duration_bands[0].weight: 1e308 is above the maximum 1000000; use values from 0 to 1000000"
            ),
            (
                "noise:\n  snr_range: [0, .inf]\n",
                "config:2: noise.snr_range: .inf is not a finite number; use values from -20 to 60 dB"
            ),
            (
                "qso_probability: .nan\n",
                "config:1: qso_probability: .nan is not a finite number; use values from 0 to 1"
            ),
        ])
    func boundedNumbers(yaml: String, message: String) {
        let error = configError { () throws(ConfigError) in try DatasetConfig.load(yaml: yaml) }
        #expect(error?.description == message)
    }
}
