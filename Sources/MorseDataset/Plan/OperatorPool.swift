import MorseCode
import MorseDatasetFormat

/// One persistent operator: the habits that make clips keyed by the same person sound alike.
public struct Operator: Sendable, Hashable {
    /// Index in the pool, `0..<pool size`; what the record's `operator` holds.
    public var id: Int
    /// Key kind and sloppiness: the same in every clip of this operator.
    public var fist: Fist
    /// The speed this operator usually sends at (WPM); a clip varies it by ±10 %.
    public var preferredWPM: Double
    /// The pitch this operator is usually heard at (Hz); a clip varies it by ±25 Hz.
    public var preferredTone: Double
}

/// A finite pool of operators drawn from the dataset seed, so the same operators recur across
/// clips (and across shards and resumed runs): operator `k` is a pure function of (config, seed, k).
struct OperatorPool: Sendable {
    let size: Int
    let seed: UInt64

    /// Generator purposes of the pool, apart from the per-clip ones in ``ClipPlanner/Purpose``.
    private static let identityPurpose: UInt64 = 1001

    /// Operator `id`'s habits, drawn within the config's ranges and fist weights.
    func identity(_ id: Int, planner: ClipPlanner) -> Operator {
        var rng = SeededGenerator(seed: seed, stream: UInt64(id), purpose: Self.identityPurpose)
        let config = planner.settings.config
        let fist = Fist(
            kind: planner.fistKinds[weightedIndex(planner.fistWeights, using: &rng)],
            sloppiness: min(1, Double.random(in: config.timing.variationPercent, using: &rng) / 10))
        let wpm = Double.random(in: config.wpmRange, using: &rng)
        let tone = Double.random(in: config.audio.toneFrequencyRange, using: &rng)
        return Operator(id: id, fist: fist, preferredWPM: wpm, preferredTone: tone)
    }

    /// Which operator keys a clip, uniformly over the pool, from the clip's own generator.
    func operatorID(using rng: inout SeededGenerator) -> Int {
        Int.random(in: 0..<size, using: &rng)
    }

    /// The split of every operator: the pool divided in `ratios` as clips would be, so that the
    /// clips, which follow their operators, come out near the ratios too.
    func splits(ratios: [Double]) -> [DatasetSplit] {
        SplitAssigner.assign(count: size, ratios: ratios) { _ in 0 }
    }
}

extension Operator {
    /// This clip's speed: the preferred speed times 0.9–1.1, kept inside `range`, to 0.1 WPM.
    func wpm(in range: ClosedRange<Double>, using rng: inout SeededGenerator) -> Double {
        roundTo(
            min(max(preferredWPM * Double.random(in: 0.9...1.1, using: &rng), range.lowerBound), range.upperBound), 0.1)
    }

    /// This clip's pitch: the preferred pitch ±25 Hz, kept inside `range`, to 0.1 Hz.
    func tone(in range: ClosedRange<Double>, using rng: inout SeededGenerator) -> Double {
        roundTo(
            min(max(preferredTone + Double.random(in: -25...25, using: &rng), range.lowerBound), range.upperBound), 0.1)
    }
}
