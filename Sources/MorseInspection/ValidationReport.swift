import MorseDatasetFormat

/// Findings gathered during validation: every one counted, the first few of each kind kept.
public struct FindingLog: Sendable {
    /// How many findings of each kind are kept.
    public let perKind: Int
    public private(set) var kept: [ValidationFinding] = []
    public private(set) var counts: [ValidationFinding.Kind: Int] = [:]

    public init(perKind: Int) {
        self.perKind = perKind
    }

    public mutating func add(_ finding: ValidationFinding) {
        counts[finding.kind, default: 0] += 1
        if (counts[finding.kind] ?? 0) <= perKind { kept.append(finding) }
    }

    /// Number of findings of all kinds.
    public var total: Int { counts.values.reduce(0, +) }
}

/// The outcome of ``DatasetValidator/run(progress:)``.
public struct ValidationReport: Sendable {
    /// Distinct clip ids in metadata.csv.
    public var clips: Int
    /// Audio files whose headers were read.
    public var audioChecked: Int
    /// The sample rate required, in Hz.
    public var sampleRate: Int
    /// The longest clip allowed, in seconds (nil = no limit known).
    public var maxDuration: Double?
    public var log: FindingLog
    /// The reference decoder's results, when asked for.
    public var decode: DecoderSurveyResult?
    /// Wall-clock time in seconds.
    public var elapsed: Double

    /// Whether nothing is wrong.
    public var isSound: Bool { log.total == 0 }

    /// Kinds found, in the order of ``ValidationFinding/Kind``.
    public var kinds: [ValidationFinding.Kind] { ValidationFinding.Kind.allCases.filter { (log.counts[$0] ?? 0) > 0 } }

    /// The report for a terminal: findings grouped by kind (at most `limit` lines each), then a summary.
    public func lines(limit: Int = 20) -> [String] {
        var out: [String] = []
        for kind in kinds {
            let count = log.counts[kind] ?? 0
            out.append("\(kind.rawValue): \(count) problem\(count == 1 ? "" : "s")")
            for finding in log.kept.filter({ $0.kind == kind }).prefix(limit) {
                out.append("  \(finding.location): \(finding.message)")
            }
            if count > limit { out.append("  … and \(count - limit) more") }
        }
        if let decode {
            out.append(contentsOf: DecoderReport(decode).lines())
        }
        let limitText = maxDuration.map { ", at most \(NumberFormat.decimal($0, places: 3)) s" } ?? ""
        let summary =
            "\(clips) clips, \(audioChecked) audio files checked (\(sampleRate) Hz mono\(limitText)) in \(NumberFormat.decimal(elapsed, places: 1)) s"
        if isSound {
            out.append("OK: \(summary); no problems found.")
        } else {
            out.append(
                "FAILED: \(summary); \(log.total) problem\(log.total == 1 ? "" : "s") of \(kinds.count) kind\(kinds.count == 1 ? "" : "s")."
            )
        }
        return out
    }
}

/// The decoder survey as text lines: CER overall and by SNR band, then failures.
public struct DecoderReport: Sendable {
    public let result: DecoderSurveyResult

    public init(_ result: DecoderSurveyResult) {
        self.result = result
    }

    public func lines() -> [String] {
        let overall = result.overall
        var out = [
            "Reference decoder: \(overall.clips) clips, CER \(percent(overall.cer)) (\(overall.errors) errors in \(overall.symbols) symbols)"
        ]
        if overall.clips > 0 {
            out.append("  SNR (500 Hz)   clips  symbols     CER")
            for (band, tally) in result.bySNRBand {
                out.append(
                    "  " + NumberFormat.pad(band, 13) + NumberFormat.pad(String(tally.clips), 7, left: true)
                        + NumberFormat.pad(String(tally.symbols), 9, left: true)
                        + NumberFormat.pad(percent(tally.cer), 8, left: true))
            }
        }
        for clip in result.failures.prefix(10) { out.append("  not decoded: id \(clip.id): \(clip.failure ?? "")") }
        return out
    }
}

/// `12.3 %`.
func percent(_ fraction: Double) -> String { NumberFormat.decimal(fraction * 100, places: 1) + " %" }
