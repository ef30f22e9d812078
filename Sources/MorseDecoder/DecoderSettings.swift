/// What the decoder may be told about a clip; everything it is not told, it finds.
public struct DecoderSettings: Sendable, Hashable {
    /// Tone frequency in Hz at the start of the clip; nil = the strongest peak in ``searchBand``.
    public var tone: Double?
    /// Tone drift in Hz per second; nil = estimated from the clip (only when ``tone`` is nil; a
    /// given tone without a drift means no drift).
    public var driftRate: Double?
    /// Where to look for the tone, in Hz.
    public var searchBand: ClosedRange<Double>

    public init(tone: Double? = nil, driftRate: Double? = nil, searchBand: ClosedRange<Double> = 300...1200) {
        self.tone = tone
        self.driftRate = driftRate
        self.searchBand = searchBand
    }
}

extension DecoderSettings {
    /// The sample rates the decoder works at, in Hz (those of ``WAVLimits``).
    public static let sampleRates: ClosedRange<Double> = 1_000...384_000
    /// The largest drift rate we follow, in Hz per second.
    public static let maximumDriftRate = 1_000.0

    /// Throws unless every setting is finite and makes sense at `sampleRate`.
    public func check(sampleRate: Double) throws(DecoderError) {
        guard sampleRate.isFinite, Self.sampleRates.contains(sampleRate) else { throw .sampleRate(sampleRate) }
        let nyquist = sampleRate / 2
        if let tone, !(tone.isFinite && tone > 0 && tone < nyquist) { throw .tone(tone, nyquist: nyquist) }
        if let driftRate, !(driftRate.isFinite && abs(driftRate) <= Self.maximumDriftRate) {
            throw .driftRate(driftRate)
        }
        guard searchBand.lowerBound.isFinite, searchBand.upperBound.isFinite, searchBand.lowerBound >= 0 else {
            throw .searchBand(searchBand)
        }
    }
}

/// Why the decoder refuses a setting.
public enum DecoderError: Error, Equatable, CustomStringConvertible {
    case sampleRate(Double)
    case tone(Double, nyquist: Double)
    case driftRate(Double)
    case searchBand(ClosedRange<Double>)

    public var description: String {
        let rates = DecoderSettings.sampleRates
        return switch self {
        case let .sampleRate(rate):
            "sample rate \(rate) Hz is outside what the decoder reads; use \(Int(rates.lowerBound)) to \(Int(rates.upperBound)) Hz"
        case let .tone(tone, nyquist):
            "tone \(tone) Hz is not a frequency in this audio; give a tone above 0 and below \(nyquist) Hz (half the sample rate)"
        case let .driftRate(rate):
            "drift rate \(rate) Hz/s is not usable; give a finite drift of at most \(DecoderSettings.maximumDriftRate) Hz/s either way"
        case let .searchBand(band):
            "tone search band \(band.lowerBound)...\(band.upperBound) Hz is not usable; give finite frequencies of 0 Hz or more"
        }
    }
}
