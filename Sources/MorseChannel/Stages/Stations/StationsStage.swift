import MorseCode
import MorseSignal

/// Keys stations into the band: each station's tone is rendered once, then every propagation
/// path (its fading's paths, then any echoes) adds a delayed copy under its own control-rate gain.
///
/// The chain runs one for the wanted station (with the clip's echoes) and one for all the
/// interferers. Parameters: ``ChannelParameters/fading``, ``ChannelParameters/driftRate``,
/// ``ChannelParameters/multipathDelays`` and ``ChannelParameters/multipathGains`` for the
/// wanted station, ``ChannelParameters/interferers`` for the others (see ``StationSignal``).
struct StationsStage: ChannelStage {
    /// The stations, each with its own generator (seeded in the chain's fixed order).
    let stations: [StationSignal]
    var randoms: [FastRandom]
    /// Echo paths of every station here (the wanted station's multipath; none for interferers).
    let echoes: [EchoPath]

    /// The wanted station's echo paths as ``ChannelParameters`` describe them.
    static func echoes(of parameters: ChannelParameters) -> [EchoPath] {
        parameters.multipathDelays.indices.map { index in
            EchoPath(
                delay: parameters.multipathDelays[index],
                gain: index < parameters.multipathGains.count ? parameters.multipathGains[index] : -6,
                doppler: 0, phase: 0)
        }
    }

    mutating func process(_ clip: ChannelClip, scratch: inout ChannelScratch) {
        for index in stations.indices {
            Self.add(
                stations[index], echoes: echoes, clip: clip, scratch: &scratch, random: &randoms[index])
        }
    }

    /// Stations add no field of their own to the report (their levels are in the parameters).
    func record(_ measured: Void, into report: inout ChannelReport) {}

    /// Keys one station into the clip (buffer time 0 = clip time −pre-roll) through its paths.
    static func add(
        _ signal: StationSignal, echoes: [EchoPath], clip: ChannelClip, scratch: inout ChannelScratch,
        random: inout FastRandom
    ) {
        let total = clip.total, target = clip.samples, sampleRate = clip.sampleRate
        guard let first = signal.timeline.marks.first, let last = signal.timeline.marks.last, total > 0 else { return }
        var tone = signal.tone
        tone.amplitude = ReceiverChain.referenceCarrierAmplitude * amplitudeRatio(dB: signal.level)
        // ToneRenderer's times start at the buffer's start, a pre-roll before the clip's.
        tone.frequency -= tone.driftRate * ReceiverChain.prerollSeconds
        let offset = ReceiverChain.prerollSeconds
        let fading = signal.fading
        let direct = UnsafeMutableBufferPointer(start: target, count: total)
        if (fading.kind == .none || (fading.kind == .slow && fading.depth <= 0)) && echoes.isEmpty {
            scratch.renderer.add(signal.timeline, tone: tone, offset: offset, into: direct)
            return
        }

        let block = ReceiverChain.controlInterval
        let controls = total / block + 2
        let controlTime = Double(block) / sampleRate
        let maxDelaySamples = Int((FadingParameters.maximumPathDelay * sampleRate).rounded())

        // Paths: (delay in samples, is the gain real?).
        var paths: [(delay: Int, real: Bool)] = []
        switch fading.kind {
        case .none, .slow:
            paths.append((0, true))
        case .rayleigh, .fast:
            paths.append((0, false))
        case .selective, .wattersonGood, .wattersonModerate, .wattersonPoor:
            // A Watterson kind's paths are its condition's (recorded in `pathDelays`).
            let standard = fading.kind.wattersonProfile?.pathDelays ?? [0, 0.001]
            let delays = fading.pathDelays.isEmpty ? standard : Array(fading.pathDelays.prefix(4))
            for delay in delays {
                paths.append((min(maxDelaySamples, max(0, Int((delay * sampleRate).rounded()))), false))
            }
        }
        let fadingPaths = paths.count
        for echo in echoes.prefix(4) {
            paths.append((min(maxDelaySamples, max(0, Int((echo.delay * sampleRate).rounded()))), false))
        }
        scratch.gainRe.reserve(paths.count * controls)
        scratch.gainIm.reserve(paths.count * controls)
        let re = scratch.gainRe.base, im = scratch.gainIm.base

        // Gains of the fading paths.
        switch fading.kind {
        case .none:
            for k in 0..<controls { re[k] = 1; im[k] = 0 }
        case .slow:
            let depth = min(max(fading.depth, 0), 1)
            var turn = Complex.unit(phase: 2 * Double.pi * random.unit())
            let step = Complex.unit(phase: 2 * Double.pi * fading.rate * controlTime)
            for k in 0..<controls {
                re[k] = Float(1 - depth * (0.5 - 0.5 * turn.re))
                im[k] = 0
                turn = turn * step
                if k & 1023 == 1023 { turn = (1 / turn.magnitude) * turn }
            }
        case .rayleigh, .fast, .selective, .wattersonGood, .wattersonModerate, .wattersonPoor:
            let depth = min(max(fading.depth, 0), 1)
            let share = (1 / Double(fadingPaths)).squareRoot()
            let process = GaussianFadingProcess(spread: max(fading.rate, 1e-3))
            scratch.work.reserve(
                GaussianFadingProcess.workSize(count: controls, interval: controlTime, spread: process.spread))
            for p in 0..<fadingPaths {
                let pr = re + p * controls, pi = im + p * controls
                process.generate(
                    count: controls, interval: controlTime, re: pr, im: pi, work: scratch.work.base, random: &random)
                let steady = Complex.unit(phase: 2 * Double.pi * random.unit())
                let a = Float(share * (1 - depth).squareRoot()), d = Float(share * depth.squareRoot())
                let sr = a * Float(steady.re), si = a * Float(steady.im)
                for k in 0..<controls {
                    pr[k] = sr + d * pr[k]
                    pi[k] = si + d * pi[k]
                }
            }
        }
        // Echo gains: the main path's gain turned by the echo's own slowly rotating phase.
        for (index, echo) in echoes.prefix(4).enumerated() {
            let p = fadingPaths + index
            let pr = re + p * controls, pi = im + p * controls
            let amplitude = amplitudeRatio(dB: echo.gain)
            let doppler = (0.05 + 0.25 * random.unit()) * (random.unit() < 0.5 ? -1 : 1)
            var turn = Complex.unit(phase: 2 * Double.pi * random.unit())
            let step = Complex.unit(phase: 2 * Double.pi * doppler * controlTime)
            for k in 0..<controls {
                let g = amplitude * (Complex(Double(re[k]), Double(im[k])) * turn)
                pr[k] = Float(g.re)
                pi[k] = Float(g.im)
                turn = turn * step
                if k & 1023 == 1023 { turn = (1 / turn.magnitude) * turn }
            }
        }

        // Render the keyed tone once, into a zeroed stretch of the station buffer.
        let rise = tone.riseTime
        let low = max(0, Int(((offset + first.start - rise) * sampleRate).rounded(.down)) - 2)
        let high = min(total, Int(((offset + last.end + rise) * sampleRate).rounded(.up)) + 2)
        guard low < high else { return }
        let quarter = sampleRate / (4 * max(tone.frequency, 100))
        let longest = paths.map(\.delay).max() ?? 0
        let mixHigh = min(total, high + longest + Int(quarter) + 2)
        let source = scratch.station.base + scratch.pad
        for n in (low - scratch.pad)..<(mixHigh) { source[n] = 0 }
        scratch.renderer.add(
            signal.timeline, tone: tone, offset: offset, into: UnsafeMutableBufferPointer(start: source, count: total))

        let mixPaths = paths.indices.map { index in
            MixPath(
                delay: paths[index].delay, real: paths[index].real,
                gainsRe: re + index * controls, gainsIm: im + index * controls)
        }
        // The keyed tone is zero between marks, so each path is mixed only where a mark (edges,
        // delay and quadrature read included) reaches the output: CW is key-up much of the time.
        let reach = Int(quarter) + 2
        let rejoin = reach + 64
        var spans: [Range<Int>] = []
        spans.reserveCapacity(signal.timeline.marks.count)
        for mark in signal.timeline.marks {
            let a = max(low, Int(((offset + mark.start - rise) * sampleRate).rounded(.down)) - 2)
            let b = min(high, Int(((offset + mark.end + rise) * sampleRate).rounded(.up)) + 2)
            guard a < b else { continue }
            if let previous = spans.last, a <= previous.upperBound + rejoin {
                spans[spans.count - 1] = min(previous.lowerBound, a)..<max(previous.upperBound, b)
            } else {
                spans.append(a..<b)
            }
        }
        PathMixer.addPaths(
            mixPaths, source: source, quarter: quarter, block: block, spans: spans, reach: reach,
            limit: low..<mixHigh, into: target)
    }
}
