import MorseCode
import MorseSignal

/// Named band conditions: bundles of parameter ranges a clip's channel is drawn from.
///
/// See `CHANNEL.md` beside this file for the table of ranges.
public enum ConditionPreset: String, CaseIterable, Codable, Sendable {
    case clean
    case contestGood = "contest_good"
    case contestModerate = "contest_moderate"
    case contestPoor = "contest_poor"
    case dxExpedition = "dx_expedition"

    /// The ranges behind this preset.
    ///
    /// Each preset's Watterson condition (ITU-R F.1487 / CCIR 520 good, moderate, poor) has the
    /// weight of its `rayleigh` entry: the default `fading_types` leave `rayleigh` out, so there the
    /// Watterson conditions take its place and each preset keeps its share of random fading
    /// (CHANNEL.md, "Watterson channel").
    public var ranges: PresetRanges {
        switch self {
        case .clean:
            PresetRanges(
                snr: 27...33, filters: [(.cwNarrow, 1)], pinkProbability: 0,
                fadings: [(.none, 1)], fadingRate: 0.1...0.1, fadingDepth: 0...0, driftMax: 0,
                qrnRate: 0...0, qrnStrength: 0...0, interferers: 0...0, interfererAmplitude: 0.05...0.15,
                multipathProbability: 0, multipathPaths: 1)
        case .contestGood:
            PresetRanges(
                snr: 17...23, filters: [(.cwNarrow, 0.6), (.cwWide, 0.4)], pinkProbability: 0.2,
                fadings: [(.slow, 0.8), (.rayleigh, 0.1), (.fast, 0.1), (.wattersonGood, 0.1)], fadingRate: 0.05...0.15,
                fadingDepth: 0.1...0.3, driftMax: 10, qrnRate: 0...0.05, qrnStrength: 6...12,
                interferers: 1...1, interfererAmplitude: 0.05...0.15, multipathProbability: 0, multipathPaths: 1)
        case .contestModerate:
            PresetRanges(
                snr: 12...18, filters: [(.cwNarrow, 0.5), (.cwWide, 0.5)], pinkProbability: 0.3,
                fadings: [(.slow, 0.6), (.rayleigh, 0.25), (.fast, 0.15), (.wattersonModerate, 0.25)],
                fadingRate: 0.2...0.4,
                fadingDepth: 0.3...0.5, driftMax: 30, qrnRate: 0.1...0.3, qrnStrength: 10...20,
                interferers: 1...3, interfererAmplitude: 0.1...0.3, multipathProbability: 0.2, multipathPaths: 2)
        case .contestPoor:
            PresetRanges(
                snr: 7...13, filters: [(.cwWide, 0.8), (.ssb, 0.2)], pinkProbability: 0.4,
                fadings: [(.selective, 0.7), (.rayleigh, 0.2), (.fast, 0.1), (.wattersonPoor, 0.2)],
                fadingRate: 0.3...0.7,
                fadingDepth: 0.5...0.7, driftMax: 50, qrnRate: 0.3...0.7, qrnStrength: 15...25,
                interferers: 2...4, interfererAmplitude: 0.2...0.5, multipathProbability: 1, multipathPaths: 3)
        case .dxExpedition:
            PresetRanges(
                snr: 5...11, filters: [(.cwNarrow, 0.5), (.cwWide, 0.4), (.ssb, 0.1)], pinkProbability: 0.3,
                fadings: [
                    (.slow, 0.5), (.rayleigh, 0.3), (.fast, 0.1), (.selective, 0.1), (.wattersonModerate, 0.15),
                    (.wattersonPoor, 0.15),
                ], fadingRate: 0.1...0.3,
                fadingDepth: 0.6...0.8, driftMax: 100, qrnRate: 0...0.2, qrnStrength: 10...20,
                interferers: 4...6, interfererAmplitude: 0.3...0.7, multipathProbability: 0.3, multipathPaths: 2)
        }
    }

    /// Draws one clip's parameters from this preset's ranges, restricted by the config's limits.
    ///
    /// - Parameters:
    ///   - limits: the configuration's restrictions (``ChannelLimits/unrestricted`` for none).
    ///   - noiseOnly: true for a clip without the wanted station: interferers are then placed
    ///     outside the passband (by 150 Hz or more) with their filtered carrier at least 20 dB
    ///     below the noise in 500 Hz, or inside it at least 20 dB below that noise, so nothing
    ///     decodable is in the passband.
    ///   - clipDuration: the clip's length in seconds (drift and start times depend on it).
    public func draw(
        limits: ChannelLimits, noiseOnly: Bool, clipDuration: Double, using rng: inout some RandomNumberGenerator
    ) -> ChannelParameters {
        drawParameters(limits: limits, noiseOnly: noiseOnly, clipDuration: clipDuration, using: &rng)
    }

    /// ``draw(limits:noiseOnly:clipDuration:using:)`` with the generator clips use: concrete, so a
    /// planner in another module runs the drawing specialised here, not through generic draws.
    public func draw(
        limits: ChannelLimits, noiseOnly: Bool, clipDuration: Double, using rng: inout SeededGenerator
    ) -> ChannelParameters {
        drawParameters(limits: limits, noiseOnly: noiseOnly, clipDuration: clipDuration, using: &rng)
    }

    private func drawParameters(
        limits: ChannelLimits, noiseOnly: Bool, clipDuration: Double, using rng: inout some RandomNumberGenerator
    ) -> ChannelParameters {
        let ranges = self.ranges
        let duration = max(clipDuration, 0.5)
        let tone = rng.uniform(limits.toneRange)
        let snr = limits.snrDistribution.snr(u: rng.nextUnit(), presetBand: ranges.snr, range: limits.snrRange)
        let colour: NoiseColour = rng.nextUnit() < ranges.pinkProbability ? .pink : .white
        let filter = Self.choose(ranges.filters, allowed: limits.filterTypes, using: &rng) ?? .cwNarrow
        let fading = ranges.drawFading(limits: limits, using: &rng)
        let driftMax = limits.driftMax.clamp(ranges.driftMax)
        let drift = driftMax * rng.nextUnit() * (rng.nextUnit() < 0.5 ? -1 : 1)
        let qrnRate = limits.qrnRate.clamp(rng.uniform(ranges.qrnRate))
        let qrnStrength = rng.uniform(ranges.qrnStrength)
        var delays: [Double] = [], gains: [Double] = []
        if limits.multipath && ranges.multipathPaths > 1 && rng.nextUnit() < ranges.multipathProbability {
            for _ in 1..<ranges.multipathPaths {
                delays.append(min(rng.uniform(limits.multipathDelays), FadingParameters.maximumPathDelay))
                gains.append(rng.uniform(-10...(-3)))
            }
            let order = delays.indices.sorted { delays[$0] < delays[$1] }
            delays = order.map { delays[$0] }
            gains = order.map { gains[$0] }
        }
        let drawnCount =
            ranges.interferers.lowerBound
            + Int(rng.nextUnit() * Double(ranges.interferers.upperBound - ranges.interferers.lowerBound + 1))
        let count = max(0, limits.interfererCount.clamp(drawnCount))
        let receiver = ReceiverFilter(kind: filter, centre: tone, sampleRate: limits.sampleRate)
        var interferers: [InterfererParameters] = []
        for _ in 0..<count {
            interferers.append(
                ranges.drawInterferer(
                    limits: limits, tone: tone, snr: snr, receiver: receiver, driftMax: driftMax,
                    duration: duration, noiseOnly: noiseOnly, using: &rng))
        }
        return ChannelParameters(
            condition: self, snr: snr, noiseColour: colour, filter: filter, tone: tone,
            fading: noiseOnly ? .none : fading, driftRate: noiseOnly ? 0 : drift / duration,
            qrnRate: qrnRate, qrnStrength: qrnStrength, interferers: interferers,
            multipathDelays: noiseOnly ? [] : delays, multipathGains: noiseOnly ? [] : gains,
            agc: limits.agcEnabled ? AGCParameters(attack: limits.agcAttack, release: limits.agcRelease) : nil,
            limiterCeiling: 0.95)
    }

    /// A weighted choice among the options `allowed` permits; if none is allowed, the first
    /// allowed one in the configuration's order.
    static func choose<T: Equatable>(
        _ options: [(T, Double)], allowed: [T]?, always: T? = nil, using rng: inout some RandomNumberGenerator
    ) -> T? {
        let permitted = options.filter { option in allowed.map { $0.contains(option.0) } ?? true || option.0 == always }
        let u = rng.nextUnit()
        guard !permitted.isEmpty else { return allowed?.first }
        let total = permitted.reduce(0) { $0 + $1.1 }
        var target = u * total
        for option in permitted {
            target -= option.1
            if target < 0 { return option.0 }
        }
        return permitted.last?.0
    }
}
