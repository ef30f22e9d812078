import Foundation

/// Quadrature demodulation at the tone: mixes the clip down to 0 Hz, low-passes the in-phase and
/// quadrature parts with two centred boxcars, and returns the magnitude (the keying envelope).
///
/// The first boxcar runs at the full rate by prefix sums, the second on the decimated values; both
/// are centred, so the envelope has no delay and a mark's 50 % points stay where they were keyed.
/// The cascade is a triangular low-pass about `1 / window` Hz wide.
struct Demodulator {
    /// Samples per second of the input.
    let sampleRate: Double
    /// Input samples per envelope sample.
    let decimation: Int

    init(sampleRate: Double) {
        self.sampleRate = sampleRate
        decimation = max(1, Int((sampleRate / 1000).rounded()))
    }

    /// Envelope samples per second.
    var envelopeRate: Double { sampleRate / Double(decimation) }

    /// The clip mixed down to 0 Hz, as prefix sums of its in-phase and quadrature parts, so that
    /// envelopes with several filter widths come from one mix.
    struct Baseband {
        var prefixI: [Double]
        var prefixQ: [Double]
        var count: Int { prefixI.count - 1 }
    }

    /// Mixes `samples` down from `tone` Hz at time 0, drifting by `driftRate` Hz per second.
    func baseband(_ samples: [Float], tone: Double, driftRate: Double) -> Baseband {
        var prefixI = [Double](repeating: 0, count: samples.count + 1)
        var prefixQ = [Double](repeating: 0, count: samples.count + 1)
        samples.withUnsafeBufferPointer { x in
            prefixI.withUnsafeMutableBufferPointer { pi in
                prefixQ.withUnsafeMutableBufferPointer { pq in
                    mix(x, tone: tone, driftRate: driftRate, prefixI: pi, prefixQ: pq)
                }
            }
        }
        return Baseband(prefixI: prefixI, prefixQ: prefixQ)
    }

    /// The envelope (peak amplitude, full scale 1) at ``envelopeRate``; sample `j` is at time
    /// `j / envelopeRate` seconds.
    /// - Parameter window: Length of each boxcar in seconds.
    func envelope(_ baseband: Baseband, window: Double) -> [Float] {
        let n = baseband.count
        let outputs = n / decimation
        guard outputs > 0 else { return [] }
        let prefixI = baseband.prefixI, prefixQ = baseband.prefixQ
        let half = max(1, Int(window * sampleRate / 2))
        var i = [Double](repeating: 0, count: outputs)
        var q = [Double](repeating: 0, count: outputs)
        for j in 0..<outputs {
            let centre = j * decimation
            let lo = max(0, centre - half), hi = min(n, centre + half + 1)
            let scale = 1 / Double(hi - lo)
            i[j] = (prefixI[hi] - prefixI[lo]) * scale
            q[j] = (prefixQ[hi] - prefixQ[lo]) * scale
        }
        let taps = max(0, Int((window * envelopeRate / 2).rounded()))
        var envelope = [Float](repeating: 0, count: outputs)
        var sumI = 0.0, sumQ = 0.0
        // Running centred sums over [j - taps, j + taps].
        for k in 0..<min(outputs, taps) { sumI += i[k]; sumQ += q[k] }
        for j in 0..<outputs {
            let add = j + taps, drop = j - taps - 1
            if add < outputs { sumI += i[add]; sumQ += q[add] }
            if drop >= 0 { sumI -= i[drop]; sumQ -= q[drop] }
            let count = Double(min(outputs - 1, j + taps) - max(0, j - taps) + 1)
            envelope[j] = Float(2 * (sumI * sumI + sumQ * sumQ).squareRoot() / count)
        }
        return envelope
    }

    /// Prefix sums of x·cos φ and x·sin φ, with φ advanced by a rotating unit phasor.
    private func mix(
        _ x: UnsafeBufferPointer<Float>, tone: Double, driftRate: Double,
        prefixI: UnsafeMutableBufferPointer<Double>, prefixQ: UnsafeMutableBufferPointer<Double>
    ) {
        let dt = 1 / sampleRate
        var re = 1.0, im = 0.0
        var step = 2 * Double.pi * tone * dt
        var stepRe = cos(step), stepIm = sin(step)
        var sumI = 0.0, sumQ = 0.0
        for index in 0..<x.count {
            let value = Double(x[index])
            sumI += value * re
            sumQ -= value * im
            prefixI[index + 1] = sumI
            prefixQ[index + 1] = sumQ
            let r = re * stepRe - im * stepIm
            im = re * stepIm + im * stepRe
            re = r
            if index & 1023 == 1023 {
                // Renormalise the phasor and apply drift in blocks (exact enough below 1 kHz/s).
                let magnitude = (re * re + im * im).squareRoot()
                re /= magnitude
                im /= magnitude
                if driftRate != 0 {
                    step = 2 * Double.pi * (tone + driftRate * Double(index + 1) * dt) * dt
                    stepRe = cos(step)
                    stepIm = sin(step)
                }
            }
        }
    }
}
