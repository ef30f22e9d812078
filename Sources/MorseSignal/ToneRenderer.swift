import MorseCode
import RealModule

/// Renders a keyed timeline as a mono tone at a sample rate.
///
/// The keying envelope's edges are centred on each mark's start and end, so the 50 % points fall
/// exactly on the timeline's times. The carrier is phase-continuous across the clip (drift makes
/// its frequency a linear ramp) and is computed by a complex-rotation recurrence per mark, seeded
/// from the exact phase, so it costs a few multiplies per sample.
public struct ToneRenderer: Sendable {
    /// Samples per second.
    public let sampleRate: Double

    public init(sampleRate: Double = 16_000) {
        self.sampleRate = sampleRate
    }

    /// Number of samples that cover `duration` seconds.
    public func sampleCount(duration: Double) -> Int {
        Int((duration * sampleRate).rounded())
    }

    /// A clip holding `timeline` after `leadingSilence` seconds and followed by `trailingSilence` seconds.
    public func render(
        _ timeline: KeyedTimeline, tone: ToneParameters, leadingSilence: Double = 0.5, trailingSilence: Double = 0.5
    ) -> [Float] {
        let count = sampleCount(duration: leadingSilence + timeline.duration + trailingSilence)
        var samples = [Float](repeating: 0, count: count)
        samples.withUnsafeMutableBufferPointer { add(timeline, tone: tone, offset: leadingSilence, into: $0) }
        return samples
    }

    /// The rise time actually used: the requested one, shortened if a mark or gap is shorter, so
    /// neighbouring edges never overlap.
    public func effectiveRiseTime(_ timeline: KeyedTimeline, tone: ToneParameters) -> Double {
        var rise = tone.riseTime
        for (index, mark) in timeline.marks.enumerated() {
            rise = min(rise, mark.length)
            if index > 0 { rise = min(rise, mark.start - timeline.marks[index - 1].end) }
        }
        return max(rise, 1 / sampleRate)
    }

    /// Adds the keyed tone into `buffer`, whose first sample is at time 0; the timeline's time 0
    /// falls at `offset` seconds. Samples outside the buffer are skipped.
    public func add(
        _ timeline: KeyedTimeline, tone: ToneParameters, offset: Double, into buffer: UnsafeMutableBufferPointer<Float>
    ) {
        let rise = effectiveRiseTime(timeline, tone: tone)
        let table = EdgeTable.table(for: tone.shape)
        for mark in timeline.marks {
            renderMark(
                keyDown: offset + mark.start - rise / 2, keyUp: offset + mark.end + rise / 2,
                rise: rise, tone: tone, table: table, into: buffer)
        }
    }

    /// Carrier phase in radians at time `t` without chirp.
    @inline(__always)
    func basePhase(_ t: Double, tone: ToneParameters) -> Double {
        tone.phase + 2 * Double.pi * (tone.frequency * t + 0.5 * tone.driftRate * t * t)
    }

    private func renderMark(
        keyDown: Double, keyUp: Double, rise: Double, tone: ToneParameters, table: EdgeTable,
        into buffer: UnsafeMutableBufferPointer<Float>
    ) {
        let first = max(0, Int((keyDown * sampleRate).rounded(.up)))
        let last = min(buffer.count - 1, Int((keyUp * sampleRate).rounded(.down)))
        guard first <= last else { return }
        let dt = 1 / sampleRate
        let amplitude = Float(tone.amplitude)
        let edgeScale = 1 / rise
        let riseEnd = keyDown + rise
        let fallStart = keyUp - rise

        @inline(__always) func envelope(_ t: Double) -> Float {
            if t < riseEnd { return table.value((t - keyDown) * edgeScale) }
            if t > fallStart { return table.value((keyUp - t) * edgeScale) }
            return 1
        }

        // While the chirp's offset is large the phase is followed sample by sample in double
        // precision (a rotation per sample, the chirp's part a geometric sequence); the chunked
        // recurrence takes over after.
        var n = first
        if tone.chirpOffset != 0 {
            let chirpEnd = min(last, Int(((keyDown + 8 * tone.chirpTimeConstant) * sampleRate).rounded(.down)))
            let tau = tone.chirpTimeConstant
            let k = 2 * Double.pi * tone.chirpOffset * tau
            let decay = Double.exp(-dt / tau)
            // The chirp's phase advance from sample n to n + 1: k·(1 − r)·e^{−(t − keyDown)/τ}.
            let t0 = Double(n) * dt
            var advance = k * (1 - decay) * Double.exp(-(t0 - keyDown) / tau)
            if abs(advance) < 0.5 {
                var z = Complex.unit(phase: basePhase(t0, tone: tone) + k * (1 - Double.exp(-(t0 - keyDown) / tau)))
                var w = Complex.unit(phase: basePhase(t0 + dt, tone: tone) - basePhase(t0, tone: tone))
                let v =
                    tone.driftRate == 0 ? Complex.one : Complex.unit(phase: 2 * Double.pi * tone.driftRate * dt * dt)
                while n <= chirpEnd {
                    buffer[n] += amplitude * envelope(Double(n) * dt) * Float(z.im)
                    // e^{i·advance} by its series (|advance| < 0.5: error below 1e-11).
                    let a2 = advance * advance
                    let c = 1 - a2 * (0.5 - a2 * (1.0 / 24 - a2 * (1.0 / 720 - a2 / 40320)))
                    let s = advance * (1 - a2 * (1.0 / 6 - a2 * (1.0 / 120 - a2 * (1.0 / 5040 - a2 / 362_880))))
                    z = z * (w * Complex(c, s))
                    w = w * v
                    advance *= decay
                    n += 1
                }
            } else {
                while n <= chirpEnd {
                    let t = Double(n) * dt
                    let phase = basePhase(t, tone: tone) + k * (1 - Double.exp(-(t - keyDown) / tau))
                    buffer[n] += amplitude * envelope(t) * Float(Double.sin(phase))
                    n += 1
                }
            }
            guard n <= last else { return }
        }
        let chirpPhase =
            tone.chirpOffset == 0
            ? 0
            : 2 * Double.pi * tone.chirpOffset * tone.chirpTimeConstant
                * (1 - Double.exp(-(Double(n) * dt - keyDown) / tone.chirpTimeConstant))
        let flatFirst = max(n, Int((riseEnd * sampleRate).rounded(.up)))
        let flatLast = min(last, Int((fallStart * sampleRate).rounded(.down)))
        guard let output = buffer.baseAddress else { return }
        let values = table.values, scale = table.scale, top = values.count - 2
        values.withUnsafeBufferPointer { tableBuffer in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: Self.chunk) { carrier in
                guard let scratch = carrier.baseAddress, let edge = tableBuffer.baseAddress else { return }
                // As `envelope`, with the table's pointer and size held in registers.
                @inline(__always) func edgeValue(_ x: Double) -> Float {
                    let position = min(max(x, 0), 1) * scale
                    let index = min(Int(position), top)
                    let fraction = Float(position - Double(index))
                    return edge[index] + (edge[index + 1] - edge[index]) * fraction
                }
                @inline(__always) func envelope(_ t: Double) -> Float {
                    if t < riseEnd { return edgeValue((t - keyDown) * edgeScale) }
                    if t > fallStart { return edgeValue((keyUp - t) * edgeScale) }
                    return 1
                }
                while n <= last {
                    let count = min(Self.chunk, last - n + 1)
                    fillCarrier(from: n, count: count, tone: tone, extraPhase: chirpPhase, into: scratch)
                    let end = n + count - 1
                    // Rising edge, flat top, falling edge of this chunk.
                    var k = n
                    let riseStop = min(end, flatFirst - 1)
                    while k <= riseStop {
                        output[k] += amplitude * envelope(Double(k) * dt) * scratch[k - n]
                        k += 1
                    }
                    let flatEnd = min(end, flatLast)
                    if k <= flatEnd {
                        let out = output + k
                        let source = scratch + (k - n)
                        for j in 0...(flatEnd - k) { out[j] += amplitude * source[j] }
                        k = flatEnd + 1
                    }
                    while k <= end {
                        output[k] += amplitude * envelope(Double(k) * dt) * scratch[k - n]
                        k += 1
                    }
                    n = end + 1
                }
            }
        }
    }

    /// Samples per oscillator chunk; the phase is recomputed exactly at each chunk's start.
    static let chunk = 1024

    /// Writes sin φ(n) for `count` samples from sample `first` into `out`, eight lanes at a time.
    ///
    /// Each lane holds the unit phasor of every eighth sample and advances by its own exact
    /// eight-sample rotation; with drift those rotations themselves turn by a constant each block.
    /// Lanes start from the exact (double precision) phase, so float error cannot build up past a chunk.
    @inline(__always)
    func fillCarrier(
        from first: Int, count: Int, tone: ToneParameters, extraPhase: Double, into out: UnsafeMutablePointer<Float>
    ) {
        let dt = 1 / sampleRate
        let start = Double(first) * dt
        // Exact phasor, per-sample step and the step's own turn (drift) at the chunk's start.
        let phase = basePhase(start, tone: tone) + extraPhase
        var z = Complex.unit(phase: phase)
        var w = Complex.unit(phase: basePhase(start + dt, tone: tone) - basePhase(start, tone: tone))
        let v = tone.driftRate == 0 ? Complex.one : Complex.unit(phase: 2 * Double.pi * tone.driftRate * dt * dt)
        var re = SIMD8<Float>(), im = SIMD8<Float>(), stepRe = SIMD8<Float>(), stepIm = SIMD8<Float>()
        var eightSteps = Complex.one  // w(n)·…·w(n+7): lane 0's advance per block
        for lane in 0..<8 {
            re[lane] = Float(z.re)
            im[lane] = Float(z.im)
            eightSteps = eightSteps * w
            z = z * w
            w = w * v
        }
        let v8 = v.squared.squared.squared  // lane k+1 advances by v⁸ more than lane k
        var laneStep = eightSteps
        for lane in 0..<8 {
            stepRe[lane] = Float(laneStep.re)
            stepIm[lane] = Float(laneStep.im)
            laneStep = laneStep * v8
        }
        let turn = v8.squared.squared.squared  // every lane's advance turns by v⁶⁴ per block
        let turnRe = Float(turn.re), turnIm = Float(turn.im)
        let drifting = tone.driftRate != 0
        let blocks = count / 8
        let raw = UnsafeMutableRawPointer(out)
        for block in 0..<blocks {
            raw.storeBytes(of: im, toByteOffset: block * 32, as: SIMD8<Float>.self)
            let nextRe = re * stepRe - im * stepIm
            im = re * stepIm + im * stepRe
            re = nextRe
            if drifting {
                let nextStepRe = stepRe * turnRe - stepIm * turnIm
                stepIm = stepRe * turnIm + stepIm * turnRe
                stepRe = nextStepRe
            }
        }
        for lane in 0..<(count - blocks * 8) { out[blocks * 8 + lane] = im[lane] }
    }
}

/// An edge shape sampled finely for linear interpolation (error far below 16-bit resolution).
struct EdgeTable: Sendable {
    let values: [Float]
    let scale: Double

    init(shape: EnvelopeShape, count: Int = 2048) {
        values = shape.table(count: count)
        scale = Double(count)
    }

    static let raisedCosine = EdgeTable(shape: .raisedCosine)
    static let blackmanHarris = EdgeTable(shape: .blackmanHarris)

    static func table(for shape: EnvelopeShape) -> EdgeTable {
        switch shape {
        case .raisedCosine: raisedCosine
        case .blackmanHarris: blackmanHarris
        }
    }

    /// Edge value at `x` in [0, 1] (clamped).
    @inline(__always)
    func value(_ x: Double) -> Float {
        let position = min(max(x, 0), 1) * scale
        let index = min(Int(position), values.count - 2)
        let fraction = Float(position - Double(index))
        return values.withUnsafeBufferPointer { table in
            table[index] + (table[index + 1] - table[index]) * fraction
        }
    }
}
