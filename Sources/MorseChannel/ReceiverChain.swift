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

    let renderer: ToneRenderer
    let preroll: Int
    /// Zeroed samples kept before a station's buffer so delayed reads stay inside it.
    let pad: Int
    /// Zeroed samples kept before the mix so filters can run in lanes (see ``LaneRunner``).
    let front: Int
    var mix = ScratchBuffer<Float>()
    var station = ScratchBuffer<Float>()
    var gainRe = ScratchBuffer<Float>()
    var gainIm = ScratchBuffer<Float>()
    var work = ScratchBuffer<Double>()

    public init(sampleRate: Double = 16_000) {
        self.sampleRate = sampleRate
        renderer = ToneRenderer(sampleRate: sampleRate)
        preroll = Int((Self.prerollSeconds * sampleRate).rounded())
        pad = Int((FadingParameters.maximumPathDelay * sampleRate).rounded(.up)) + Int(sampleRate / 400) + 8
        front = max(
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
            report: ChannelReport(
                snr500: 0, snr2500: 0, centreFrequency: 0, filterLow: 0, filterHigh: 0, carrierAmplitude: 0,
                noisePower500: 0, receiverGain: 0, agcGainMin: 0, agcGainMax: 0, crashCount: 0, outputPeak: 0,
                limitedFraction: 0))
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

    private mutating func renderClip(
        wanted: StationSignal?, interferers: [StationSignal], parameters: ChannelParameters,
        sampleCount: Int, rng: inout some RandomNumberGenerator, stages: UnsafeMutablePointer<ChannelStages>?
    ) -> ChannelReport {
        let count = max(0, sampleCount)
        let total = preroll + count
        mix.reserve(front + total + 8)
        station.reserve(total + pad + 8)
        let sum = mixBase
        for n in 0..<front { mix.base[n] = 0 }
        for n in total..<(total + 8) { sum[n] = 0 }

        // The wanted station as the metadata describes it.
        let wantedStation = wanted.map { station -> StationSignal in
            var station = station
            station.tone.driftRate = parameters.driftRate
            station.fading = parameters.fading
            station.level = 0
            return station
        }
        let centre = centreFrequency(wanted: wantedStation, parameters: parameters)

        // Noise at the requested SNR against the reference carrier.
        let carrierAmplitude = Self.referenceCarrierAmplitude
        let carrierPower = carrierAmplitude * carrierAmplitude / 2
        let band500 = BandNoise.referenceBand(centre: centre, width: 500, sampleRate: sampleRate)
        let band2500 = BandNoise.referenceBand(centre: centre, width: 2500, sampleRate: sampleRate)
        let noisePower500 = carrierPower / powerRatio(dB: parameters.snr)
        let noise = BandNoise(
            colour: parameters.noiseColour, power: noisePower500, referenceBand: band500, sampleRate: sampleRate)
        let snr2500 = powerDB(carrierPower / noise.power(in: band2500))

        var noiseRandom = FastRandom(seededFrom: &rng)
        var crashRandom = FastRandom(seededFrom: &rng)

        // 1. Band noise (written, not added: it is the first stage).
        noise.fill(into: sum, count: total, available: front, random: &noiseRandom)
        if let stages { stages.pointee.noise = Array(UnsafeBufferPointer(start: sum + preroll, count: count)) }

        // 2. Static crashes.
        let crashes = StaticCrashes(
            rate: max(0, parameters.qrnRate), strength: parameters.qrnStrength,
            noiseSigma: (noise.density(at: centre) * sampleRate / 2).squareRoot(), sampleRate: sampleRate)
        let crashCount = Self.captured(stages, \.qrn, total: total, preroll: preroll, into: sum) { target in
            crashes.add(into: target, count: total, countFrom: Self.prerollSeconds, random: &crashRandom)
        }

        // 3. Stations: the wanted one with its echoes, then each interferer.
        let echoes = parameters.multipathDelays.indices.map { index in
            EchoPath(
                delay: parameters.multipathDelays[index],
                gain: index < parameters.multipathGains.count ? parameters.multipathGains[index] : -6,
                doppler: 0, phase: 0)
        }
        if let wantedStation {
            var random = FastRandom(seededFrom: &rng)
            _ = Self.captured(stages, \.wanted, total: total, preroll: preroll, into: sum) { target in
                addStation(wantedStation, echoes: echoes, total: total, into: target, random: &random)
                return 0
            }
        }
        var randoms: [FastRandom] = []
        randoms.reserveCapacity(interferers.count)
        for _ in interferers { randoms.append(FastRandom(seededFrom: &rng)) }
        _ = Self.captured(stages, \.interference, total: total, preroll: preroll, into: sum) { target in
            for (index, interferer) in interferers.enumerated() {
                addStation(interferer, echoes: [], total: total, into: target, random: &randoms[index])
            }
            return 0
        }
        if let stages { stages.pointee.antenna = Array(UnsafeBufferPointer(start: sum + preroll, count: count)) }

        // 4. Receiver filter over everything.
        let filter = ReceiverFilter(kind: parameters.filter, centre: centre, sampleRate: sampleRate)
        filter.processInLanes(sum, count: total, available: front)
        if let stages { stages.pointee.filtered = Array(UnsafeBufferPointer(start: sum + preroll, count: count)) }

        // 5. Fixed gain, AGC, limiter.
        let centreGain = filter.gain(at: centre)
        let inFilterPower = carrierPower * centreGain * centreGain + filter.outputPower(density: noise.density(at:))
        let receiverGain = Self.receiverTarget / inFilterPower.squareRoot()
        var agcRange = (minimum: 0.0, maximum: 0.0)
        if let agc = parameters.agc {
            let control = AutomaticGainControl(parameters: agc, sampleRate: sampleRate)
            gainRe.reserve(control.workSize(count: total))
            agcRange = control.process(sum, count: total, inputGain: Float(receiverGain), settle: preroll, work: gainRe.base)
        } else {
            let g = Float(receiverGain)
            for n in preroll..<total { sum[n] *= g }
        }
        let limiter = OutputLimiter(ceiling: Float(min(max(parameters.limiterCeiling, 0.01), 1)))
        let limited = limiter.process(sum + preroll, count: count)
        let outputPeak = limited.outputPeak

        return ChannelReport(
            snr500: parameters.snr, snr2500: snr2500, centreFrequency: centre,
            filterLow: filter.lowEdge, filterHigh: filter.highEdge, carrierAmplitude: carrierAmplitude,
            noisePower500: noisePower500, receiverGain: 20 * log10(receiverGain),
            agcGainMin: agcRange.minimum, agcGainMax: agcRange.maximum, crashCount: crashCount,
            outputPeak: Double(outputPeak), limitedFraction: count > 0 ? Double(limited.limited) / Double(count) : 0)
    }

    /// Runs `body` adding into `sum` directly, or, when capturing, into a separate buffer that is
    /// kept (clip part) in `stages[keyPath]` and then added into `sum`.
    private static func captured(
        _ stages: UnsafeMutablePointer<ChannelStages>?, _ keyPath: WritableKeyPath<ChannelStages, [Float]>,
        total: Int, preroll: Int, into sum: UnsafeMutablePointer<Float>, _ body: (UnsafeMutablePointer<Float>) -> Int
    ) -> Int {
        guard let stages else { return body(sum) }
        var separate = [Float](repeating: 0, count: total)
        let result = separate.withUnsafeMutableBufferPointer { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            let result = body(base)
            for n in 0..<total { sum[n] += base[n] }
            return result
        }
        stages.pointee[keyPath: keyPath] = Array(separate[preroll...])
        return result
    }
}

/// A chain owns its buffers uniquely (it cannot be copied), so moving it to another thread is safe.
extension ReceiverChain: @unchecked Sendable {}
