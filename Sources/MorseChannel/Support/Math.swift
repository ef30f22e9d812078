import RealModule

/// Decibels of a power ratio.
@inline(__always) func powerDB(_ ratio: Double) -> Double { 10 * Double.log10(ratio) }
/// Power ratio of decibels.
@inline(__always) func powerRatio(dB: Double) -> Double { Double.pow(10, dB / 10) }
/// Amplitude ratio of decibels.
@inline(__always) func amplitudeRatio(dB: Double) -> Double { Double.pow(10, dB / 20) }
