import MorseDatasetFormat

/// Assigns clips to splits: exact global quotas, stratified within them, deterministic from the
/// seed (through each clip's stratum) and the clip ids.
///
/// 1. **Quotas.** Split k gets ⌊N·rₖ⌋ clips, and the clips left over go one each to the largest
///    remainders (ties to the earlier split): 200 clips at [0.8, 0.1, 0.1] give 160/20/20, 10 give
///    8/1/1. Then every split with a ratio above 0 that got none takes one clip from the largest
///    split, as long as that split keeps at least one (N = 3 gives 1/1/1, N = 2 gives 1/1/0).
/// 2. **Strata.** Stratum s with nₛ members gets a target per split within one clip of
///    nₛ·Qₖ/N, with the targets of every stratum adding up to nₛ and those of every split to its
///    quota Qₖ exactly (floors of nₛ·Qₖ/N, then the leftover clips placed by Ryser's greedy rule:
///    strata with most leftovers first, each to the splits still furthest below their quotas).
/// 3. **Members.** A stratum's members are taken in id order; each goes to the split furthest
///    behind its target share (ties to the earlier split), so every split's clips are spread over
///    the whole id range.
///
/// A clip's split therefore depends on N and on every clip's stratum, not only on the clips before
/// it: a larger dataset made with the same seed is not a superset split for split. It does not
/// depend on the number of workers or shards, because every shard assigns the whole dataset.
/// Feed the members in id order with ``next(stratum:)`` (memory: one counter per stratum and
/// split), or call ``assign(count:ratios:stratum:)``.
///
/// An endless sequence (a stream with no dataset size) has no quotas: ``init(ratios:)`` gives the
/// running rule instead, where each member goes to the split furthest behind `ratio × members so
/// far` (ties to the earlier split), so every stratum is within one clip of the ratios at every
/// prefix and a clip's split depends only on the clips before it.
public struct SplitAssigner: Sendable {
    /// The share of each split, as given.
    public let ratios: [Double]
    /// Clips per split over the whole dataset; nil for an endless sequence.
    public let quotas: [Int]?
    /// Clips per split for each stratum; every stratum's row adds up to its size.
    public let targets: [Int: [Int]]
    private var seen: [Int: [Int]] = [:]

    /// Exact quotas for a dataset of known size.
    ///
    /// - Parameters:
    ///   - ratios: the share of each split (need not add up to 1; negative counts as 0).
    ///   - strataSizes: the number of clips in each stratum; the dataset size is their sum.
    public init(ratios: [Double], strataSizes: [Int: Int]) {
        self.ratios = ratios
        let count = strataSizes.values.reduce(0, +)
        let quotas = Self.quotas(count: count, ratios: ratios)
        self.quotas = quotas
        targets = Self.targets(strataSizes: strataSizes, quotas: quotas)
    }

    /// The running rule for an endless sequence of clips (no quotas, no size).
    public init(ratios: [Double]) {
        self.ratios = ratios
        quotas = nil
        targets = [:]
    }

    /// The split of the next member (in id order) of `stratum`.
    ///
    /// With quotas, every stratum must be fed exactly its size given to
    /// ``init(ratios:strataSizes:)``; a member beyond it (a caller bug) goes to the first split
    /// with a quota.
    public mutating func next(stratum: Int) -> DatasetSplit {
        guard let quotas else { return nextRunning(stratum: stratum) }
        let target = targets[stratum] ?? []
        var counts = seen[stratum] ?? Array(repeating: 0, count: target.count)
        let size = target.reduce(0, +)
        let position = Double(counts.reduce(0, +) + 1)
        var best = -1
        var bestDeficit = -Double.infinity
        for (index, wanted) in target.enumerated() where counts[index] < wanted {
            let deficit = Double(wanted) * position / Double(size) - Double(counts[index])
            if deficit > bestDeficit + 1e-9 {
                best = index
                bestDeficit = deficit
            }
        }
        if best < 0 { return DatasetSplit(rawValue: quotas.firstIndex { $0 > 0 } ?? 0) ?? .train }
        counts[best] += 1
        seen[stratum] = counts
        return DatasetSplit(rawValue: best) ?? .train
    }

    /// The running rule: the split furthest behind its ratio of the members so far.
    private mutating func nextRunning(stratum: Int) -> DatasetSplit {
        var counts = seen[stratum] ?? Array(repeating: 0, count: ratios.count)
        let total = Double(counts.reduce(0, +) + 1)
        var best = 0
        var bestDeficit = -Double.infinity
        for (index, ratio) in ratios.enumerated() where ratio > 0 {
            let deficit = ratio * total - Double(counts[index])
            if deficit > bestDeficit + 1e-9 {
                best = index
                bestDeficit = deficit
            }
        }
        counts[best] += 1
        seen[stratum] = counts
        return DatasetSplit(rawValue: best) ?? .train
    }

    /// Splits for clip ids `0..<count`, given each clip's stratum (called twice per id: once to
    /// count the strata, once to assign, so no per-clip array but the result is kept).
    public static func assign(count: Int, ratios: [Double], stratum: (Int) -> Int) -> [DatasetSplit] {
        var sizes: [Int: Int] = [:]
        for id in 0..<count { sizes[stratum(id), default: 0] += 1 }
        var assigner = SplitAssigner(ratios: ratios, strataSizes: sizes)
        return (0..<count).map { assigner.next(stratum: stratum($0)) }
    }

    /// Clips per split for a dataset of `count` clips: largest remainder, then at least one clip
    /// for every split with a ratio above 0 while the largest split can spare one.
    public static func quotas(count: Int, ratios: [Double]) -> [Int] {
        let weights = ratios.map { $0.isFinite && $0 > 0 ? $0 : 0 }
        let sum = weights.reduce(0, +)
        guard count > 0, sum > 0 else { return Array(repeating: 0, count: ratios.count) }
        let exact = weights.map { Double(count) * $0 / sum }
        // The tolerance keeps 200 × 0.1 = 20.000000000000004 or 19.999999999999996 at 20.
        var quotas = exact.map { max(0, Int(($0 + 1e-9).rounded(.down))) }
        let order = exact.indices.sorted { a, b in
            let ra = exact[a] - Double(quotas[a]), rb = exact[b] - Double(quotas[b])
            return abs(ra - rb) > 1e-9 ? ra > rb : a < b
        }
        var left = count - quotas.reduce(0, +)
        for index in order where left > 0 && weights[index] > 0 {
            quotas[index] += 1
            left -= 1
        }
        // Larger ratios first, so with fewer clips than splits the validation split fills before test.
        let byRatio = weights.indices.sorted { weights[$0] != weights[$1] ? weights[$0] > weights[$1] : $0 < $1 }
        for index in byRatio where weights[index] > 0 && quotas[index] == 0 {
            guard
                let largest = quotas.indices.max(by: { quotas[$0] != quotas[$1] ? quotas[$0] < quotas[$1] : $0 > $1 }),
                quotas[largest] > 1
            else { break }
            quotas[largest] -= 1
            quotas[index] += 1
        }
        return quotas
    }

    /// Per-stratum targets whose rows add up to the strata sizes and columns to `quotas`, each
    /// within one clip of its proportional share.
    ///
    /// The floors leave each stratum fewer than one clip per split short, and each split short by
    /// the sum of its fractions; a 0/1 matrix with those margins exists (the fractions are one), so
    /// Ryser's greedy construction finds one.
    static func targets(strataSizes: [Int: Int], quotas: [Int]) -> [Int: [Int]] {
        let count = quotas.reduce(0, +)
        guard count > 0 else { return strataSizes.mapValues { _ in Array(repeating: 0, count: quotas.count) } }
        let strata = strataSizes.keys.sorted()
        var targets: [Int: [Int]] = [:]
        var fractions: [Int: [Double]] = [:]
        var splitShort = quotas
        var strataShort: [Int: Int] = [:]
        for stratum in strata {
            let size = strataSizes[stratum] ?? 0
            // Integer arithmetic (full width, no overflow): the floor of size·quota/count is exact.
            let shares = quotas.map { count.dividingFullWidth(size.multipliedFullWidth(by: $0)) }
            let floors = shares.map(\.quotient)
            targets[stratum] = floors
            fractions[stratum] = shares.map { Double($0.remainder) / Double(count) }
            strataShort[stratum] = size - floors.reduce(0, +)
            for index in quotas.indices { splitShort[index] -= floors[index] }
        }
        let byShortfall = strata.sorted {
            (strataShort[$0] ?? 0) != (strataShort[$1] ?? 0) ? (strataShort[$0] ?? 0) > (strataShort[$1] ?? 0) : $0 < $1
        }
        for stratum in byShortfall {
            let fraction = fractions[stratum] ?? []
            let columns = quotas.indices.filter { splitShort[$0] > 0 }.sorted { a, b in
                if splitShort[a] != splitShort[b] { return splitShort[a] > splitShort[b] }
                if abs(fraction[a] - fraction[b]) > 1e-12 { return fraction[a] > fraction[b] }
                return a < b
            }
            for index in columns.prefix(strataShort[stratum] ?? 0) {
                targets[stratum]?[index] += 1
                splitShort[index] -= 1
            }
        }
        return targets
    }
}
