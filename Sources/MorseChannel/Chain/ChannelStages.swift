/// Every stage of one rendered clip, for tests and diagnostics (clip samples only, no pre-roll).
public struct ChannelStages: Sendable {
    /// The wanted station at the antenna (after its fading and echoes).
    public var wanted: [Float]
    /// All interfering stations at the antenna.
    public var interference: [Float]
    /// The band noise at the antenna.
    public var noise: [Float]
    /// The static crashes at the antenna.
    public var qrn: [Float]
    /// The sum of the above.
    public var antenna: [Float]
    /// After the receiver filter, before any gain.
    public var filtered: [Float]
    /// The clip as written.
    public var output: [Float]
    public var report: ChannelReport
}

extension ChannelStages {
    /// Where a copy of the whole mix is kept after `effect` runs, if anywhere.
    static func snapshot(after effect: ChannelEffect) -> WritableKeyPath<ChannelStages, [Float]>? {
        switch effect {
        case .bandNoise: \.noise
        case .interferers: \.antenna
        case .receiverFilter: \.filtered
        case .staticCrashes, .wantedStation, .gainControl, .limiter: nil
        }
    }

    /// Where an adding effect's own contribution is kept (rendered apart, then added), if anywhere.
    static func separate(_ effect: ChannelEffect) -> WritableKeyPath<ChannelStages, [Float]>? {
        switch effect {
        case .staticCrashes: \.qrn
        case .wantedStation: \.wanted
        case .interferers: \.interference
        case .bandNoise, .receiverFilter, .gainControl, .limiter: nil
        }
    }
}
