import Foundation
import MorseChannel
import MorseCode
import MorseContent
import MorseDatasetFormat
import Testing

@testable import MorseDataset

/// Every station in a clip is labelled exactly: each QRM station's and pileup caller's rendered
/// timeline, read back into text by ``TimelineReader``, gives the recorded text and character times.
@Suite struct StationLabelTests {
    /// Pileups on, one condition, the given fading kinds (nil: the defaults), the default everything else.
    static func settings(
        _ condition: ConditionPreset, seed: UInt64, numSamples: Int = 12, fadingTypes: [FadingKind]? = nil
    ) -> RunSettings {
        var config = DatasetConfig.defaults
        config.conditions = [condition]
        config.compositionWeights.sampleTypes[.pileup] = 40
        if let fadingTypes { config.advancedFeatures.fadingTypes = fadingTypes }
        return RunSettings(config: config, numSamples: numSamples, seed: seed, maxDuration: 10, noiseRatio: 0.15)
    }

    static func records(_ settings: RunSettings) throws -> [(ClipPlan, [String: Any])] {
        let planner = try ClipPlanner(settings: settings)
        let maker = ClipMaker(
            planner: planner, layout: DatasetLayout(root: "/nonexistent", numSamples: settings.numSamples))
        return try (0..<settings.numSamples).map { id in
            let made = try maker.make(id: id, split: .train)
            let record = try #require(try JSONSerialization.jsonObject(with: Data(made.record.utf8)) as? [String: Any])
            return (try planner.plan(id), record)
        }
    }

    @Test(
        "Each station's timeline reads back into its recorded text and character times",
        arguments: ConditionPreset.allCases, [UInt64(1), 7, 23])
    func timelinesReadBack(condition: ConditionPreset, seed: UInt64) throws {
        try Self.checkReadBack(Self.settings(condition, seed: seed), condition: condition)
    }

    /// The same with every faded station under a Watterson condition (ITU-R F.1487): propagation
    /// changes the audio, never the labels.
    @Test(
        "With Watterson fading each station's timeline still reads back into its labels",
        arguments: ConditionPreset.allCases)
    func wattersonTimelinesReadBack(condition: ConditionPreset) throws {
        let watterson: [FadingKind] = [.wattersonGood, .wattersonModerate, .wattersonPoor]
        let settings = Self.settings(condition, seed: 5, fadingTypes: watterson)
        try Self.checkReadBack(settings, condition: condition)
        if condition != .clean {
            let planner = try ClipPlanner(settings: settings)
            let plans = try (0..<settings.numSamples).map { try planner.plan($0) }
            #expect(plans.contains { $0.channel.fading.kind.wattersonProfile != nil })
        }
    }

    static func checkReadBack(_ settings: RunSettings, condition: ConditionPreset) throws {
        var checkedQRM = 0
        for (plan, record) in try Self.records(settings) {
            let stations = try #require(record["stations"] as? [[String: Any]])
            #expect(stations.count == plan.stations.count)
            #expect((stations.first?["role"] as? String == "wanted") == !plan.isNoiseOnly)
            #expect(stations.filter { $0["role"] as? String == "wanted" }.count == (plan.isNoiseOnly ? 0 : 1))
            for (station, recorded) in zip(plan.stations, stations) {
                // Read the marks that were rendered, knowing only the station's speed.
                let spans = TimelineReader(timing: station.timing).spans(station.signal.timeline.marks)
                let text = spans.map(\.text).joined()
                #expect(recorded["text"] as? String == text, "\(recorded["text"] ?? "") vs \(text)")
                let keyed = spans.filter { $0.text != " " }
                let heard = keyed.filter { $0.start >= 0 && $0.end <= plan.duration }
                let characters = try #require(recorded["characters"] as? [[String: Any]])
                #expect(characters.map { $0["text"] as? String ?? "?" } == heard.map(\.text))
                for (span, label) in zip(heard, characters) {
                    #expect(abs((label["start"] as? Double ?? .nan) - span.start) <= 6e-6)
                    #expect(abs((label["end"] as? Double ?? .nan) - span.end) <= 6e-6)
                }
                #expect(recorded["partial"] as? Bool == (heard.count < keyed.count))
                // Words: whole words inside the clip, each spanning its characters.
                let words = try #require(recorded["words"] as? [[String: Any]])
                #expect(
                    words.allSatisfy {
                        ($0["start"] as? Double ?? -1) >= 0
                            && ($0["end"] as? Double ?? .infinity) <= plan.duration + 1e-5
                    })
                #expect(
                    words.map { $0["text"] as? String ?? "" }.joined()
                        == words.map { w in
                            characters.filter {
                                ($0["start"] as? Double ?? 0) >= (w["start"] as? Double ?? 0) - 1e-9
                                    && ($0["end"] as? Double ?? 0) <= (w["end"] as? Double ?? 0) + 1e-9
                            }
                            .map { $0["text"] as? String ?? "" }.joined()
                        }.joined())
                #expect(abs((recorded["tone"] as? Double ?? 0) - station.signal.tone.frequency) <= 0.006)
                #expect(abs((recorded["level_db"] as? Double ?? 99) - station.signal.level) <= 0.006)
                #expect(abs((recorded["wpm"] as? Double ?? 0) - station.timing.wpm) <= 0.006)
                #expect(recorded["fist"] as? String == station.fist.kind.rawValue)
                if station.role != .wanted { checkedQRM += 1 }
            }
            if !plan.isNoiseOnly {
                // The wanted station's entry repeats the clip's own labels.
                let wanted = try #require(stations.first)
                #expect(wanted["text"] as? String == plan.timeline.text)
                #expect((wanted["characters"] as? [Any])?.count == (record["characters"] as? [Any])?.count)
            }
        }
        if condition != .clean { #expect(checkedQRM > 0) }
    }

    @Test("Characters cut by the clip's edges are left out and flagged", arguments: [UInt64(3), 11])
    func edgesAreFlagged(seed: UInt64) throws {
        var partial = 0
        for (plan, record) in try Self.records(Self.settings(.dxExpedition, seed: seed, numSamples: 20)) {
            for (station, recorded) in zip(plan.stations, try #require(record["stations"] as? [[String: Any]])) {
                let all = station.signal.timeline.characters
                let inside = all.filter { $0.start >= 0 && $0.end <= plan.duration }
                #expect((recorded["characters"] as? [Any])?.count == inside.count)
                if inside.count < all.count {
                    partial += 1
                    #expect(recorded["partial"] as? Bool == true)
                }
            }
        }
        #expect(partial > 0, "interferers start before the clip or run past it, so some must be cut")
    }

    @Test("Pileups: 2–6 callers with their own calls answer the CQ, staggered and near its pitch")
    func pileups() throws {
        var config = DatasetConfig.defaults
        config.compositionWeights.sampleTypes = Dictionary(
            uniqueKeysWithValues: SampleType.allCases.map { ($0, $0 == .pileup ? 1.0 : 0) })
        config.conditions = [.clean]
        let settings = RunSettings(config: config, numSamples: 30, seed: 9, maxDuration: 30, noiseRatio: 0)
        var pileups = 0
        for (plan, record) in try Self.records(settings) where record["sample_type"] as? String == "pileup" {
            pileups += 1
            let callers = plan.stations.filter { $0.role == .caller }
            #expect((2...6).contains(callers.count))
            #expect(Set(callers.map(\.callsign)).count == callers.count)
            let starts = callers.compactMap { $0.signal.timeline.marks.first?.start }
            #expect(starts == starts.sorted() && (starts.first ?? 0) > plan.timeline.duration)
            #expect(callers.allSatisfy { abs($0.signal.tone.frequency - plan.tone.frequency) <= 300 + 1e-9 })
            #expect(callers.allSatisfy { $0.text.hasPrefix($0.callsign) && !plan.text.contains($0.callsign) })
            let recorded = try #require(record["stations"] as? [[String: Any]]).filter {
                $0["role"] as? String == "caller"
            }
            #expect(recorded.map { $0["callsign"] as? String ?? "" } == callers.map(\.callsign))
        }
        #expect(pileups >= 20)
    }
}
