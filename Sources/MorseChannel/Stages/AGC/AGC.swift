import MorseSignal
import RealModule

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

/// A peak-detecting AGC: a one-pole envelope follower on the logarithm of 2 ms block peaks, with
/// separate attack and release time constants; its gain `target / envelope` is interpolated
/// sample by sample.
///
/// Working in decibels, the gain closes a fraction `1 − e^{−t/τ}` of any level step in time t,
/// whatever the step's size: a static crash 30 dB up is caught to within ~1 dB in 3 attack times,
/// after which the band goes quiet and comes back over a few release times — the pumping a real
/// receiver makes.
struct AutomaticGainControl: Sendable {
    let parameters: AGCParameters
    let sampleRate: Double
    /// The envelope (block peak) level the AGC holds, full scale 1.
    static let target: Float = 0.5
    /// Largest AGC gain (+20 dB over the receiver's fixed gain).
    static let maximumGain: Float = 10

    /// Samples per detector block (2 ms).
    var blockLength: Int { max(1, Int((sampleRate / 500).rounded())) }

    /// Floats of work space ``process(_:count:inputGain:settle:work:)`` needs for `count` samples.
    func workSize(count: Int) -> Int { 2 * (count / blockLength + 2) }

    /// Multiplies `count` samples by `inputGain` and the AGC gain, in place. The first `settle`
    /// samples (the pre-roll) set the detector's starting level. Returns the smallest and largest
    /// AGC gain used after `settle`, in dB.
    ///
    /// Stages, each a simple loop: block peaks → log levels → the envelope recursion (the only
    /// serial part, one multiply-add per block) → gains → gains applied with linear ramps.
    func process(
        _ x: UnsafeMutablePointer<Float>, count: Int, inputGain: Float, settle: Int, work: UnsafeMutablePointer<Float>
    ) -> (minimum: Double, maximum: Double) {
        let length = blockLength
        let attackCoefficient = Float(1 - Double.exp(-Double(length) / (max(parameters.attack, 1e-5) * sampleRate)))
        let releaseCoefficient = Float(1 - Double.exp(-Double(length) / (max(parameters.release, 1e-5) * sampleRate)))
        // Levels in log2 units.
        let floor = VectorMath.log2(Self.target / Self.maximumGain), target = VectorMath.log2(Self.target)
        let logGain = VectorMath.log2(max(inputGain, 1e-30))
        let blocks = (count + length - 1) / length
        guard blocks > 0 else { return (0, 0) }
        let levels = work, gains = work + blocks + 1
        for b in 0..<blocks { levels[b] = Self.peak(x, from: b * length, to: min(count, (b + 1) * length)) }
        // Peaks to levels, four blocks at a time (the same operations as the scalar tail).
        var b4 = 0
        while b4 + 4 <= blocks {
            let raw = UnsafeMutableRawPointer(levels + b4)
            let peaks = raw.loadUnaligned(as: SIMD4<Float>.self)
            var level = VectorMath.log2(peaks.replacing(with: 1e-30, where: peaks .< 1e-30)) + logGain
            level.replace(with: floor, where: level .< floor)
            raw.storeBytes(of: level, as: SIMD4<Float>.self)
            b4 += 4
        }
        for b in b4..<blocks { levels[b] = max(VectorMath.log2(max(levels[b], 1e-30)) + logGain, floor) }
        let settleBlocks = max(1, min(settle / length, blocks))
        var envelope: Float = 0
        for b in 0..<settleBlocks { envelope += levels[b] }
        envelope /= Float(settleBlocks)
        let initial = VectorMath.exp2(target - envelope)
        // Rises follow the attack, falls the release; the coefficient is chosen by the sign bit
        // (a compare-and-branch here mispredicts on every noisy block).
        let attackBits = attackCoefficient.bitPattern, switchBits = attackBits ^ releaseCoefficient.bitPattern
        for b in 0..<blocks {
            let difference = levels[b] - envelope
            let negative = UInt32(bitPattern: Int32(bitPattern: difference.bitPattern) >> 31)
            envelope += Float(bitPattern: attackBits ^ (switchBits & negative)) * difference
            levels[b] = envelope
        }
        for b in 0..<blocks { gains[b] = VectorMath.exp2(target - levels[b]) }
        var smallest = Float.greatestFiniteMagnitude, largest: Float = 0
        let step = 1 / Float(length)
        VectorMath.ramp.withUnsafeBufferPointer { ramp in
            var previous = initial
            for b in 0..<blocks {
                let start = b * length, end = min(count, start + length)
                let gain = gains[b]
                // Gain ramps linearly from the last block's value to this one's.
                let g0 = inputGain * (previous + (gain - previous) * step), slope = inputGain * (gain - previous) * step
                let block = x + start
                for i in 0..<(end - start) {
                    block[i] *= g0 + slope * ramp[i]
                }
                previous = gain
                if start >= settle {
                    smallest = min(smallest, gain)
                    largest = max(largest, gain)
                }
            }
        }
        guard largest > 0 else { return (0, 0) }
        return (Double(20 * Float.log10(smallest)), Double(20 * Float.log10(largest)))
    }
}

extension AutomaticGainControl {
    /// Largest magnitude in `x[from..<to]`.
    @inline(__always)
    static func peak(_ x: UnsafeMutablePointer<Float>, from start: Int, to end: Int) -> Float {
        var wide = SIMD8<Float>()
        var n = start
        while n + 8 <= end {
            let v = VectorMath.abs(VectorMath.load8(x + n))
            wide.replace(with: v, where: v .> wide)
            n += 8
        }
        let half = wide.lowHalf.replacing(with: wide.highHalf, where: wide.highHalf .> wide.lowHalf)
        var peak = max(max(half[0], half[1]), max(half[2], half[3]))
        while n < end {
            peak = max(peak, abs(x[n]))
            n += 1
        }
        return peak
    }
}
