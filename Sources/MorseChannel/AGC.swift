/// Attack and release of the receiver's automatic gain control.
public struct AGCParameters: Hashable, Sendable, Codable {
    /// Time constant in seconds with which the gain falls when the level rises.
    public var attack: Double
    /// Time constant in seconds with which the gain recovers when the level falls.
    public var release: Double

    public init(attack: Double = 0.01, release: Double = 0.5) {
        self.attack = attack
        self.release = release
    }

    /// The reference receiver's AGC: 10 ms attack, 500 ms release.
    public static let standard = AGCParameters()
}

/// A peak-detecting AGC: a one-pole envelope follower with separate attack and release, run on
/// 1 ms block peaks, whose gain `target / envelope` is interpolated sample by sample.
///
/// A static crash drives the envelope up within the attack time, so the gain drops and the band
/// goes quiet, then comes back over the release time: the pumping a real receiver makes.
struct AutomaticGainControl: Sendable {
    let parameters: AGCParameters
    let sampleRate: Double
    /// The envelope (block peak) level the AGC holds, full scale 1.
    static let target: Float = 0.5
    /// Largest AGC gain (+20 dB over the receiver's fixed gain).
    static let maximumGain: Float = 10

    var blockLength: Int { max(1, Int((sampleRate / 1000).rounded())) }

    /// Multiplies `count` samples by `inputGain` and the AGC gain, in place. The first `settle`
    /// samples (the pre-roll) set the detector's starting level. Returns the smallest and largest
    /// AGC gain used after `settle`, in dB.
    func process(
        _ x: UnsafeMutablePointer<Float>, count: Int, inputGain: Float, settle: Int
    ) -> (minimum: Double, maximum: Double) {
        let length = blockLength
        let attackCoefficient = Float(1 - exp(-Double(length) / (max(parameters.attack, 1e-5) * sampleRate)))
        let releaseCoefficient = Float(1 - exp(-Double(length) / (max(parameters.release, 1e-5) * sampleRate)))
        let floor = Self.target / Self.maximumGain
        // Starting level: the mean block peak over the pre-roll.
        var envelope: Float = 0
        let settleBlocks = max(1, min(settle, count) / length)
        for b in 0..<settleBlocks {
            var peak: Float = 0
            for n in (b * length)..<min(count, (b + 1) * length) { peak = max(peak, abs(x[n])) }
            envelope += peak * inputGain
        }
        envelope = max(envelope / Float(settleBlocks), floor)
        var gain = Self.target / envelope
        var smallest = Float.greatestFiniteMagnitude, largest: Float = 0
        var start = 0
        let step = 1 / Float(length)
        while start < count {
            let end = min(count, start + length)
            var peak: Float = 0
            for n in start..<end { peak = max(peak, abs(x[n])) }
            peak *= inputGain
            envelope += (peak > envelope ? attackCoefficient : releaseCoefficient) * (peak - envelope)
            let newGain = Self.target / max(envelope, floor)
            let slope = (newGain - gain) * step
            for n in start..<end {
                x[n] *= inputGain * (gain + slope * Float(n - start + 1))
            }
            gain = newGain
            if start >= settle {
                smallest = min(smallest, gain)
                largest = max(largest, gain)
            }
            start = end
        }
        guard largest > 0 else { return (0, 0) }
        return (Double(20 * log10(smallest)), Double(20 * log10(largest)))
    }
}

/// The output limiter: linear below a knee at 70 % of the ceiling, then a smooth curve that
/// approaches the ceiling and never reaches it, so no sample's magnitude exceeds the ceiling.
struct OutputLimiter: Sendable {
    /// Largest output magnitude (full scale 1).
    let ceiling: Float

    var knee: Float { 0.7 * ceiling }

    /// Limits `count` samples in place; returns how many were above the knee and the largest
    /// input magnitude.
    func process(_ x: UnsafeMutablePointer<Float>, count: Int) -> (limited: Int, inputPeak: Float) {
        let knee = self.knee, room = ceiling - knee
        var limited = 0
        var peak: Float = 0
        for n in 0..<count {
            let value = x[n]
            let magnitude = abs(value)
            peak = max(peak, magnitude)
            if magnitude > knee {
                limited += 1
                let t = (magnitude - knee) / room
                let shaped = knee + room * t / (1 + t)
                x[n] = value < 0 ? -shaped : shaped
            }
        }
        return (limited, peak)
    }
}
