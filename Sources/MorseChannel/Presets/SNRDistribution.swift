/// How a clip's SNR is drawn (`noise.snr_distribution`).
///
/// The condition presets each draw from their own narrow band (5–33 dB in all); that never reaches
/// the weak signals real operators copy (about −10 dB in 500 Hz), so a config can instead draw the
/// SNR from its own `noise.snr_range`. See `CHANNEL.md` ("SNR coverage") for the sources.
public enum SNRDistribution: String, CaseIterable, Codable, Sendable {
    /// Each preset draws from its own band and the result is clamped into `noise.snr_range`
    /// (the reference's behaviour).
    case preset
    /// Uniform over `noise.snr_range`.
    case uniform
    /// Over `noise.snr_range` with density falling linearly from 3 at the bottom to 1 at the
    /// top: weak signals, where decoders fail, get most clips (62.5 % in the lower half).
    case hardWeighted = "hard_weighted"

    /// The SNR for the uniform number `u` in [0, 1): the preset's draw clamped into `range`, or a
    /// value of `range` by the inverse distribution function. One `u` per clip in every case, so
    /// the random stream after it is the same whichever distribution is chosen.
    func snr(u: Double, presetBand: ClosedRange<Double>, range: ClosedRange<Double>?) -> Double {
        guard let range, self != .preset else {
            let drawn = presetBand.lowerBound + (presetBand.upperBound - presetBand.lowerBound) * u
            return range.clamp(drawn)
        }
        let width = range.upperBound - range.lowerBound
        switch self {
        case .preset, .uniform:
            return range.lowerBound + width * u
        case .hardWeighted:
            // Density 3 − 2t on t ∈ [0, 1] (integral 2); CDF (3t − t²)/2 = u gives t below.
            let t = (3 - (9 - 8 * u).squareRoot()) / 2
            return range.lowerBound + width * min(max(t, 0), 1)
        }
    }
}
