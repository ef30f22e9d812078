import ArgumentParser
import MorseCode

/// The documented range of every number the command line takes. Each command checks its options
/// against these in `validate()`, before anything is printed, read or allocated, so an infinite,
/// NaN or absurd value is refused with the option, the value and the range instead of crashing
/// or allocating gigabytes later. The help texts state the same ranges.
enum Bounds {
    static let numWorkers = 1...256
    static let numSamples = 1...100_000_000
    static let maxDuration = 2.0...600.0
    static let noiseRatio = 0.0...1.0
    /// A dataset's sample rate (the config's `audio.sample_rate` allows the same).
    static let datasetSampleRate = 8_000...48_000
    static let numShards = 1...100_000
    static let shardIndex = 0...99_999
    static let fraction = 0.0...1.0
    static let sloppiness = 0.0...1.0

    static let renderSampleRate = 8_000...192_000
    static let wpm = MorseTiming.speedRange
    static let dashRatio = MorseTiming.dashRatioRange
    static let weighting = MorseTiming.weightingRange
    /// Tone frequencies in Hz; a tone must also lie below half the sample rate, checked when rendering.
    static let tone = 100.0...5_000.0
    static let amplitude = 0.0...1.0
    static let riseTime = 1.0...10.0
    static let chirp = -1_000.0...1_000.0
    static let chirpTime = 0.1...100.0
    static let drift = -100.0...100.0
    static let silence = 0.0...60.0

    static let validationSampleRate = 1_000...192_000
    static let validationMaxDuration = 0.1...3_600.0
    static let minimumSNR = -50.0...100.0
    static let findingsPerKind = 0...1_000_000
    static let clipID = 0...(numSamples.upperBound - 1)
    /// The hidden per-clip pause for fault tests, in milliseconds.
    static let testClipDelay = 0...10_000

    /// Refuses a number outside `range` (NaN included), naming the option, the value and the range.
    static func check(_ value: Double?, _ option: String, in range: ClosedRange<Double>, unit: String = "") throws {
        guard let value else { return }
        guard !value.isNaN else {
            throw ValidationError("\(option) \(value) is not a number; use \(span(range, unit))")
        }
        guard range.contains(value) else {
            throw ValidationError("\(option) \(value) is out of range; use \(span(range, unit))")
        }
    }

    /// Refuses a whole number outside `range`, naming the option, the value and the range.
    static func check(_ value: Int?, _ option: String, in range: ClosedRange<Int>, unit: String = "") throws {
        guard let value, !range.contains(value) else { return }
        throw ValidationError("\(option) \(value) is out of range; use \(span(range, unit))")
    }

    static func span(_ range: ClosedRange<Double>, _ unit: String) -> String {
        "\(Console.formatted(range.lowerBound)) to \(Console.formatted(range.upperBound))"
            + (unit.isEmpty ? "" : " " + unit)
    }

    static func span(_ range: ClosedRange<Int>, _ unit: String) -> String {
        "\(range.lowerBound) to \(range.upperBound)" + (unit.isEmpty ? "" : " " + unit)
    }
}
