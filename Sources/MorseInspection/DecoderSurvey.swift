import Foundation
import MorseDatasetFormat
import MorseDecoder
import MorseSignal

/// Runs the reference decoder over a deterministic sample of a dataset's clips and reports its
/// character error rate by SNR band, fist and speed: the baseline a trained model must beat.
public struct DecoderSurvey: Sendable {
    /// Fraction of eligible clips to decode, 0...1; the choice depends only on each clip's id.
    public var fraction: Double
    /// Only clips with at least this SNR (dB in 500 Hz) are decoded; nil = every Morse clip.
    public var minimumSNR: Double?
    /// A decoded clip whose CER is above this is listed as disagreeing with its label.
    public var flagCER: Double

    public init(fraction: Double = 1, minimumSNR: Double? = nil, flagCER: Double = 0.5) {
        self.fraction = fraction
        self.minimumSNR = minimumSNR
        self.flagCER = flagCER
    }

    /// Whether the survey decodes this row.
    public func selects(_ row: MetadataRow) -> Bool {
        guard !row.isNoiseOnly, !row.text.isEmpty else { return false }
        if let minimumSNR, (row.snr500 ?? -.infinity) < minimumSNR { return false }
        return Self.unitHash(row.id) < fraction
    }

    /// A stable number in [0, 1) for a clip id (SplitMix64), so a fraction picks the same clips every run.
    static func unitHash(_ id: Int) -> Double {
        var z = UInt64(truncatingIfNeeded: id) &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }

    /// The decoder's result for one clip.
    public struct ClipResult: Sendable, Hashable {
        public var id: Int
        public var audioFile: String
        public var label: String
        public var heard: String
        public var errors: Int
        public var symbols: Int
        public var snr500: Double?
        public var fist: String
        public var wpm: Double
        /// Why the clip could not be decoded, if it could not.
        public var failure: String?
        public var cer: Double { Double(errors) / Double(max(1, symbols)) }
    }

    /// Decodes `rows` (already selected) from `files` on `workers` threads.
    public func run(_ rows: [MetadataRow], files: DatasetLayout, workers: Int) -> DecoderSurveyResult {
        let store = ClipAudioStore(root: files.root)
        let results = parallelMap(rows, workers: workers) { row in Self.decode(row, store: store) }
        return DecoderSurveyResult(clips: results, flagCER: flagCER)
    }

    static func decode(_ row: MetadataRow, store: ClipAudioStore) -> ClipResult {
        var result = ClipResult(
            id: row.id, audioFile: row.audioFile, label: row.text, heard: "", errors: 0, symbols: 0, snr500: row.snr500,
            fist: row.fist, wpm: row.wpm, failure: nil)
        let audio: WAVAudio
        let decoder: CWDecoder
        do {
            // A loose WAV, or its shard member in a WebDataset-only dataset.
            audio = try store.read(row.audioFile)
            var settings = DecoderSettings()
            // A tone from a hand-edited row may be anything; search near it only when it is a tone.
            if let tone = row.tone, tone.isFinite, tone > 0, tone < Double(audio.sampleRate) / 2 {
                settings.searchBand = max(50, tone - 50)...(tone + 50)
            }
            decoder = try CWDecoder(sampleRate: Double(audio.sampleRate), settings: settings)
        } catch {
            result.failure = "cannot decode \(store.describe(row.audioFile)): \(error)"
            return result
        }
        let decoded = decoder.decode(audio.samples)
        result.heard = decoded.text
        (result.errors, result.symbols) = CharacterErrorRate.errors(reference: row.text, hypothesis: decoded.text)
        return result
    }
}

/// Character error rates of a decoder survey, overall and by group.
public struct DecoderSurveyResult: Sendable {
    /// Every decoded clip, in the order given.
    public var clips: [DecoderSurvey.ClipResult]
    /// The CER above which a clip is flagged.
    public var flagCER: Double

    /// Errors and symbols in one group.
    public struct Tally: Sendable, Hashable {
        public var clips = 0
        public var errors = 0
        public var symbols = 0
        /// Errors over symbols (micro-average), 0 without symbols.
        public var cer: Double { symbols == 0 ? 0 : Double(errors) / Double(symbols) }
    }

    /// All decoded clips together.
    public var overall: Tally { tally { _ in "all" }["all"] ?? Tally() }

    /// Clips grouped by `key`.
    public func tally(by key: (DecoderSurvey.ClipResult) -> String) -> [String: Tally] {
        var groups: [String: Tally] = [:]
        for clip in clips where clip.failure == nil {
            groups[key(clip), default: Tally()].clips += 1
            groups[key(clip), default: Tally()].errors += clip.errors
            groups[key(clip), default: Tally()].symbols += clip.symbols
        }
        return groups
    }

    /// 5 dB SNR bands, lowest first, labelled `10–15 dB`.
    public var bySNRBand: [(band: String, tally: Tally)] {
        let groups = Dictionary(grouping: clips.filter { $0.failure == nil }) { clip in
            clip.snr500.map { Int(($0 / 5).rounded(.down)) * 5 } ?? Int.min
        }
        return groups.keys.sorted().map { low in
            var tally = Tally()
            for clip in groups[low] ?? [] {
                tally.clips += 1; tally.errors += clip.errors; tally.symbols += clip.symbols
            }
            return (low == Int.min ? "unknown" : "\(low)–\(low + 5) dB", tally)
        }
    }

    /// Clips whose label the decoder clearly disagrees with, worst first. One error is never
    /// enough: on a one-character label a single stray noise mark would be a CER of 1.
    public var flagged: [DecoderSurvey.ClipResult] {
        clips.filter { $0.failure == nil && $0.errors >= 2 && $0.cer > flagCER }.sorted { $0.cer > $1.cer }
    }

    /// Clips that could not be decoded.
    public var failures: [DecoderSurvey.ClipResult] { clips.filter { $0.failure != nil } }
}
