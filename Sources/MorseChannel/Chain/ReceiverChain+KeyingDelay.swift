import MorseCode
import MorseSignal

/// Where the AGC's per-block gains of the last rendered clip lie in the chain's scratch space.
struct GainTrack {
    let blockLength: Int
    let blocks: Int
    let preroll: Int

    /// log₂ of ``blockLength`` when it is a power of two (32 at 16 kHz, 16 at 8 kHz), else nil.
    let blockShift: Int?
    let inverseBlockLength: Double
    /// The last sample the gains cover, and ``blockLength`` − 1: worked out once, not per call.
    let lastSample: Int
    let blockMask: Int

    init(agc: AutomaticGainControl, total: Int, preroll: Int) {
        blockLength = agc.blockLength
        blocks = (total + blockLength - 1) / blockLength
        self.preroll = preroll
        blockShift = blockLength.nonzeroBitCount == 1 ? blockLength.trailingZeroBitCount : nil
        inverseBlockLength = 1 / Double(blockLength)
        lastSample = blocks * blockLength - 1
        blockMask = blockLength - 1
    }

    /// The AGC gain (relative) at output sample `n`, as ``AutomaticGainControl`` applied it:
    /// ramped linearly within each block from the previous block's gain.
    ///
    /// Label times evaluate this some 10⁵ times a clip. With a power-of-two block the division
    /// by the block length is a shift and a multiply by its exact reciprocal, which give the same
    /// bits as the division (scaling by a power of two is exact).
    @inline(__always)
    func gain(at n: Int, work: UnsafeMutablePointer<Float>) -> Double {
        let m = min(max(0, preroll + n), lastSample)
        let gains = work + blocks + 1
        if let blockShift {
            let b = m >> blockShift, i = m & blockMask
            let previous = Double(gains[max(0, b - 1)]), current = Double(gains[b])
            return previous + (current - previous) * Double(i) * inverseBlockLength
        }
        let b = m / blockLength, i = m % blockLength
        let previous = Double(gains[max(0, b - 1)]), current = Double(gains[b])
        return previous + (current - previous) * Double(i) / Double(blockLength)
    }
}

/// The AGC's per-block gain ramps as ``GainTrack/gain(at:work:)`` reads them, in Doubles: where
/// each block's ramp starts (the previous block's gain) and how far it rises. Label times read the
/// gains some 10⁵ times a clip; converting each block once spares two conversions, a subtraction
/// and a clamp at every read, with the same values (the same operations on the same Floats).
struct GainRamps {
    let track: GainTrack
    private let ramps: [SIMD2<Double>]

    init(_ track: GainTrack, work: UnsafeMutablePointer<Float>) {
        self.track = track
        let gains = work + track.blocks + 1
        ramps = (0..<track.blocks).map { b in
            let previous = Double(gains[max(0, b - 1)]), current = Double(gains[b])
            return SIMD2(previous, current - previous)
        }
    }

    /// Bounds on every gain ``gain(at:)`` gives for samples `first` through `last`: below and
    /// above the gains at both ends of every ramp they touch (a ramp stays between its ends, and a
    /// relative margin of 10⁻⁹ covers the rounding of its interpolation).
    func bounds(from first: Int, to last: Int) -> (low: Double, high: Double) {
        func block(_ n: Int) -> Int {
            let m = min(max(0, track.preroll + n), track.lastSample)
            return track.blockShift.map { m >> $0 } ?? m / track.blockLength
        }
        var low = Double.infinity, high = -Double.infinity
        for b in block(first)...max(block(first), block(last)) {
            let start = ramps[b].x, end = ramps[b].x + ramps[b].y
            low = min(low, start, end)
            high = max(high, start, end)
        }
        let margin = 1e-9, tiny = Double.leastNormalMagnitude
        return (low - abs(low) * margin - tiny, high + abs(high) * margin + tiny)
    }

    /// ``GainTrack/gain(at:work:)`` for output sample `n`. A rendered clip has at least one block
    /// (its pre-roll), so the clamped sample always lies in one.
    @inline(__always)
    func gain(at n: Int) -> Double {
        let m = min(max(0, track.preroll + n), track.lastSample)
        return ramps.withUnsafeBufferPointer { ramps in
            if let blockShift = track.blockShift {
                let ramp = ramps[m >> blockShift], i = m & track.blockMask
                return ramp.x + ramp.y * Double(i) * track.inverseBlockLength
            }
            let ramp = ramps[m / track.blockLength], i = m % track.blockLength
            return ramp.x + ramp.y * Double(i) / Double(track.blockLength)
        }
    }
}

/// `x.rounded()` (to nearest, ties away from zero) as an `Int`, for |x| below 2⁵²: the same
/// result as the library's `round` without its call (there is no rounding instruction in the
/// x86-64 baseline), since truncation and the exact fraction decide it.
@inline(__always)
func roundedToInt(_ x: Double) -> Int {
    let whole = Int(x)
    let fraction = x - Double(whole)
    if fraction >= 0.5 { return whole + 1 }
    if fraction <= -0.5 { return whole - 1 }
    return whole
}

extension ReceiverChain {
    /// How much later the wanted station's 50 % envelope points fall in this chain's output than
    /// in its timeline: the receiver filter's delay at the station's tone (see ``KeyingDelay``),
    /// for the filter ``render(wanted:interferers:parameters:sampleCount:using:)`` builds for
    /// the same station and parameters.
    public func keyingDelay(wanted: StationSignal, parameters: ChannelParameters) -> KeyingDelay {
        let (filter, tone, rise) = receiverFilter(wanted: wanted, parameters: parameters)
        return filter.keyingDelay(tone: tone, riseTime: rise, shape: wanted.tone.shape)
    }

    /// The wanted station's character and word spans as times in the clip just rendered: each
    /// character from the rising 50 % point of its first mark's envelope to the falling 50 % point
    /// of its last, 50 % of that mark's steady level (the mean over its middle fifth) in the
    /// delivered audio. Call it right after ``render(wanted:interferers:parameters:sampleCount:using:)``
    /// for the same station and parameters.
    ///
    /// The filter delays every edge (see ``KeyingDelay``); the AGC then raises the start of a mark
    /// that follows a gap (its gain recovers in the gap and falls back over its attack time), so the
    /// rising 50 % point comes earlier, by up to ~2 ms after a long silence. Both are taken from
    /// the simulated filter response and the AGC gains the clip was rendered with.
    public func deliveredSpans(wanted: StationSignal, parameters: ChannelParameters)
        -> (characters: [KeyedTimeline.Span], words: [KeyedTimeline.Span])
    {
        let timeline = wanted.timeline
        let (filter, tone, rise) = receiverFilter(wanted: wanted, parameters: parameters)
        let mark = filter.filteredMark(tone: tone, riseTime: rise, shape: wanted.tone.shape)
        let delay = filter.keyingDelay(of: mark, riseTime: rise)
        // Without the AGC's gains (or a level to take half of) every edge moves by the filter's
        // delay alone, whether or not a span's time is one of the marks'.
        guard let gainTrack, mark.steady > 0 else {
            return (Self.shifted(timeline.characters, by: delay), Self.shifted(timeline.words, by: delay))
        }
        let sampleRate = sampleRate, step = 1 / sampleRate
        let ramps = GainRamps(gainTrack, work: scratch.gainRe.base)
        @inline(__always) func gain(_ t: Double) -> Double { ramps.gain(at: roundedToInt(t * sampleRate)) }
        let grid = EdgeGrid(from: -rise / 2 - 0.002, to: rise / 2 + 0.010, step: step, mark: mark)
        func edge(_ time: Double, level: Double, rising: Bool) -> Double? {
            grid.crossing(at: time, level: level, rising: rising, step: step, sampleRate: sampleRate, gains: ramps)
        }
        var onsets: [Double] = [], releases: [Double] = []
        onsets.reserveCapacity(timeline.marks.count)
        releases.reserveCapacity(timeline.marks.count)
        for interval in timeline.marks {
            var onset = interval.start + delay.onset, release = interval.end + delay.release
            // The mark's steady level in the output: the AGC's mean gain over its middle fifth.
            // Computed once per mark: both edges are found at half of the same level.
            let from = interval.start + 0.4 * interval.length + delay.onset,
                to = interval.end - 0.4 * interval.length + delay.onset
            var total = 0.0, count = 0.0, t = from
            while t <= to {
                total += gain(t)
                count += 1
                t += step
            }
            if count > 0, total > 0 {
                let level = total / count * mark.steady / 2
                onset = edge(interval.start, level: level, rising: true) ?? onset
                release = edge(interval.end, level: level, rising: false) ?? release
            }
            onsets.append(onset)
            releases.append(release)
        }
        let starts = MarkTimes(timeline.marks.map(\.start)), ends = MarkTimes(timeline.marks.map(\.end))
        func moved(_ spans: [KeyedTimeline.Span]) -> [KeyedTimeline.Span] {
            spans.map {
                KeyedTimeline.Span(
                    text: $0.text, start: starts.index(of: $0.start).map { onsets[$0] } ?? $0.start + delay.onset,
                    end: ends.index(of: $0.end).map { releases[$0] } ?? $0.end + delay.release)
            }
        }
        return (moved(timeline.characters), moved(timeline.words))
    }

    /// `spans` moved by the filter's delay alone.
    private static func shifted(_ spans: [KeyedTimeline.Span], by delay: KeyingDelay) -> [KeyedTimeline.Span] {
        spans.map { KeyedTimeline.Span(text: $0.text, start: $0.start + delay.onset, end: $0.end + delay.release) }
    }

    /// The filter the chain builds for `wanted`, the station's tone at mid-transmission and its
    /// keying edges' rise time.
    private func receiverFilter(wanted: StationSignal, parameters: ChannelParameters) -> (
        ReceiverFilter, Double, Double
    ) {
        var station = wanted
        station.tone.driftRate = parameters.driftRate
        let centre = centreFrequency(wanted: station, parameters: parameters)
        let filter = ReceiverFilter(kind: parameters.filter, centre: centre, sampleRate: sampleRate)
        let tone = station.tone.frequency + parameters.driftRate * station.midTime
        let rise = ToneRenderer(sampleRate: sampleRate).effectiveRiseTime(station.timeline, tone: station.tone)
        return (filter, tone, rise)
    }
}

/// The offsets from an edge at which ``EdgeSearch/crossing(from:to:step:level:rising:_:)`` evaluates
/// its curve (the same arithmetic: `from`, then each `t + step` while `t < to`), and the filtered
/// mark's envelope there for a rising and a falling edge. They are the same for every mark of a
/// clip, so label times compute them once instead of at every step of every edge.
struct EdgeGrid {
    let offsets: [Double]
    let rising: [Double]
    let falling: [Double]
    /// The highest rising and the lowest falling envelope value up to each offset.
    let risingPeak: [Double]
    let fallingFloor: [Double]

    init(from: Double, to: Double, step: Double, mark: FilteredMark) {
        var offsets = [from], t = from
        while t < to {
            offsets.append(t + step)
            t += step
        }
        self.offsets = offsets
        let rising = offsets.map { mark.value(after: $0, rising: true) }
        let falling = offsets.map { mark.value(after: $0, rising: false) }
        self.rising = rising
        self.falling = falling
        var peak = -Double.infinity, floor = Double.infinity
        risingPeak = rising.map {
            peak = max(peak, $0)
            return peak
        }
        fallingFloor = falling.map {
            floor = min(floor, $0)
            return floor
        }
    }

    /// ``EdgeSearch/crossing(from:to:step:level:rising:_:)`` of the delivered envelope (the AGC's
    /// gain times the filtered mark's envelope) around the edge at `time` seconds, the same steps
    /// and arithmetic, with the mark's envelope read from the grid.
    ///
    /// Steps that cannot cross are skipped: the envelope is ≥ 0 and the gain at every step lies
    /// within the gains of the blocks the search touches, so with `high` above them a rising step
    /// whose `high × peak so far` (rounded, which is monotonic) is below `level` cannot reach it,
    /// and with `low` below them a falling step whose `low × floor so far` is at least `level`
    /// cannot fall below it. The search starts at the first step that might cross (found by
    /// bisection: those products only grow, or only shrink, along the grid) and finds what the
    /// full search finds, in a tenth of the steps. (A level that is not positive, which label
    /// times never ask for, is searched in full.)
    func crossing(
        at time: Double, level: Double, rising: Bool, step: Double, sampleRate: Double, gains: GainRamps
    ) -> Double? {
        let last = offsets.count - 1
        guard last >= 1 else { return nil }
        @inline(__always) func gain(_ t: Double) -> Double { gains.gain(at: roundedToInt(t * sampleRate)) }
        // Times, and so samples and blocks, grow along the grid: the first and last step bound them.
        let bounds = gains.bounds(
            from: roundedToInt((time + offsets[0]) * sampleRate),
            to: roundedToInt((time + offsets[last]) * sampleRate))
        var low = 1, high = last + 1
        if rising, level > 0 {
            // With no positive gain the envelope never rises above 0, let alone to `level`.
            guard bounds.high > 0 else { return nil }
            while low < high {
                let middle = (low + high) / 2
                if bounds.high * risingPeak[middle] >= level { high = middle } else { low = middle + 1 }
            }
        } else if level > 0 {
            while low < high {
                let middle = (low + high) / 2
                if bounds.low * fallingFloor[middle] < level { high = middle } else { low = middle + 1 }
            }
        }
        guard low <= last else { return nil }
        let envelope = rising ? self.rising : falling
        var previous = gain(time + offsets[low - 1]) * envelope[low - 1]
        for k in low...last {
            let next = gain(time + offsets[k]) * envelope[k]
            if rising ? (previous < level && next >= level) : (previous >= level && next < level) {
                return time + (offsets[k - 1] + step * (level - previous) / (next - previous))
            }
            previous = next
        }
        return nil
    }
}

/// The mark start (or end) times of a timeline, to find the mark a span's time belongs to.
///
/// A keyer's marks come in time order, so this is a binary search; times out of order (or NaN)
/// fall back to a dictionary. Either way a time shared by several marks finds the last of them.
struct MarkTimes {
    private let times: [Double]
    private let lookup: [Double: Int]?

    init(_ times: [Double]) {
        self.times = times
        let sorted = zip(times, times.dropFirst()).allSatisfy { $0 <= $1 }
        lookup = sorted ? nil : Dictionary(times.enumerated().map { ($1, $0) }) { _, last in last }
    }

    /// The index of the last mark whose time equals `time`, if any.
    func index(of time: Double) -> Int? {
        if let lookup { return lookup[time] }
        // The first index whose time is greater than `time`; the one before it is the last candidate.
        var low = 0, high = times.count
        while low < high {
            let middle = (low + high) / 2
            if times[middle] <= time { low = middle + 1 } else { high = middle }
        }
        return low > 0 && times[low - 1] == time ? low - 1 : nil
    }
}
