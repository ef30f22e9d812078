/// The Watterson conditions as fading kinds a station can be drawn with.
///
/// A station under a Watterson kind is rendered by ``StationsStage`` like the other random
/// fadings: each of the condition's paths is the keyed tone delayed by the path's delay under its
/// own complex Gaussian gain with a Gaussian Doppler spectrum of 2σ = the condition's spread
/// (``GaussianFadingProcess``, the same design as ``WattersonChannel``'s taps), equal mean powers
/// summing to 1. The quadrature is the tone read a quarter period late: exact at the tone's own
/// frequency, and close for a keyed tone, which is narrow-band (``WattersonChannel``'s wideband
/// Hilbert filter would cost about 100 taps per sample).
extension FadingKind {
    /// The ITU-R F.1487 / CCIR 520 condition this kind renders, or nil for the other kinds.
    public var wattersonProfile: WattersonProfile? {
        switch self {
        case .none, .slow, .rayleigh, .fast, .selective: nil
        case .wattersonGood: .midLatitudeQuiet
        case .wattersonModerate: .midLatitudeModerate
        case .wattersonPoor: .midLatitudeDisturbed
        }
    }
}

extension FadingParameters {
    /// A station's fading under a Watterson condition: `rate` is the condition's Doppler spread
    /// (2σ, Hz), `pathDelays` its paths (seconds), `depth` 1 (every path wholly diffuse). Nil for
    /// a kind that is not a Watterson condition.
    public static func watterson(_ kind: FadingKind) -> FadingParameters? {
        guard let profile = kind.wattersonProfile else { return nil }
        return FadingParameters(kind: kind, rate: profile.dopplerSpread, depth: 1, pathDelays: profile.pathDelays)
    }
}
