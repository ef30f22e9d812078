import Foundation
import MorseCode

/// Classifies key-down intervals into dits and dahs and the gaps between them into element,
/// character and word gaps, by clustering their lengths; no speed needs to be known.
///
/// Marks fall into two clusters (in log length); the dit is the lower one's centre. Gaps shorter
/// than twice the dit are element gaps; the longer ones fall into character and word gaps by a
/// second two-cluster split, which also handles Farnsworth spacing, where both are stretched. One
/// cluster of long gaps (a one-word clip) is read as character gaps.
struct TimingClassifier {
    /// The decision lengths found for one clip, in seconds.
    struct Thresholds: Hashable {
        /// Estimated dit length.
        var dit: Double
        /// Marks longer than this are dahs.
        var ditDah: Double
        /// Gaps longer than this end a character.
        var elementCharacter: Double
        /// Gaps longer than this end a word.
        var characterWord: Double
    }

    /// Thresholds for `marks`, or nil when there are no marks.
    func thresholds(_ marks: [Interval]) -> Thresholds? {
        guard !marks.isEmpty else { return nil }
        // A click far shorter than a 60 WPM dit would pull the dit cluster down to itself.
        let plausible = marks.filter { $0.length >= Self.shortestMark }
        var lengths = (plausible.isEmpty ? marks : plausible).map { log(max($0.length, 1e-4)) }
        let gaps = zip(marks.dropFirst(), marks).map { $0.start - $1.end }
        var (low, high) = twoMeans(lengths, start: percentiles(lengths, 0.1, 0.9))
        // One or two marks far below the rest (a dah is about 3 dits, never 4) are noise, not dits.
        while high - low > log(4.0) {
            let split = (low + high) / 2
            let rest = lengths.filter { $0 > split }
            guard lengths.count - rest.count <= max(1, lengths.count / 20), rest.count >= 2 else { break }
            lengths = rest
            (low, high) = twoMeans(lengths, start: percentiles(lengths, 0.1, 0.9))
        }
        var dit: Double
        if high - low > log(1.7) {
            // The median dit, so that a stray short mark in the cluster does not drag it down.
            let split = (low + high) / 2
            let dits = lengths.filter { $0 <= split }.sorted()
            dit = exp(dits[dits.count / 2])
        } else {
            // One kind of mark: dits if about as long as the shortest gaps, dahs if about three times.
            let mark = exp((low + high) / 2)
            let shortGap = gaps.isEmpty ? mark : gaps.sorted()[gaps.count / 4]
            dit = mark < 2 * shortGap ? mark : mark / 3
            low = log(dit)
            high = log(3 * dit)
        }
        let ditDah = exp((low + high) / 2)
        let elementCharacter = 2 * dit
        let long = gaps.filter { $0 > elementCharacter }.map { log($0) }
        var characterWord = 5 * dit
        if !long.isEmpty {
            let (shorter, longer) = twoMeans(long, start: (log(3 * dit), log(7 * dit)))
            if longer - shorter > log(1.7) {
                characterWord = exp((shorter + longer) / 2)
            } else {
                characterWord = max(5 * dit, exp(max(shorter, longer)) * (7.0 / 3).squareRoot())
            }
        }
        return Thresholds(dit: dit, ditDah: ditDah, elementCharacter: elementCharacter, characterWord: characterWord)
    }

    /// Half a dit at 60 WPM, the fastest speed we generate: shorter marks are not keying.
    static let shortestMark = 0.01

    /// The `p`th and `q`th percentiles of `values` (not empty).
    func percentiles(_ values: [Double], _ p: Double, _ q: Double) -> (Double, Double) {
        let sorted = values.sorted()
        func at(_ f: Double) -> Double { sorted[min(sorted.count - 1, Int(f * Double(sorted.count - 1)))] }
        return (at(p), at(q))
    }

    /// Centres of a one-dimensional two-means split, started from the extremes (or `start`).
    func twoMeans(_ values: [Double], start: (Double, Double)? = nil) -> (Double, Double) {
        guard let minimum = values.min(), let maximum = values.max() else { return (0, 0) }
        var (low, high) = start ?? (minimum, maximum)
        for _ in 0..<20 {
            let split = (low + high) / 2
            let lower = values.filter { $0 <= split }, upper = values.filter { $0 > split }
            if lower.isEmpty || upper.isEmpty {
                let mean = values.reduce(0, +) / Double(values.count)
                return (mean, mean)
            }
            let newLow = lower.reduce(0, +) / Double(lower.count), newHigh = upper.reduce(0, +) / Double(upper.count)
            if newLow == low && newHigh == high { break }
            low = newLow
            high = newHigh
        }
        return (low, high)
    }

    /// The characters the marks spell, each with its start and end in seconds; `words` are
    /// separated by a span whose text is a single space.
    func read(_ marks: [Interval], thresholds: Thresholds) -> [KeyedTimeline.Span] {
        TimelineReader(
            ditDah: thresholds.ditDah, elementCharacter: thresholds.elementCharacter,
            characterWord: thresholds.characterWord
        ).spans(marks)
    }
}
