/// How a keyed carrier sounds: its pitch, level, keying edges and frequency behaviour.
public struct ToneParameters: Hashable, Sendable, Codable {
    /// Tone frequency in Hz at the start of the clip.
    public var frequency: Double
    /// Peak amplitude (full scale is 1).
    public var amplitude: Double
    /// Rise (and fall) time of the keying envelope in seconds, from 0 % to 100 % (0.001...0.010).
    public var riseTime: Double
    /// Shape of the keying edges.
    public var shape: EnvelopeShape
    /// Chirp: frequency offset in Hz at key-down, decaying exponentially (0 = none).
    public var chirpOffset: Double
    /// Time constant of the chirp's decay in seconds.
    public var chirpTimeConstant: Double
    /// Slow frequency drift in Hz per second (linear over the clip).
    public var driftRate: Double
    /// Carrier phase in radians at time zero.
    public var phase: Double

    public init(
        frequency: Double = 700, amplitude: Double = 0.5, riseTime: Double = 0.005,
        shape: EnvelopeShape = .raisedCosine, chirpOffset: Double = 0, chirpTimeConstant: Double = 0.005,
        driftRate: Double = 0, phase: Double = 0
    ) {
        self.frequency = frequency
        self.amplitude = amplitude
        self.riseTime = riseTime
        self.shape = shape
        self.chirpOffset = chirpOffset
        self.chirpTimeConstant = chirpTimeConstant
        self.driftRate = driftRate
        self.phase = phase
    }

    public static let riseTimeRange: ClosedRange<Double> = 0.001...0.010

    /// The parameters themselves, or an error naming the value out of range for `sampleRate`.
    public func validated(sampleRate: Double) throws(ToneError) -> ToneParameters {
        guard sampleRate >= 1000 else { throw .sampleRate(sampleRate) }
        let nyquist = sampleRate / 2
        guard frequency > 0, frequency + abs(chirpOffset) < nyquist else {
            throw .frequency(frequency, nyquist: nyquist)
        }
        guard Self.riseTimeRange.contains(riseTime) else { throw .riseTime(riseTime) }
        guard amplitude >= 0, amplitude <= 1 else { throw .amplitude(amplitude) }
        return self
    }
}

/// Why tone parameters cannot be rendered.
public enum ToneError: Error, Equatable, CustomStringConvertible {
    case frequency(Double, nyquist: Double)
    case riseTime(Double)
    case amplitude(Double)
    case sampleRate(Double)

    public var description: String {
        switch self {
        case let .frequency(value, nyquist):
            "tone frequency \(value) Hz must be above 0 and, with any chirp, below half the sample rate (\(nyquist) Hz)"
        case let .riseTime(value):
            "rise time \(value * 1000) ms is out of range; use 1 to 10 ms"
        case let .amplitude(value):
            "amplitude \(value) is out of range; use 0 to 1 (full scale)"
        case let .sampleRate(value):
            "sample rate \(value) Hz is too low; use at least 1000 Hz (16000 for Whisper)"
        }
    }
}
