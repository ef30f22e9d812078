import MorseSignal

/// What the chain did to one clip: the SNR in both reference bandwidths and cheap measurements.
///
/// Each field is written by one stage's `record(_:into:)` (see ``ChannelStage``); the field order
/// here is the JSON contract of the dataset's metadata.
public struct ChannelReport: Hashable, Sendable, Codable {
    /// Requested SNR in dB: carrier over noise power in 500 Hz centred on the tone.
    public var snr500: Double
    /// The same carrier over the noise power in 2500 Hz (for white noise, `snr500 − 6.99` dB).
    public var snr2500: Double
    /// Frequency in Hz the CW filter and the SNR bands are centred on.
    public var centreFrequency: Double
    /// The receiver filter's −3 dB edges in Hz.
    public var filterLow: Double
    public var filterHigh: Double
    /// Wanted (or reference) carrier amplitude at the antenna, full scale 1.
    public var carrierAmplitude: Double
    /// Noise power at the antenna in the 500 Hz reference band.
    public var noisePower500: Double
    /// The receiver's fixed gain before the AGC, in dB.
    public var receiverGain: Double
    /// Smallest and largest AGC gain over the clip in dB (0 when the AGC is off).
    public var agcGainMin: Double
    public var agcGainMax: Double
    /// Static crashes that began within the clip.
    public var crashCount: Int
    /// Largest output magnitude.
    public var outputPeak: Double
    /// Fraction of output samples the limiter shaped (above its knee).
    public var limitedFraction: Double

    /// A report of zeros, for the stages to fill in.
    public init() {
        self.init(
            snr500: 0, snr2500: 0, centreFrequency: 0, filterLow: 0, filterHigh: 0, carrierAmplitude: 0,
            noisePower500: 0, receiverGain: 0, agcGainMin: 0, agcGainMax: 0, crashCount: 0, outputPeak: 0,
            limitedFraction: 0)
    }

    public init(
        snr500: Double, snr2500: Double, centreFrequency: Double, filterLow: Double, filterHigh: Double,
        carrierAmplitude: Double, noisePower500: Double, receiverGain: Double, agcGainMin: Double,
        agcGainMax: Double, crashCount: Int, outputPeak: Double, limitedFraction: Double
    ) {
        self.snr500 = snr500
        self.snr2500 = snr2500
        self.centreFrequency = centreFrequency
        self.filterLow = filterLow
        self.filterHigh = filterHigh
        self.carrierAmplitude = carrierAmplitude
        self.noisePower500 = noisePower500
        self.receiverGain = receiverGain
        self.agcGainMin = agcGainMin
        self.agcGainMax = agcGainMax
        self.crashCount = crashCount
        self.outputPeak = outputPeak
        self.limitedFraction = limitedFraction
    }
}
