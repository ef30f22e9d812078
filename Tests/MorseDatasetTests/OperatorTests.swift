import Foundation
import MorseCode
import MorseDatasetFormat
import Testing

@testable import MorseDataset

/// Persistent operators recur across clips with their habits, and `split_by: operator` keeps each
/// operator in one split.
@Suite struct OperatorTests {
    static func settings(pool: Int, splitBy: SplitUnit, numSamples: Int, seed: UInt64 = 4) -> RunSettings {
        var config = DatasetConfig.defaults
        config.operators.poolSize = pool
        config.splitBy = splitBy
        return RunSettings(config: config, numSamples: numSamples, seed: seed, maxDuration: 8, noiseRatio: 0.1)
    }

    @Test("An operator's clips share its fist, speed habit and pitch preference")
    func habitsRecur() throws {
        let planner = try ClipPlanner(settings: Self.settings(pool: 5, splitBy: .clip, numSamples: 60))
        var byOperator: [Int: [ClipPlan]] = [:]
        for id in 0..<60 {
            let plan = try planner.plan(id)
            #expect(plan.operatorID == planner.operatorID(id))
            guard let op = plan.operatorID else { #expect(plan.isNoiseOnly); continue }
            #expect((0..<5).contains(op))
            byOperator[op, default: []].append(plan)
        }
        #expect(byOperator.count == 5 && byOperator.values.allSatisfy { $0.count >= 3 })
        for plans in byOperator.values {
            #expect(Set(plans.map(\.fist)).count == 1)
            let speeds = plans.map(\.timing.wpm), tones = plans.map(\.tone.frequency)
            #expect((speeds.max() ?? 0) / (speeds.min() ?? 1) <= 1.1 / 0.9 + 0.01)
            #expect((tones.max() ?? 0) - (tones.min() ?? 0) <= 50.2)
        }
        // Different operators differ (five fists drawn from four kinds × sloppiness all alike would be a bug).
        #expect(Set(byOperator.values.compactMap { $0.first?.fist }).count >= 3)
    }

    @Test("The record names the operator")
    func recorded() throws {
        let settings = Self.settings(pool: 7, splitBy: .clip, numSamples: 10)
        let planner = try ClipPlanner(settings: settings)
        let maker = ClipMaker(planner: planner, layout: DatasetLayout(root: "/nonexistent", numSamples: 10))
        for id in 0..<10 {
            let record = try #require(
                try JSONSerialization.jsonObject(with: Data(try maker.make(id: id, split: .train).record.utf8))
                    as? [String: Any])
            #expect(record["operator"] as? Int == planner.operatorID(id) ?? -1)
        }
    }

    @Test("split_by: operator puts no operator in two splits and keeps the ratios", arguments: [UInt64(1), 2])
    func noOperatorCrossesSplits(seed: UInt64) throws {
        let count = 1500
        let byOperator = try ClipPlanner(
            settings: Self.settings(pool: 120, splitBy: .operator, numSamples: count, seed: seed))
        let splits = byOperator.splits()
        var seen: [Int: Set<DatasetSplit>] = [:]
        for id in 0..<count { if let op = byOperator.operatorID(id) { seen[op, default: []].insert(splits[id]) } }
        #expect(seen.values.allSatisfy { $0.count == 1 })
        // The operators themselves are divided with exact quotas (120 → 96/12/12).
        let perSplit = DatasetSplit.allCases.map { split in
            (0..<120).filter { byOperator.operatorSplits[$0] == split }.count
        }
        #expect(perSplit == SplitAssigner.quotas(count: 120, ratios: [0.8, 0.1, 0.1]) && perSplit == [96, 12, 12])
        for (split, ratio) in zip(DatasetSplit.allCases, [0.8, 0.1, 0.1]) {
            let share = Double(splits.filter { $0 == split }.count) / Double(count)
            #expect(abs(share - ratio) <= 0.05, "\(split): \(share) against \(ratio)")
        }
        // Splitting by clip (the default) mixes operators, which is what the option exists to prevent.
        let byClip = try ClipPlanner(settings: Self.settings(pool: 120, splitBy: .clip, numSamples: count, seed: seed))
            .splits()
        var mixed: [Int: Set<DatasetSplit>] = [:]
        for id in 0..<count { if let op = byOperator.operatorID(id) { mixed[op, default: []].insert(byClip[id]) } }
        #expect(mixed.values.contains { $0.count > 1 })
    }

    @Test("split_by and operators.pool_size load from YAML and are checked")
    func config() throws {
        let loaded = try DatasetConfig.load(yaml: "split_by: operator\noperators:\n  pool_size: 300\n")
        #expect(loaded.splitBy == .operator && loaded.operators.poolSize == 300)
        #expect(DatasetConfig.defaults.operators.poolSize > 0 && DatasetConfig.defaults.splitBy == .clip)
        #expect(throws: ConfigError.self) { try DatasetConfig.load(yaml: "split_by: speaker\n") }
        do {
            _ = try DatasetConfig.load(yaml: "split_by: operator\noperators:\n  pool_size: 0\n")
            Issue.record("split_by: operator without operators must be refused")
        } catch {
            #expect(error.description.contains("operators.pool_size"))
        }
    }
}
