/// One standard HF propagation condition of the Watterson model: paths, their delays and mean
/// powers, and the frequency (Doppler) spread every path fades with.
///
/// The named conditions are the test channels of Recommendation ITU-R F.1487 (Table 1: latitude ×
/// quiet/moderate/disturbed, two paths of equal mean power, the spread defined as 2σ of a Gaussian
/// Doppler spectrum) and CCIR Rec. 520-2's flutter channel; CHANNEL.md ("Watterson channel")
/// cites them.
public struct WattersonProfile: Hashable, Sendable, Codable {
    /// A short name, e.g. `mid-latitude disturbed`.
    public var name: String
    /// Delay of each path in seconds; the first is normally 0.
    public var pathDelays: [Double]
    /// Mean power of each path as a share of the total (the shares sum to 1).
    public var pathPowers: [Double]
    /// Frequency spread 2σ of each path's Gaussian Doppler spectrum, in Hz (0 = frozen gains).
    public var dopplerSpread: Double

    /// A profile with paths at `pathDelays` (seconds), relative mean powers `pathPowers` (any
    /// positive scale; equal when nil) normalised to a total of 1, and `dopplerSpread` (2σ, Hz).
    public init(name: String, pathDelays: [Double], dopplerSpread: Double, pathPowers: [Double]? = nil) {
        self.name = name
        self.pathDelays = pathDelays
        self.dopplerSpread = dopplerSpread
        let powers = pathPowers ?? Array(repeating: 1, count: pathDelays.count)
        let total = powers.reduce(0, +)
        self.pathPowers = total > 0 ? powers.map { $0 / total } : powers
    }

    /// Two equal-power paths `delay` seconds apart, each with spread `spread` Hz (F.1487's form).
    static func twoPath(_ name: String, delayMs: Double, spread: Double) -> WattersonProfile {
        WattersonProfile(name: name, pathDelays: [0, delayMs / 1000], dopplerSpread: spread)
    }

    public static let lowLatitudeQuiet = twoPath("low-latitude quiet", delayMs: 0.5, spread: 0.5)
    public static let lowLatitudeModerate = twoPath("low-latitude moderate", delayMs: 2, spread: 1.5)
    public static let lowLatitudeDisturbed = twoPath("low-latitude disturbed", delayMs: 6, spread: 10)
    public static let midLatitudeQuiet = twoPath("mid-latitude quiet", delayMs: 0.5, spread: 0.1)
    public static let midLatitudeModerate = twoPath("mid-latitude moderate", delayMs: 1, spread: 0.5)
    public static let midLatitudeDisturbed = twoPath("mid-latitude disturbed", delayMs: 2, spread: 1)
    public static let midLatitudeDisturbedNVIS = twoPath("mid-latitude disturbed NVIS", delayMs: 7, spread: 1)
    public static let highLatitudeQuiet = twoPath("high-latitude quiet", delayMs: 1, spread: 0.5)
    public static let highLatitudeModerate = twoPath("high-latitude moderate", delayMs: 3, spread: 10)
    public static let highLatitudeDisturbed = twoPath("high-latitude disturbed", delayMs: 7, spread: 30)
    /// CCIR 520-2 flutter fading: 0.5 ms, 10 Hz.
    public static let flutter = twoPath("flutter", delayMs: 0.5, spread: 10)

    /// ITU-R F.1487's conditions, then CCIR 520's flutter. (CCIR 520's good, moderate and poor
    /// channels are F.1487's mid-latitude quiet, moderate and disturbed ones.)
    public static let standard: [WattersonProfile] = [
        lowLatitudeQuiet, lowLatitudeModerate, lowLatitudeDisturbed,
        midLatitudeQuiet, midLatitudeModerate, midLatitudeDisturbed, midLatitudeDisturbedNVIS,
        highLatitudeQuiet, highLatitudeModerate, highLatitudeDisturbed, flutter,
    ]
}
