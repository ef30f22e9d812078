import MorseSignal
import MorseCode

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
                fadings: [(.slow, 0.8), (.rayleigh, 0.1), (.fast, 0.1)], fadingRate: 0.05...0.15,
                fadingDepth: 0.1...0.3, driftMax: 10, qrnRate: 0...0.05, qrnStrength: 6...12,
                interferers: 1...1, interfererAmplitude: 0.05...0.15, multipathProbability: 0, multipathPaths: 1)
        case .contestModerate:
            PresetRanges(
                snr: 12...18, filters: [(.cwNarrow, 0.5), (.cwWide, 0.5)], pinkProbability: 0.3,
                fadings: [(.slow, 0.6), (.rayleigh, 0.25), (.fast, 0.15)], fadingRate: 0.2...0.4,
                fadingDepth: 0.3...0.5, driftMax: 30, qrnRate: 0.1...0.3, qrnStrength: 10...20,
                interferers: 1...3, interfererAmplitude: 0.1...0.3, multipathProbability: 0.2, multipathPaths: 2)
        case .contestPoor:
            PresetRanges(
                snr: 7...13, filters: [(.cwWide, 0.8), (.ssb, 0.2)], pinkProbability: 0.4,
                fadings: [(.selective, 0.7), (.rayleigh, 0.2), (.fast, 0.1)], fadingRate: 0.3...0.7,
                fadingDepth: 0.5...0.7, driftMax: 50, qrnRate: 0.3...0.7, qrnStrength: 15...25,
                interferers: 2...4, interfererAmplitude: 0.2...0.5, multipathProbability: 1, multipathPaths: 3)
        case .dxExpedition:
            PresetRanges(
                snr: 5...11, filters: [(.cwNarrow, 0.5), (.cwWide, 0.4), (.ssb, 0.1)], pinkProbability: 0.3,
                fadings: [(.slow, 0.5), (.rayleigh, 0.3), (.fast, 0.1), (.selective, 0.1)], fadingRate: 0.1...0.3,
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
        let ranges = self.ranges
        let duration = max(clipDuration, 0.5)
        let tone = rng.uniform(limits.toneRange)
        let snr = limits.snrRange.clamp(rng.uniform(ranges.snr))
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
        let drawnCount = ranges.interferers.lowerBound
            + Int(rng.nextUnit() * Double(ranges.interferers.upperBound - ranges.interferers.lowerBound + 1))
        let count = max(0, limits.interfererCount.clamp(drawnCount))
        let receiver = ReceiverFilter(kind: filter, centre: tone, sampleRate: limits.sampleRate)
        var interferers: [InterfererParameters] = []
        for _ in 0..<count {
            interferers.append(ranges.drawInterferer(
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

/// The ranges one ``ConditionPreset`` draws from.
public struct PresetRanges: Sendable {
    /// SNR in dB (500 Hz reference bandwidth).
    public var snr: ClosedRange<Double>
    /// Receiver filters with their weights.
    public var filters: [(ReceiverFilterKind, Double)]
    /// Probability that the band noise is pink rather than white.
    public var pinkProbability: Double
    /// Fading kinds with their weights (for the wanted station and each interferer).
    public var fadings: [(FadingKind, Double)]
    /// QSB rate in Hz (slow, Rayleigh, selective); flutter uses ``FadingParameters/flutterRates``.
    public var fadingRate: ClosedRange<Double>
    /// Fade depth, 0 … 1.
    public var fadingDepth: ClosedRange<Double>
    /// Largest drift in Hz over the clip.
    public var driftMax: Double
    /// Static crashes per second.
    public var qrnRate: ClosedRange<Double>
    /// Peak of the strongest crashes in dB above the noise density.
    public var qrnStrength: ClosedRange<Double>
    /// Number of interfering stations.
    public var interferers: ClosedRange<Int>
    /// Interferer carrier amplitude relative to the wanted carrier (a ratio, not dB).
    public var interfererAmplitude: ClosedRange<Double>
    /// Probability that the wanted station has echo paths.
    public var multipathProbability: Double
    /// Paths in all (main + echoes) when it has.
    public var multipathPaths: Int

    /// Draws a fading for one station.
    func drawFading(limits: ChannelLimits, using rng: inout some RandomNumberGenerator) -> FadingParameters {
        let kind = ConditionPreset.choose(fadings, allowed: limits.fadingTypes, always: FadingKind.none, using: &rng) ?? .none
        let qsbRate = limits.fadingRate.clamp(rng.uniform(fadingRate))
        let flutterRate = rng.uniform(FadingParameters.flutterRates)
        let depth = limits.fadingDepth.clamp(rng.uniform(fadingDepth))
        let paths = 2 + Int(rng.nextUnit() * 2)
        var delays = [0.0]
        for _ in 1..<paths { delays.append(rng.uniform(0.0005...0.003)) }
        delays.sort()
        switch kind {
        case .none: return .none
        case .slow, .rayleigh: return FadingParameters(kind: kind, rate: qsbRate, depth: depth)
        case .fast: return FadingParameters(kind: .fast, rate: flutterRate, depth: depth)
        case .selective: return FadingParameters(kind: .selective, rate: qsbRate, depth: depth, pathDelays: delays)
        }
    }

    /// Draws one interfering station.
    func drawInterferer(
        limits: ChannelLimits, tone: Double, snr: Double, receiver: ReceiverFilter, driftMax: Double,
        duration: Double, noiseOnly: Bool, using rng: inout some RandomNumberGenerator
    ) -> InterfererParameters {
        let wpm = rng.uniform(limits.wpmRange)
        let fist = FistKind.allCases[min(FistKind.allCases.count - 1, Int(rng.nextUnit() * Double(FistKind.allCases.count)))]
        let sloppiness = rng.uniform(0...0.6)
        let start = rng.uniform(-3...max(-2.5, duration - 1))
        let riseTime = rng.uniform(0.003...0.008)
        let chirp = rng.nextUnit() < 0.1 ? rng.uniform(5...40) : 0
        var fading = drawFading(limits: limits, using: &rng)
        let driftRate = driftMax * rng.nextUnit() * (rng.nextUnit() < 0.5 ? -1 : 1) / duration
        var level = 20 * log10(rng.uniform(interfererAmplitude))
        let side: Double = rng.nextUnit() < 0.5 ? -1 : 1
        let placement = rng.nextUnit()
        let u = rng.nextUnit()
        let lowest = 150.0, highest = min(limits.sampleRate / 2 - 300, 3500)
        let halfWidth = (receiver.kind == .ssb ? 250 : (receiver.highEdge - receiver.lowEdge) / 2)
        var offset: Double
        if !noiseOnly {
            // Mostly near the wanted signal (in or just beyond the passband), sometimes further out.
            offset = placement < 0.7 ? 50 + u * (halfWidth + 100) : halfWidth + 150 + u * (1350 - halfWidth)
            offset = min(max(tone + side * offset, lowest), highest) - tone
        } else {
            if !fading.neverExceedsUnity { fading = FadingParameters(kind: .slow, rate: fading.rate.clamped(0.05...0.7), depth: fading.depth) }
            if placement < 0.5 {
                // Inside the passband, far below the noise.
                let inside = receiver.kind == .ssb
                    ? (max(receiver.lowEdge, lowest) + 50)...(min(receiver.highEdge, highest) - 50)
                    : (tone - halfWidth)...(tone + halfWidth)
                offset = rng.uniform(inside) - tone
                level = min(level, -snr - 20 - 10 * u)
            } else {
                // Outside by at least 150 Hz, filtered carrier 20 dB or more below the noise.
                let margin = 150.0, span = 1200.0
                var candidates: [Double] = []
                let above = receiver.highEdge + margin, below = receiver.lowEdge - margin
                if above + 50 < highest { candidates.append(above + u * min(span, highest - above)) }
                if below - 50 > lowest { candidates.append(below - u * min(span, below - lowest)) }
                let target = candidates.isEmpty ? highest : candidates[side < 0 && candidates.count > 1 ? 1 : 0]
                offset = target - tone
                // Worst case over the clip: the end of its drift nearest the passband.
                let drifted = target + driftRate * duration
                let attenuation = -20 * log10(max(receiver.designGain(at: target), receiver.designGain(at: drifted), 1e-12))
                level = min(level, attenuation - snr - 20 - 10 * u)
            }
        }
        return InterfererParameters(
            toneOffset: offset, level: level, wpm: wpm, fist: fist, sloppiness: sloppiness, startTime: start,
            fading: fading, driftRate: driftRate, riseTime: riseTime, chirp: chirp)
    }
}

extension RandomNumberGenerator {
    /// Uniform in `range`.
    mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * nextUnit()
    }
}

extension Double {
    func clamped(_ range: ClosedRange<Double>) -> Double { range.clamp(self) }
}
