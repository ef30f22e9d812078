import MorseCode
import MorseSignal

/// One worker's receiver: renders clips of band conditions as a receiver's audio output.
///
/// In order: the stations (the wanted one and the interferers, each keyed, faded and echoed on
/// its own paths), band noise and static crashes are summed at the antenna; the receiver filter
/// is applied to that sum; then a fixed receiver gain, the AGC and the output limiter. The chain
/// owns scratch buffers it reuses from clip to clip (it allocates only when a clip is longer
/// than any before), so it is noncopyable: give each worker its own.
///
/// Levels: the wanted carrier has amplitude ``referenceCarrierAmplitude`` at the antenna and the
/// noise is scaled to the requested SNR against it; interferers are set relative to it, so all
/// levels are against the noise, never against the clip's average power. A fixed receiver gain
/// then brings carrier plus in-filter noise to about 0.25 RMS before the AGC.
public struct ReceiverChain: ~Copyable {
    /// Samples per second.
    public let sampleRate: Double
    /// Amplitude of the wanted (or, in noise-only clips, the reference) carrier at the antenna.
    public static let referenceCarrierAmplitude = 0.1
    /// RMS the fixed receiver gain aims for (carrier plus in-filter noise).
    static let receiverTarget = 0.25
    /// Band noise (and anything already sending) runs this long before the clip, so the filter
    /// and AGC have settled at its first sample.
    static let prerollSeconds = 0.064
    /// Samples between fading control points.
    static let controlInterval = 32

    let preroll: Int
    /// Zeroed samples kept before the mix so filters can run in lanes (see ``LaneRunner``).
    let front: Int
    var mix = ScratchBuffer<Float>()
    /// What the stages work in besides the mix.
    var scratch: ChannelScratch
    /// The AGC's gains of the last clip rendered (nil when its AGC was off), for label times.
    var gainTrack: GainTrack?

    public init(sampleRate: Double = 16_000) {
        self.sampleRate = sampleRate
        preroll = Int((Self.prerollSeconds * sampleRate).rounded())
        scratch = ChannelScratch(sampleRate: sampleRate)
        front =
            max(
                PinkingFilter(sampleRate: sampleRate).memory,
                ReceiverFilter(kind: .cwNarrow, centre: 1000, sampleRate: sampleRate).memory * 2) + 64
    }

    /// The mix buffer's first sample (after the zeroed front).
    var mixBase: UnsafeMutablePointer<Float> { mix.base + front }

    /// Renders one clip of `sampleCount` samples.
    ///
    /// - Parameters:
    ///   - wanted: the wanted station, or nil for a noise-only clip. Its fading, drift and level are
    ///     taken from `parameters` (``ChannelParameters/fading``, ``ChannelParameters/driftRate``,
    ///     0 dB), so the audio always matches the metadata.
    ///   - interferers: the QRM stations (see ``InterfererParameters/station(text:wantedTone:using:)``).
    ///   - parameters: the clip's channel.
    ///   - rng: the only source of randomness (noise, crashes, fading realisations).
    /// - Returns: the output samples, valid until the next call on this chain (copy or encode
    ///   them), and the report.
    public mutating func render(
        wanted: StationSignal?, interferers: [StationSignal], parameters: ChannelParameters,
        sampleCount: Int, using rng: inout some RandomNumberGenerator
    ) -> (samples: UnsafeBufferPointer<Float>, report: ChannelReport) {
        let report = renderClip(
            wanted: wanted, interferers: interferers, parameters: parameters, sampleCount: sampleCount,
            rng: &rng, stages: nil)
        return (UnsafeBufferPointer(start: mixBase + preroll, count: max(0, sampleCount)), report)
    }

    /// As ``render(wanted:interferers:parameters:sampleCount:using:)``, returning a copy.
    public mutating func renderSamples(
        wanted: StationSignal?, interferers: [StationSignal], parameters: ChannelParameters,
        sampleCount: Int, using rng: inout some RandomNumberGenerator
    ) -> (samples: [Float], report: ChannelReport) {
        let (samples, report) = render(
            wanted: wanted, interferers: interferers, parameters: parameters, sampleCount: sampleCount, using: &rng)
        return (Array(samples), report)
    }

    /// Renders one clip keeping every stage apart (slower; for tests and diagnostics). With the
    /// same generator state the output equals ``render(wanted:interferers:parameters:sampleCount:using:)``'s.
    public mutating func renderStages(
        wanted: StationSignal?, interferers: [StationSignal], parameters: ChannelParameters,
        sampleCount: Int, using rng: inout some RandomNumberGenerator
    ) -> ChannelStages {
        var stages = ChannelStages(
            wanted: [], interference: [], noise: [], qrn: [], antenna: [], filtered: [], output: [],
            report: ChannelReport())
        stages.report = withUnsafeMutablePointer(to: &stages) { pointer in
            renderClip(
                wanted: wanted, interferers: interferers, parameters: parameters, sampleCount: sampleCount,
                rng: &rng, stages: pointer)
        }
        stages.output = Array(UnsafeBufferPointer(start: mixBase + preroll, count: max(0, sampleCount)))
        return stages
    }

    /// The filter centre and the SNR bands' centre in Hz for a clip.
    func centreFrequency(wanted: StationSignal?, parameters: ChannelParameters) -> Double {
        let centre: Double
        if let wanted {
            centre = wanted.tone.frequency + parameters.driftRate * wanted.midTime
        } else {
            centre = parameters.tone
        }
        return min(max(centre, 200), sampleRate / 2 - 300)
    }

    /// Renders one clip into the mix: builds every ``ChannelEffect``'s stage from `parameters`,
    /// then runs them in order over the whole buffer (pre-roll included).
    private mutating func renderClip(
        wanted: StationSignal?, interferers: [StationSignal], parameters: ChannelParameters,
        sampleCount: Int, rng: inout some RandomNumberGenerator, stages: UnsafeMutablePointer<ChannelStages>?
    ) -> ChannelReport {
        let count = max(0, sampleCount)
        let total = preroll + count
        mix.reserve(front + total + 8)
        scratch.station.reserve(total + scratch.pad + 8)
        let sum = mixBase
        for n in 0..<front { mix.base[n] = 0 }
        for n in total..<(total + 8) { sum[n] = 0 }
        let clip = ChannelClip(samples: sum, total: total, preroll: preroll, front: front, sampleRate: sampleRate)

        // The wanted station as the metadata describes it.
        let wantedStation = wanted.map { station -> StationSignal in
            var station = station
            station.tone.driftRate = parameters.driftRate
            station.fading = parameters.fading
            station.level = 0
            return station
        }
        let centre = centreFrequency(wanted: wantedStation, parameters: parameters)
        let carrierAmplitude = Self.referenceCarrierAmplitude

        // Every stage, drawn from the parameters. The generators are seeded in this fixed order
        // (noise, crashes, wanted station, each interferer), whatever order the stages run in.
        var noise = BandNoiseStage(
            parameters: parameters, centre: centre, carrierPower: carrierAmplitude * carrierAmplitude / 2,
            sampleRate: sampleRate, random: FastRandom(seededFrom: &rng))
        var crashes = StaticCrashStage(
            parameters: parameters, noise: noise.noise, centre: centre, sampleRate: sampleRate,
            random: FastRandom(seededFrom: &rng))
        var wantedStage = StationsStage(
            stations: wantedStation.map { [$0] } ?? [],
            randoms: wantedStation.map { _ in [FastRandom(seededFrom: &rng)] } ?? [],
            echoes: StationsStage.echoes(of: parameters))
        var interferenceStage = StationsStage(
            stations: interferers, randoms: interferers.map { _ in FastRandom(seededFrom: &rng) }, echoes: [])
        let filter = ReceiverFilterStage(parameters: parameters, centre: centre, sampleRate: sampleRate)
        let gain = GainControlStage(
            parameters: parameters, carrierAmplitude: carrierAmplitude, noise: noise.noise, filter: filter.filter,
            centre: centre)
        let limiter = LimiterStage(parameters: parameters)

        var report = ChannelReport()
        for effect in ChannelEffect.allCases {
            switch effect {
            case .bandNoise:
                noise.record(noise.process(clip, scratch: &scratch), into: &report)
            case .staticCrashes:
                let crashCount = captured(stages, effect, clip) { crashes.process($0, scratch: &$1) }
                crashes.record(crashCount, into: &report)
            case .wantedStation:
                guard wantedStation != nil else { continue }
                captured(stages, effect, clip) { wantedStage.process($0, scratch: &$1) }
                wantedStage.record((), into: &report)
            case .interferers:
                captured(stages, effect, clip) { interferenceStage.process($0, scratch: &$1) }
                interferenceStage.record((), into: &report)
            case .receiverFilter:
                filter.record(filter.process(clip, scratch: &scratch), into: &report)
            case .gainControl:
                gain.record(gain.process(clip, scratch: &scratch), into: &report)
                gainTrack = parameters.agc.map {
                    GainTrack(
                        agc: AutomaticGainControl(parameters: $0, sampleRate: sampleRate), total: total,
                        preroll: preroll)
                }
            case .limiter:
                limiter.record(limiter.process(clip, scratch: &scratch), into: &report)
            }
            if let stages, let keyPath = ChannelStages.snapshot(after: effect) {
                stages.pointee[keyPath: keyPath] = Array(UnsafeBufferPointer(start: sum + preroll, count: count))
            }
        }
        return report
    }

    /// Runs an adding stage on the clip directly or, when capturing diagnostics, into a separate
    /// buffer that is kept (clip part) in `stages` and then added into the clip.
    private mutating func captured<Result>(
        _ stages: UnsafeMutablePointer<ChannelStages>?, _ effect: ChannelEffect, _ clip: ChannelClip,
        _ body: (ChannelClip, inout ChannelScratch) -> Result
    ) -> Result {
        guard let stages, let keyPath = ChannelStages.separate(effect) else { return body(clip, &scratch) }
        let total = clip.total
        var separate = [Float](repeating: 0, count: total)
        let result = separate.withUnsafeMutableBufferPointer { buffer -> Result in
            let base = buffer.baseAddress ?? clip.samples
            let result = body(clip.writing(into: base), &scratch)
            for n in 0..<total { clip.samples[n] += base[n] }
            return result
        }
        stages.pointee[keyPath: keyPath] = Array(separate[clip.preroll...])
        return result
    }
}

/// A chain owns its buffers uniquely (it cannot be copied), so moving it to another thread is safe.
extension ReceiverChain: @unchecked Sendable {}
