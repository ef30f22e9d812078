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
