import MorseDatasetFormat

/// Running totals and distributions over a dataset's clips, gathered in one pass in id order.
public struct DatasetStatistics: Sendable {
    public private(set) var count = 0
    public private(set) var noiseOnly = 0
    public private(set) var totalDuration = 0.0
    public private(set) var minDuration = Double.infinity
    public private(set) var maxDuration = 0.0
    /// Counts per 5 s duration bin, from 0 s.
    public private(set) var durationBins: [Int] = []
    public private(set) var wpmBins: [Int: Int] = [:]
    public private(set) var snrBins: [Int: Int] = [:]
    public private(set) var conditions: [String: Int] = [:]
    public private(set) var contests: [String: Int] = [:]
    public private(set) var sampleTypes: [String: Int] = [:]
    public private(set) var fists: [String: Int] = [:]
    public private(set) var splits: [String: Int] = [:]

    public init() {}

    public var morse: Int { count - noiseOnly }
    public var averageDuration: Double { count == 0 ? 0 : totalDuration / Double(count) }

    public mutating func add(_ clip: ClipSummary) {
        count += 1
        if clip.isNoiseOnly { noiseOnly += 1 }
        totalDuration += clip.duration
        minDuration = min(minDuration, clip.duration)
        maxDuration = max(maxDuration, clip.duration)
        let bin = Int(clip.duration / 5)
        if durationBins.count <= bin { durationBins += Array(repeating: 0, count: bin + 1 - durationBins.count) }
        durationBins[bin] += 1
        conditions[clip.condition, default: 0] += 1
        splits[clip.split, default: 0] += 1
        guard !clip.isNoiseOnly else { return }
        wpmBins[Int(clip.wpm / 5) * 5, default: 0] += 1
        if let snr = clip.snr500 { snrBins[Int((snr / 5).rounded(.down)) * 5, default: 0] += 1 }
        contests[clip.contestType, default: 0] += 1
        sampleTypes[clip.sampleType, default: 0] += 1
        fists[clip.fist, default: 0] += 1
    }

    /// The console summary, one line per entry (no trailing newline).
    public func lines(histogramUpTo limit: Double) -> [String] {
        var out: [String] = []
        out.append("Total samples: \(count)")
        out.append("Morse samples: \(morse)")
        out.append("Noise-only samples: \(noiseOnly)")
        guard count > 0 else { return out }
        out.append(
            "Average duration: \(NumberFormat.fixed(averageDuration, places: 2))s (min \(NumberFormat.fixed(minDuration, places: 2))s, max \(NumberFormat.fixed(maxDuration, places: 2))s), total \(NumberFormat.fixed(totalDuration / 3600, places: 2)) h"
        )
        out.append("Duration distribution:")
        let bins = max(durationBins.count, Int((limit / 5).rounded(.up)))
        let widest = durationBins.max() ?? 1
        for bin in 0..<bins {
            let n = bin < durationBins.count ? durationBins[bin] : 0
            let bar = String(repeating: "█", count: widest == 0 ? 0 : Int((Double(n) / Double(widest) * 30).rounded()))
            out.append(
                "  \(NumberFormat.pad("\(bin * 5)-\(bin * 5 + 5)s", 9)) \(NumberFormat.pad(String(n), 7, left: true)) \(bar)"
            )
        }
        out.append(
            "Splits: " + DatasetSplit.allCases.map { "\($0.name) \(splits[$0.name] ?? 0)" }.joined(separator: ", "))
        out.append(
            "WPM: " + wpmBins.keys.sorted().map { "\($0)-\($0 + 5): \(wpmBins[$0] ?? 0)" }.joined(separator: ", "))
        out.append(
            "SNR (dB, 500 Hz): "
                + snrBins.keys.sorted().map { "\($0)..\($0 + 5): \(snrBins[$0] ?? 0)" }.joined(separator: ", "))
        out.append("Conditions: " + sortedCounts(conditions))
        out.append("Contests: " + sortedCounts(contests))
        out.append("Sample types: " + sortedCounts(sampleTypes))
        out.append("Fists: " + sortedCounts(fists))
        return out
    }

    private func sortedCounts(_ counts: [String: Int]) -> String {
        counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }
}
