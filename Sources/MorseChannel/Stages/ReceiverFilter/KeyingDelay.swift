import MorseSignal

/// How late a keyed carrier's envelope crosses half its steady level after the receiver filter,
/// against the same crossing before it (where the timeline's mark edges are: see ``EnvelopeShape``).
///
/// A band-pass filter delays the envelope of a tone by about its group delay at that tone
/// (≈ 2.5 ms for the 250 Hz CW filter, ≈ 1.3 ms for 500 Hz), and a narrow one also reshapes the
/// edges, so the key-down and key-up crossings move by slightly different amounts. The clip's
/// character and word times are moved by these, so labels fall on the delivered audio's 50 %
/// envelope points (the AGC and the limiter act on levels, not times, and add no delay).
public struct KeyingDelay: Hashable, Sendable {
    /// Seconds the rising 50 % point moves later.
    public var onset: Double
    /// Seconds the falling 50 % point moves later.
    public var release: Double

    public init(onset: Double, release: Double) {
        self.onset = onset
        self.release = release
    }

    /// No delay (a noise-only clip, or no filter).
    public static let zero = KeyingDelay(onset: 0, release: 0)
}

/// A long mark's envelope after the receiver filter, simulated: what the delays are read from.
struct FilteredMark {
    /// Output envelope samples, the input's steady level being 1.
    let envelope: [Double]
    let sampleRate: Double
    /// Input times in seconds of the rising and falling 50 % points.
    let keyDown: Double, keyUp: Double
    /// The output's steady level (just before the falling edge).
    let steady: Double

    /// The envelope `offset` seconds after the input's rising (or falling) 50 % point, interpolated.
    ///
    /// Inlined: label times evaluate it some 10⁴ times a clip, searching for each edge's crossing.
    @inline(__always)
    func value(after offset: Double, rising: Bool) -> Double {
        let position = ((rising ? keyDown : keyUp) + offset) * sampleRate
        guard position > 0 else { return 0 }
        // Truncation is the floor here (position > 0), without a call to the library's floor.
        let n = Int(position)
        guard n + 1 < envelope.count else { return envelope.last ?? 0 }
        let fraction = position - Double(n)
        return envelope[n] * (1 - fraction) + envelope[n + 1] * fraction
    }
}

extension ReceiverFilter {
    /// A mark keyed at `tone` Hz with edges of `riseTime` seconds and `shape`, filtered.
    ///
    /// The mark is filtered as a complex carrier (its cosine and sine parts, the filter being real
    /// and linear), so the output envelope is exact with no detector of its own to add delay. The
    /// mark is held 60 ms, long enough for the narrowest filter's ringing to die out, so its
    /// steady level is the one the 50 % points are taken from.
    func filteredMark(tone: Double, riseTime: Double, shape: EnvelopeShape) -> FilteredMark {
        let rise = max(riseTime, 1 / sampleRate)
        let keyDown = rise / 2 + 0.004
        let keyUp = keyDown + 0.060
        let count = Int(((keyUp + rise / 2 + 0.040) * sampleRate).rounded(.up))
        let omega = 2 * Double.pi * tone / sampleRate
        var inPhase = [Float](repeating: 0, count: count), quadrature = [Float](repeating: 0, count: count)
        // The shape is flat outside its edge (it clamps its argument to 0…1), and most samples lie
        // there: its two end values are worked out once.
        let before = shape.value(at: 0), after = shape.value(at: 1)
        func edge(_ x: Double) -> Double { x <= 0 ? before : x >= 1 ? after : shape.value(at: x) }
        for n in 0..<count {
            let t = Double(n) / sampleRate
            let envelope = edge((t - keyDown + rise / 2) / rise) - edge((t - keyUp + rise / 2) / rise)
            // Before and after the mark the envelope is exactly 0: the arrays already hold 0 there,
            // which spares a third of the cosines and sines (the filter and the magnitude below
            // give the same values for +0 as for the -0 a negative cosine would have made).
            guard envelope != 0 else { continue }
            inPhase[n] = Float(envelope * Double.cos(omega * Double(n)))
            quadrature[n] = Float(envelope * Double.sin(omega * Double(n)))
        }
        inPhase.withUnsafeMutableBufferPointer { process($0) }
        quadrature.withUnsafeMutableBufferPointer { process($0) }
        let envelope = (0..<count).map {
            Double(inPhase[$0] * inPhase[$0] + quadrature[$0] * quadrature[$0]).squareRoot()
        }
        let steady = envelope[max(0, min(count - 1, Int(((keyUp - rise / 2) * sampleRate).rounded(.down)) - 1))]
        return FilteredMark(envelope: envelope, sampleRate: sampleRate, keyDown: keyDown, keyUp: keyUp, steady: steady)
    }

    /// The delays of the 50 % envelope points of a long mark keyed at `tone` Hz with edges of
    /// `riseTime` seconds and `shape`, through this filter alone (no AGC).
    public func keyingDelay(tone: Double, riseTime: Double, shape: EnvelopeShape) -> KeyingDelay {
        keyingDelay(of: filteredMark(tone: tone, riseTime: riseTime, shape: shape), riseTime: riseTime)
    }

    /// The delays read from `mark`, a ``filteredMark(tone:riseTime:shape:)`` of this filter with
    /// edges of `riseTime` seconds (so a caller that needs the mark too simulates it once).
    func keyingDelay(of mark: FilteredMark, riseTime: Double) -> KeyingDelay {
        let rise = max(riseTime, 1 / sampleRate)
        let half = mark.steady / 2
        func crossing(_ rising: Bool) -> Double? {
            EdgeSearch.crossing(
                from: -rise / 2 - 0.002, to: rise / 2 + 0.010, step: 1 / sampleRate, level: half, rising: rising
            ) {
                mark.value(after: $0, rising: rising)
            }
        }
        guard mark.steady > 0, let up = crossing(true), let down = crossing(false) else { return .zero }
        return KeyingDelay(onset: up, release: down)
    }
}

/// Finds where a sampled curve first crosses a level.
enum EdgeSearch {
    /// The first `t` in `from … to` (in steps of `step`) where `curve` crosses `level` upwards
    /// (`rising`) or downwards, interpolated linearly between steps; nil if it never does.
    static func crossing(
        from: Double, to: Double, step: Double, level: Double, rising: Bool, _ curve: (Double) -> Double
    ) -> Double? {
        var t = from, previous = curve(from)
        while t < to {
            let next = curve(t + step)
            if rising ? (previous < level && next >= level) : (previous >= level && next < level) {
                return t + step * (level - previous) / (next - previous)
            }
            previous = next
            t += step
        }
        return nil
    }
}
