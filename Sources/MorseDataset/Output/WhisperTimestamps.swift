import MorseCode
import MorseDatasetFormat

/// The transcript in the timestamped form Whisper is trained on: segments of words, each written
/// `<|start|> words<|end|>` with times in seconds on Whisper's 0.02 s grid, e.g.
/// `<|0.48|> CQ TEST K1ABC<|3.12|><|4.20|> K1ABC 599 05<|6.02|>`.
///
/// Tokenised with Whisper's own tokenizer each `<|t|>` is one timestamp token, so the column can
/// follow `<|startoftranscript|><|en|><|transcribe|>` as a training target as it is. Times are
/// the delivered audio's (the clip's word labels), rounded to the nearest step (within 10 ms).
enum WhisperTimestamps {
    /// Whisper's timestamp step in seconds.
    static let step = 0.02
    /// The last timestamp Whisper has (its 30 s window).
    static let latest = 30.0
    /// A silence longer than this between two words ends a segment: a new transmission (an over,
    /// the other station's reply) starts a new one, as a pause starts a new caption for speech.
    static let transmissionGap = 0.5
    /// A segment is closed after its first word that ends this many seconds after it began, so
    /// long transmissions give several segments and timestamps stay frequent.
    static let longestSegment = 6.0

    /// The timestamped transcript of `words` (times in seconds from the clip's start), or "" for a
    /// clip with no words (noise only). Words after Whisper's 30 s window are left out.
    static func transcript(_ words: [KeyedTimeline.Span], duration: Double) -> String {
        var out = ""
        var segment: [String] = []
        var segmentStart = 0.0, segmentEnd = 0.0
        func close() {
            guard !segment.isEmpty else { return }
            out += stamp(segmentStart) + " " + segment.joined(separator: " ") + stamp(segmentEnd)
            segment = []
        }
        for word in words where word.start < latest {
            if !segment.isEmpty,
                word.start - segmentEnd > transmissionGap || segmentEnd - segmentStart >= longestSegment
            {
                close()
            }
            if segment.isEmpty { segmentStart = word.start }
            segment.append(word.text)
            segmentEnd = min(word.end, duration, latest)
        }
        close()
        return out
    }

    /// `<|1.24|>`: `seconds` on the 0.02 s grid, two decimals.
    static func stamp(_ seconds: Double) -> String {
        let steps = (min(max(seconds, 0), latest) / step).rounded()
        return "<|" + NumberFormat.fixed(steps * step, places: 2) + "|>"
    }
}
