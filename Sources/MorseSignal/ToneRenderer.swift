import MorseCode

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

        // Chirp needs the exact phase while its offset is large; the recurrence takes over after.
        var n = first
        if tone.chirpOffset != 0 {
            let chirpEnd = min(last, Int(((keyDown + 8 * tone.chirpTimeConstant) * sampleRate).rounded(.down)))
            let k = 2 * Double.pi * tone.chirpOffset * tone.chirpTimeConstant
            while n <= chirpEnd {
                let t = Double(n) * dt
                let phase = basePhase(t, tone: tone) + k * (1 - exp(-(t - keyDown) / tone.chirpTimeConstant))
                buffer[n] += amplitude * envelope(t) * Float(sin(phase))
                n += 1
            }
            guard n <= last else { return }
        }
        let chirpPhase = tone.chirpOffset == 0
            ? 0 : 2 * Double.pi * tone.chirpOffset * tone.chirpTimeConstant
                * (1 - exp(-(Double(n) * dt - keyDown) / tone.chirpTimeConstant))
        var oscillator = Oscillator(
            phase: basePhase(Double(n) * dt, tone: tone) + chirpPhase,
            step: basePhase(Double(n + 1) * dt, tone: tone) - basePhase(Double(n) * dt, tone: tone),
            stepRotation: 2 * Double.pi * tone.driftRate * dt * dt)
        let flatFirst = max(n, Int((riseEnd * sampleRate).rounded(.up)))
        let flatLast = min(last, Int((fallStart * sampleRate).rounded(.down)))
        while n < flatFirst && n <= last {
            buffer[n] += amplitude * envelope(Double(n) * dt) * oscillator.next()
            n += 1
        }
        while n <= flatLast {
            buffer[n] += amplitude * oscillator.next()
            n += 1
        }
        while n <= last {
            buffer[n] += amplitude * envelope(Double(n) * dt) * oscillator.next()
            n += 1
        }
    }
}

/// sin(φ(n)) for a phase whose increment grows linearly, by rotating unit phasors.
struct Oscillator {
    var re: Double, im: Double
    var stepRe: Double, stepIm: Double
    let rotRe: Double, rotIm: Double

    init(phase: Double, step: Double, stepRotation: Double) {
        re = cos(phase); im = sin(phase)
        stepRe = cos(step); stepIm = sin(step)
        rotRe = cos(stepRotation); rotIm = sin(stepRotation)
    }

    @inline(__always)
    mutating func next() -> Float {
        let value = Float(im)
        let r = re * stepRe - im * stepIm
        im = re * stepIm + im * stepRe
        re = r
        let s = stepRe * rotRe - stepIm * rotIm
        stepIm = stepRe * rotIm + stepIm * rotRe
        stepRe = s
        return value
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
