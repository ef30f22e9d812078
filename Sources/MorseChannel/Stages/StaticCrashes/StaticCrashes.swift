import MorseSignal
import RealModule

/// QRN: static crashes from distant lightning, added to the band before the receiver filter.
///
/// Crashes arrive as a Poisson process at ``rate`` per second. Each is either a cluster of
/// clicks (impulses of 0.3–1.5 ms that make narrow filters ring) or a burst of 1–5 overlapping
/// noise bursts with a 1–3 ms rise and a 15–150 ms exponential decay. Every click or burst is
/// broadband noise (Gaussian once filtered; see ``UniformSumNoise``) under its envelope; the
/// envelope's peak is up to ``strength`` dB above the band noise's density (the strongest
/// crashes reach it, others are up to 9 dB weaker), so in any band a crash at its peak stands
/// that far above the noise.
struct StaticCrashes: Sendable {
    /// Crashes per second.
    let rate: Double
    /// Peak of the strongest crashes in dB above the band noise density.
    let strength: Double
    /// Standard deviation of white noise with the band noise's density (reference for strength).
    let noiseSigma: Double
    let sampleRate: Double

    /// Adds the crashes to `count` samples at `buffer`; returns how many began at or after
    /// `countFrom` seconds (the clip's start after any pre-roll).
    func add(into buffer: UnsafeMutablePointer<Float>, count: Int, countFrom: Double = 0, random: inout FastRandom)
        -> Int
    {
        guard rate > 0, count > 0 else { return 0 }
        let duration = Double(count) / sampleRate
        var crashes = 0
        // Start half a second early so a crash can already be decaying at the first sample.
        var time = -0.5 + exponential(mean: 1 / rate, random: &random)
        while time < duration {
            if time >= countFrom { crashes += 1 }
            let peak = noiseSigma * amplitudeRatio(dB: strength - 9 * random.unit())
            if random.unit() < 0.4 {
                let clicks = 1 + Int(random.unit() * 4)
                var t = time
                for _ in 0..<clicks {
                    addBurst(
                        at: t, peak: peak * (0.4 + 0.6 * random.unit()), rise: 0.0001,
                        decay: random.uniform(0.0003...0.0015), into: buffer, count: count, random: &random)
                    t += random.uniform(0.002...0.030)
                }
            } else {
                let bursts = 1 + Int(random.unit() * 5)
                let decay = Double.exp(random.uniform(Double.log(0.015)...Double.log(0.150)))
                var t = time
                for index in 0..<bursts {
                    let level = index == 0 ? 1 : 0.3 + 0.7 * random.unit()
                    addBurst(
                        at: t, peak: peak * level, rise: random.uniform(0.001...0.003),
                        decay: decay * random.uniform(0.5...1.5), into: buffer, count: count, random: &random)
                    t += decay * random.uniform(0.3...1.5)
                }
            }
            time += exponential(mean: 1 / rate, random: &random)
        }
        return crashes
    }

    /// One burst: Gaussian noise under `peak·(1 − e^{−t/rise})·e^{−t/decay}`, normalised to peak.
    private func addBurst(
        at start: Double, peak: Double, rise: Double, decay: Double,
        into buffer: UnsafeMutablePointer<Float>, count: Int, random: inout FastRandom
    ) {
        let first = Int((start * sampleRate).rounded(.up))
        // Until the envelope is 26 dB below the band noise (or 60 dB below its peak).
        let span = Double.log(min(max(peak / (0.05 * noiseSigma), 2), 1000))
        let length = Int((decay * span * sampleRate).rounded(.up)) + Int(rise * sampleRate * 5)
        let begin = max(0, first), end = min(count, first + length)
        guard begin < end else { return }
        // Normalise the envelope's maximum to 1: t* = rise·ln(1 + decay/rise).
        let tPeak = rise * Double.log(1 + decay / rise)
        let envelopeMax = (1 - Double.exp(-tPeak / rise)) * Double.exp(-tPeak / decay)
        let riseStep = Float(Double.exp(-1 / (rise * sampleRate)))
        let decayStep = Float(Double.exp(-1 / (decay * sampleRate)))
        let offset = Double(begin - first)
        var riseTerm = Float(Double.exp(-offset / (rise * sampleRate)))
        var decayTerm = Float(peak / envelopeMax * Double.exp(-offset / (decay * sampleRate)))
        var source = UniformSumNoise(seededFrom: &random)
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 256) { scratch in
            guard let noise = scratch.baseAddress else { return }
            var n = begin
            // Once `1 − riseTerm` rounds to exactly 1 it stays 1 (riseTerm only falls), so the
            // rise factor is dropped from then on: the same samples, bit for bit, without running
            // riseTerm down through the subnormal floats, whose multiplies cost a microcode assist
            // each (most of this stage's time on long bursts before this split).
            var rising = true
            while n < end {
                let chunk = min(256, end - n)
                source.fill(scale: 1, into: noise, count: chunk)
                var i = 0
                if rising {
                    while i < chunk && 1 - riseTerm != 1 {
                        buffer[n + i] += (1 - riseTerm) * decayTerm * noise[i]
                        riseTerm *= riseStep
                        decayTerm *= decayStep
                        i += 1
                    }
                    rising = i == chunk
                }
                while i < chunk {
                    buffer[n + i] += decayTerm * noise[i]
                    decayTerm *= decayStep
                    i += 1
                }
                n += chunk
            }
        }
    }

    private func exponential(mean: Double, random: inout FastRandom) -> Double {
        -Double.log(1 - random.unit()) * mean
    }
}
