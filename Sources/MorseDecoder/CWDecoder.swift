import Foundation
import MorseCode

/// A classical CW decoder: the reference that says what a clip's audio keys, without a model.
///
/// Stages: find the tone (``ToneSearch``); demodulate at it with a narrow quadrature filter; split
/// the envelope into key-down intervals with an adaptive threshold; cluster mark and gap lengths
/// into dits, dahs and the three gaps; map each pattern to its canonical symbol. The filter is run
/// twice: once wide (5 ms) to measure the dit, then with boxcars of a quarter dit (2–20 ms), which
/// narrows the noise bandwidth at slow speeds without merging the shortest gaps.
public struct CWDecoder: Sendable {
    /// Samples per second of the clips to decode.
    public let sampleRate: Double
    /// What is known about the clips.
    public var settings: DecoderSettings

    /// A decoder for 16 kHz clips that finds the tone itself.
    public init() {
        sampleRate = 16_000
        settings = DecoderSettings()
    }

    /// A decoder for clips at `sampleRate` Hz; refuses a rate or setting it cannot work with
    /// (not finite, a tone above the Nyquist frequency), rather than decoding nonsense.
    public init(sampleRate: Double, settings: DecoderSettings = DecoderSettings()) throws(DecoderError) {
        try settings.check(sampleRate: sampleRate)
        self.sampleRate = sampleRate
        self.settings = settings
    }

    /// Decodes one mono clip.
    ///
    /// NaN or infinite samples count as silence, and a clip louder than ``loudest`` is scaled down
    /// first, so that no power or level overflows to infinity whatever the input holds.
    public func decode(_ samples: [Float]) -> DecodedTranscript {
        decodeFinite(Self.tamed(samples))
    }

    /// The loudest sample decoded unscaled: 10⁶ × full scale, far above real audio and far below
    /// where squares and sums in Float overflow.
    static let loudest: Float = 1e6

    /// `samples` unchanged when every one is finite and within ±``loudest``, else a copy with
    /// non-finite samples set to 0 and the rest scaled to peak 1.
    static func tamed(_ samples: [Float]) -> [Float] {
        var peak: Float = 0
        var allFinite = true
        for value in samples {
            if value.isFinite { peak = max(peak, abs(value)) } else { allFinite = false }
        }
        guard !allFinite || peak > loudest else { return samples }
        let scale: Float = peak > loudest ? 1 / peak : 1
        return samples.map { $0.isFinite ? $0 * scale : 0 }
    }

    func decodeFinite(_ samples: [Float]) -> DecodedTranscript {
        var tone = settings.tone ?? 700
        var drift = settings.driftRate ?? 0
        if settings.tone == nil,
            let estimate = ToneSearch(sampleRate: sampleRate).estimate(samples, band: settings.searchBand)
        {
            tone = estimate.frequency
            drift = settings.driftRate ?? estimate.driftRate
        }
        let demodulator = Demodulator(sampleRate: sampleRate)
        let detector = KeyingDetector(envelopeRate: demodulator.envelopeRate)
        let classifier = TimingClassifier()

        var window = Self.firstWindow
        var marks: [Interval] = []
        var levels = KeyingDetector.Levels(noise: 0, mark: 0)
        var thresholds: TimingClassifier.Thresholds?
        let baseband = demodulator.baseband(samples, tone: tone, driftRate: drift)
        for pass in 0..<3 {
            let envelope = demodulator.envelope(baseband, window: window)
            levels = detector.levels(envelope)
            marks = clean(
                detector.marks(envelope, levels: levels),
                minimum: max(TimingClassifier.shortestMark, 0.3 * (pass == 0 ? 0 : thresholds?.dit ?? 0)))
            thresholds = classifier.thresholds(marks)
            guard let dit = thresholds?.dit else { break }
            let next = min(0.02, max(0.002, max(dit, Self.shortestDit) / 4))
            if abs(next - window) < 0.001 { break }
            window = next
        }
        guard let thresholds else {
            return DecodedTranscript(
                text: "", characters: [], marks: [], tone: tone, driftRate: drift, wpm: 0, contrast: levels.contrast)
        }
        let spans = classifier.read(marks, thresholds: thresholds)
        return DecodedTranscript(
            text: spans.map(\.text).joined(),
            characters: spans.filter { $0.text != " " },
            marks: marks.map { KeyedTimeline.Interval(start: $0.start, end: $0.end) },
            tone: tone, driftRate: drift, wpm: 1.2 / thresholds.dit, contrast: levels.contrast)
    }

    /// Boxcar length of the first pass: narrow enough for 60 WPM, wide enough that noise alone
    /// rarely crosses the threshold at the SNRs a human could copy.
    static let firstWindow = 0.008
    /// The dit at 60 WPM, the fastest speed we generate: shorter estimates come from noise.
    static let shortestDit = 0.02

    /// Drops marks shorter than `minimum` seconds (clicks, noise) and then closes gaps shorter than
    /// `minimum` (a mark broken by a fade or a noise dip).
    func clean(_ marks: [Interval], minimum: Double) -> [Interval] {
        var merged: [Interval] = []
        for mark in marks {
            if let last = merged.last, mark.start - last.end < minimum {
                merged[merged.count - 1].end = mark.end
            } else {
                merged.append(mark)
            }
        }
        return merged.filter { $0.length >= minimum }
    }
}
