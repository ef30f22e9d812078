import MorseDatasetFormat

/// Assigns clips to splits, stratified so every stratum (noise-only clips, each condition) is
/// divided in the configured ratios, and deterministic from the seed.
///
/// Members of a stratum are taken in id order; each goes to the split furthest behind its share
/// (ties to the earlier split). So after k members every split holds its share within one clip,
/// and a clip's split depends only on clips with smaller ids: not on the dataset size, the number
/// of workers or which shard made it.
public struct SplitAssigner: Sendable {
    public let ratios: [Double]
    private var counts: [Int: [Int]] = [:]

    public init(ratios: [Double]) {
        self.ratios = ratios
    }

    /// The split of the next member of `stratum`.
    public mutating func next(stratum: Int) -> DatasetSplit {
        var seen = counts[stratum] ?? Array(repeating: 0, count: ratios.count)
        let total = Double(seen.reduce(0, +) + 1)
        var best = 0
        var bestDeficit = -Double.infinity
        for (index, ratio) in ratios.enumerated() where ratio > 0 {
            let deficit = ratio * total - Double(seen[index])
            if deficit > bestDeficit + 1e-9 {
                best = index
                bestDeficit = deficit
            }
        }
        seen[best] += 1
        counts[stratum] = seen
        return DatasetSplit(rawValue: best) ?? .train
    }

    /// Splits for clip ids `0..<count`, given each clip's stratum.
    public static func assign(count: Int, ratios: [Double], stratum: (Int) -> Int) -> [DatasetSplit] {
        var assigner = SplitAssigner(ratios: ratios)
        return (0..<count).map { assigner.next(stratum: stratum($0)) }
    }
}
