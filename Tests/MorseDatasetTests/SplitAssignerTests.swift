import MorseCode
import MorseDatasetFormat
import Testing

@testable import MorseDataset

@Suite struct SplitAssignerTests {
    static let standard = [0.8, 0.1, 0.1]

    /// Largest remainder, then one clip for every split with a ratio above 0 while N allows it.
    @Test(
        arguments: [
            (0, standard, [0, 0, 0]), (1, standard, [1, 0, 0]), (2, standard, [1, 1, 0]), (3, standard, [1, 1, 1]),
            (7, standard, [5, 1, 1]), (10, standard, [8, 1, 1]), (20, standard, [16, 2, 2]),
            (200, standard, [160, 20, 20]),
            (201, standard, [161, 20, 20]), (1000, [0.7, 0.2, 0.1], [700, 200, 100]), (3, [0.7, 0.2, 0.1], [1, 1, 1]),
            (1, [1, 0, 0], [1, 0, 0]), (10, [1, 0, 0], [10, 0, 0]), (1, [0.9, 0, 0.1], [1, 0, 0]),
            (2, [0.9, 0, 0.1], [1, 0, 1]), (10, [0.9, 0, 0.1], [9, 0, 1]), (5, [0.5, 0.5, 0], [3, 2, 0]),
            (2, [0.5, 0.5, 0], [1, 1, 0]), (3, [1 / 3, 1 / 3, 1 / 3], [1, 1, 1]),
            (4, [1 / 3, 1 / 3, 1 / 3], [2, 1, 1]),
        ] as [(Int, [Double], [Int])])
    func quotas(count: Int, ratios: [Double], expected: [Int]) {
        #expect(SplitAssigner.quotas(count: count, ratios: ratios) == expected, "N = \(count), ratios \(ratios)")
    }

    /// For every N up to 400 and several ratios: the quotas add up to N, splits with ratio 0 stay
    /// empty, every other split has a clip once N reaches their number, and where no split needed
    /// topping up each quota is within one clip of N × ratio.
    @Test(arguments: [
        standard, [0.7, 0.2, 0.1], [0.5, 0.5, 0], [1, 0, 0], [0.9, 0, 0.1], [0.98, 0.01, 0.01], [0.6, 0.3, 0.1],
    ])
    func quotaProperties(ratios: [Double]) {
        let positive = ratios.filter { $0 > 0 }.count
        for count in 0...400 {
            let quotas = SplitAssigner.quotas(count: count, ratios: ratios)
            #expect(quotas.reduce(0, +) == count)
            for k in 0..<3 where ratios[k] == 0 { #expect(quotas[k] == 0) }
            if count >= positive {
                for k in 0..<3 where ratios[k] > 0 { #expect(quotas[k] >= 1, "N = \(count), \(ratios): \(quotas)") }
            }
            if ratios.allSatisfy({ $0 == 0 || Double(count) * $0 >= 1 }) {
                for k in 0..<3 {
                    #expect(
                        abs(Double(quotas[k]) - Double(count) * ratios[k]) < 1, "N = \(count), \(ratios): \(quotas)")
                }
            }
        }
    }

    /// The assigned splits hit the quotas exactly, and every stratum is divided within one clip of
    /// its share of each quota, for tiny and large N, even and skewed strata.
    @Test(arguments: [1, 2, 3, 10, 20, 200, 1000, 4999])
    func quotasExactAndStrataProportional(count: Int) {
        for (ratios, seed) in [
            (Self.standard, 1), ([0.7, 0.2, 0.1], 2), ([0.9, 0, 0.1], 3), ([1, 0, 0], 4), ([0.5, 0.5, 0], 5),
        ] as [([Double], UInt64)] {
            var rng = SeededGenerator(seed: seed)
            // Skewed strata: stratum 0 (like noise-only) is rare, stratum 5 common.
            let strata = (0..<count).map { _ in
                let draw = Double.random(in: 0..<1, using: &rng)
                return draw < 0.05 ? 0 : draw < 0.2 ? 1 : draw < 0.35 ? 2 : draw < 0.5 ? 3 : draw < 0.6 ? 4 : 5
            }
            let splits = SplitAssigner.assign(count: count, ratios: ratios) { strata[$0] }
            let quotas = SplitAssigner.quotas(count: count, ratios: ratios)
            #expect(
                DatasetSplit.allCases.map { split in splits.filter { $0 == split }.count } == quotas,
                "N = \(count), \(ratios)")
            for stratum in 0..<6 {
                let members = strata.indices.filter { strata[$0] == stratum }
                for split in DatasetSplit.allCases {
                    let got = members.filter { splits[$0] == split }.count
                    let share = Double(members.count) * Double(quotas[split.rawValue]) / Double(count)
                    #expect(
                        abs(Double(got) - share) <= 1 + 1e-9,
                        "N = \(count), \(ratios), stratum \(stratum), \(split): \(got) for \(share)")
                }
            }
        }
    }

    /// Within a stratum, a split's clips are spread over the ids, not bunched at the end: at every
    /// prefix each split holds its share of the members so far within two clips.
    @Test func splitsAreSpreadOverTheIds() {
        let splits = SplitAssigner.assign(count: 1000, ratios: Self.standard) { _ in 0 }
        var counts = [0, 0, 0]
        for (index, split) in splits.enumerated() {
            counts[split.rawValue] += 1
            let total = Double(index + 1)
            for k in 0..<3 {
                #expect(abs(Double(counts[k]) - Self.standard[k] * total) <= 2, "after \(index + 1): \(counts)")
            }
        }
    }

    /// The same strata give the same splits; the member-by-member API gives what `assign` gives.
    @Test func deterministicAndStreamable() {
        let stratum = { (id: Int) in (id * 7919) % 4 }
        let first = SplitAssigner.assign(count: 537, ratios: Self.standard, stratum: stratum)
        #expect(SplitAssigner.assign(count: 537, ratios: Self.standard, stratum: stratum) == first)
        var sizes: [Int: Int] = [:]
        for id in 0..<537 { sizes[stratum(id), default: 0] += 1 }
        var assigner = SplitAssigner(ratios: Self.standard, strataSizes: sizes)
        #expect((0..<537).map { assigner.next(stratum: stratum($0)) } == first)
        // The split now depends on N: this is the documented price of exact quotas.
        #expect(SplitAssigner.quotas(count: 537, ratios: Self.standard) == [429, 54, 54])
    }

    /// The case: 10 clips, seed 1, the default ratios give 8/1/1 (it gave 10/0/0), and
    /// 200 clips give 160/20/20 (it gave 160/21/19).
    @Test(arguments: [(10, [8, 1, 1]), (200, [160, 20, 20]), (3, [1, 1, 1])])
    func plannerSplitsOfTheDefaultConfig(count: Int, expected: [Int]) throws {
        let planner = try ClipPlanner(
            settings: RunSettings(config: .defaults, numSamples: count, seed: 1, maxDuration: 28, noiseRatio: 0.05))
        let splits = planner.splits()
        #expect(DatasetSplit.allCases.map { split in splits.filter { $0 == split }.count } == expected)
        #expect(planner.splits() == splits)
    }
}

/// The running rule for endless streams (no dataset size): the property the sized rule gives up.
@Suite struct EndlessSplitTests {
    /// Every stratum is divided in the ratios, within one clip, at every prefix.
    @Test(arguments: [[0.8, 0.1, 0.1], [0.7, 0.2, 0.1], [0.5, 0.5, 0], [1, 0, 0]])
    func everyStratumFollowsTheRatios(ratios: [Double]) {
        var rng = SeededGenerator(seed: 17)
        let strata = (0..<5000).map { _ in Int.random(in: 0..<4, using: &rng) }
        var assigner = SplitAssigner(ratios: ratios)
        let splits = strata.map { assigner.next(stratum: $0) }
        #expect(assigner.quotas == nil)
        for stratum in 0..<4 {
            var counts = [0, 0, 0]
            for (index, split) in splits.enumerated() where strata[index] == stratum {
                counts[split.rawValue] += 1
                let total = Double(counts.reduce(0, +))
                for k in 0..<3 { #expect(abs(Double(counts[k]) - ratios[k] * total) <= 1.0 + 1e-9) }
            }
        }
    }

    /// A clip's split depends only on the clips before it.
    @Test func prefixIndependent() {
        let stratum = { (id: Int) in (id * 7919) % 3 }
        var long = SplitAssigner(ratios: [0.8, 0.1, 0.1]), short = SplitAssigner(ratios: [0.8, 0.1, 0.1])
        let first = (0..<1000).map { long.next(stratum: stratum($0)) }
        let second = (0..<137).map { short.next(stratum: stratum($0)) }
        #expect(Array(first.prefix(137)) == second)
    }
}
