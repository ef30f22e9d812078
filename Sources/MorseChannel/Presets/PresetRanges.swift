import MorseCode
import MorseSignal
import RealModule

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
    /// QSB rate in Hz (slow, Rayleigh, selective); flutter uses ``FadingParameters/flutterRates``,
    /// the Watterson kinds their condition's spread.
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
        let kind =
            ConditionPreset.choose(fadings, allowed: limits.fadingTypes, always: FadingKind.none, using: &rng) ?? .none
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
        case .wattersonGood, .wattersonModerate, .wattersonPoor:
            // The condition fixes every parameter; the draws above still happen, so the random
            // stream after a fading is the same whichever kind is chosen.
            // `noise.fading_depth: [0, 0]` means no fading at all, these conditions included.
            guard (limits.fadingDepth?.upperBound ?? 1) > 0 else { return .none }
            return FadingParameters.watterson(kind) ?? .none
        }
    }

    /// Draws one interfering station.
    func drawInterferer(
        limits: ChannelLimits, tone: Double, snr: Double, receiver: ReceiverFilter, driftMax: Double,
        duration: Double, noiseOnly: Bool, using rng: inout some RandomNumberGenerator
    ) -> InterfererParameters {
        let wpm = rng.uniform(limits.wpmRange)
        let fist = FistKind.allCases[
            min(FistKind.allCases.count - 1, Int(rng.nextUnit() * Double(FistKind.allCases.count)))]
        let sloppiness = rng.uniform(0...0.6)
        let start = rng.uniform(-3...max(-2.5, duration - 1))
        let riseTime = rng.uniform(0.003...0.008)
        let chirp = rng.nextUnit() < 0.1 ? rng.uniform(5...40) : 0
        var fading = drawFading(limits: limits, using: &rng)
        let driftRate = driftMax * rng.nextUnit() * (rng.nextUnit() < 0.5 ? -1 : 1) / duration
        var level = 20 * Double.log10(rng.uniform(interfererAmplitude))
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
            if !fading.neverExceedsUnity {
                fading = FadingParameters(kind: .slow, rate: fading.rate.clamped(0.05...0.7), depth: fading.depth)
            }
            if placement < 0.5 {
                // Inside the passband, far below the noise.
                let inside =
                    receiver.kind == .ssb
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
                let attenuation =
                    -20 * Double.log10(max(receiver.designGain(at: target), receiver.designGain(at: drifted), 1e-12))
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
