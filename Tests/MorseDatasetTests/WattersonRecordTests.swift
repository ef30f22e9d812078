import Foundation
import MorseChannel
import MorseCode
import MorseDatasetFormat
import Testing

@testable import MorseDataset

/// The Watterson (ITU-R F.1487) fading kinds in datasets: chosen by `fading_types`, drawn per
/// clip, recorded with their paths, delays and spread, deterministic, and out of the reference.
@Suite(.serialized) struct WattersonRecordTests {
    static let watterson: [FadingKind] = [.wattersonGood, .wattersonModerate, .wattersonPoor]

    static func settings(_ fadingTypes: [FadingKind], conditions: [ConditionPreset], numSamples: Int = 16)
        -> RunSettings
    {
        var config = DatasetConfig.defaults
        config.conditions = conditions
        config.advancedFeatures.fadingTypes = fadingTypes
        return RunSettings(config: config, numSamples: numSamples, seed: 15, maxDuration: 6, noiseRatio: 0.125)
    }

    /// The record's `fading` names the kind, `fading_rate` its spread, and the channel JSON holds
    /// the condition's paths for the wanted station and every faded interferer.
    @Test("The record names the condition and its paths, delays and spread")
    func recordNamesTheCondition() throws {
        let settings = Self.settings([.wattersonPoor], conditions: [.contestPoor])
        let planner = try ClipPlanner(settings: settings)
        let maker = ClipMaker(planner: planner, layout: DatasetLayout(root: "/nonexistent", numSamples: 16))
        var faded = 0, fadedInterferers = 0
        for id in 0..<settings.numSamples {
            let made = try maker.make(id: id, split: .train)
            let record = try #require(try JSONSerialization.jsonObject(with: Data(made.record.utf8)) as? [String: Any])
            let text = try #require(record["channel"] as? String)
            let channel = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let fading = try #require(channel["fading"] as? [String: Any])
            if record["is_noise_only"] as? Bool == true {
                #expect(record["fading"] as? String == "none")
                continue
            }
            // contest_poor allows only watterson_poor here, so every wanted station fades so.
            #expect(record["fading"] as? String == "watterson_poor")
            #expect(record["fading_rate"] as? Double == 1 && record["fading_depth"] as? Double == 1)
            #expect(fading["kind"] as? String == "watterson_poor")
            #expect(fading["path_delays"] as? [Double] == [0, 0.002])
            #expect(fading["rate"] as? Double == 1 && fading["depth"] as? Double == 1)
            faded += 1
            for interferer in try #require(channel["interferers"] as? [[String: Any]]) {
                let own = try #require(interferer["fading"] as? [String: Any])
                #expect(own["kind"] as? String == "watterson_poor")
                #expect(own["path_delays"] as? [Double] == [0, 0.002])
                fadedInterferers += 1
            }
        }
        #expect(faded >= 12 && fadedInterferers > 0)
    }

    /// Each preset draws its own condition: good, moderate, poor, and moderate or poor for DX.
    @Test("Each preset draws its matching condition")
    func presetsDrawTheirConditions() throws {
        let expected: [ConditionPreset: Set<FadingKind>] = [
            .clean: [.none], .contestGood: [.wattersonGood], .contestModerate: [.wattersonModerate],
            .contestPoor: [.wattersonPoor], .dxExpedition: [.wattersonModerate, .wattersonPoor],
        ]
        for (condition, kinds) in expected {
            let settings = Self.settings(Self.watterson, conditions: [condition], numSamples: 24)
            let planner = try ClipPlanner(settings: settings)
            for id in 0..<settings.numSamples {
                let plan = try planner.plan(id)
                guard !plan.isNoiseOnly else { continue }
                #expect(kinds.contains(plan.channel.fading.kind), "\(condition): \(plan.channel.fading.kind)")
                #expect(plan.channel.fading == FadingParameters.watterson(plan.channel.fading.kind) ?? .none)
            }
        }
    }

    /// Same seed, same bytes, whatever the worker count.
    @Test("Watterson clips are the same bytes from one worker or three")
    func deterministicAcrossWorkers() throws {
        let settings = Self.settings(Self.watterson, conditions: [.contestModerate, .dxExpedition], numSamples: 12)
        let a = temporaryFolder(), b = temporaryFolder()
        try generate(settings, into: a, workers: 1)
        try generate(settings, into: b, workers: 3)
        let first = try snapshot(a), second = try snapshot(b)
        #expect(first.keys.sorted() == second.keys.sorted())
        for (name, bytes) in first { #expect(second[name] == bytes, "\(name) differs") }
        #expect(first.values.contains { String(decoding: $0, as: UTF8.self).contains("\"watterson_") })
    }

    /// The coverage defaults draw Watterson fading in about the presets' `rayleigh` share; the
    /// reference profile and `contest_cw.yaml` never do.
    @Test("Coverage includes the Watterson conditions; reference and contest_cw.yaml do not")
    func defaultMixture() throws {
        func kinds(_ config: DatasetConfig) throws -> [FadingKind] {
            let settings = RunSettings(config: config, numSamples: 300, seed: 2026, maxDuration: 8, noiseRatio: 0)
            let planner = try ClipPlanner(settings: settings)
            return try (0..<settings.numSamples).flatMap { id -> [FadingKind] in
                let plan = try planner.plan(id)
                return [plan.channel.fading.kind] + plan.channel.interferers.map(\.fading.kind)
            }
        }
        let coverage = try kinds(.defaults)
        let share = Double(coverage.filter { $0.wattersonProfile != nil }.count) / Double(coverage.count)
        print("Watterson share of stations under coverage: \(share) of \(coverage.count)")
        // Presets uniform: (0 + 0.10 + 0.25 + 0.20 + 0.30) / 5 = 17 % of wanted stations; more of
        // the interferers, as the presets that fade most have the most of them (20.4 % measured).
        #expect(share > 0.13 && share < 0.27, "Watterson share of stations under coverage: \(share)")
        for config in [DatasetConfig.referenceDefaults, try DatasetConfig.load(yaml: contestCWYAML)] {
            #expect(try kinds(config).allSatisfy { $0.wattersonProfile == nil && $0 != .rayleigh })
        }
    }
}
