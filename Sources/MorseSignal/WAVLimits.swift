/// What a WAV file's header may declare before we believe it enough to allocate for its samples.
///
/// A header is 44 bytes that anyone can write: a sample rate of 0 or 4,294,967,295 Hz, a data
/// chunk of 4 GB in a 100-byte file. Every reader checks the header against these limits and
/// against the file's size first, so memory is bounded by ``maximumSamples`` whatever the header says.
public struct WAVLimits: Sendable, Hashable {
    /// Sample rates in Hz we read: telephone audio to the highest studio rate.
    public var sampleRates: ClosedRange<Int> = 1_000...384_000
    /// Interleaved channels.
    public var channels: ClosedRange<Int> = 1...8
    /// The longest file we decode, in seconds (our clips are at most 600 s).
    public var maximumDuration: Double = 3_600
    /// The most samples (all channels) we decode: 2²⁶, 256 MiB as Float; one hour at 16 kHz mono.
    public var maximumSamples: Int = 1 << 26

    public init() {}

    /// The limits every reader uses unless told otherwise.
    public static let standard = WAVLimits()

    /// Bytes of a file read to find the `fmt ` and `data` chunks; the data must start within them.
    public static let headerBytes = 16_384

    /// Whether the format fields could describe real audio (any encoding; see ``WAVDecoder`` for the
    /// ones we decode).
    public func checkPlausible(_ layout: WAVLayout) throws(WAVError) {
        guard sampleRates.contains(layout.sampleRate) else {
            throw .outOfLimits(
                field: "sample rate", value: "\(layout.sampleRate) Hz",
                allowed: "\(sampleRates.lowerBound) to \(sampleRates.upperBound) Hz")
        }
        guard channels.contains(layout.channels) else {
            throw .outOfLimits(
                field: "channel count", value: "\(layout.channels)",
                allowed: "\(channels.lowerBound) to \(channels.upperBound)")
        }
        guard (8...64).contains(layout.bitsPerSample), layout.bitsPerSample % 8 == 0 else {
            throw .outOfLimits(
                field: "bits per sample", value: "\(layout.bitsPerSample)", allowed: "8, 16, 24, 32 or 64")
        }
    }

    /// Whether `samples` (all channels) at the layout's rate fit the limits.
    public func checkLength(samples: Int, layout: WAVLayout) throws(WAVError) {
        let seconds = Double(samples / max(1, layout.channels)) / Double(max(1, layout.sampleRate))
        guard samples <= maximumSamples, seconds <= maximumDuration else {
            throw .tooLong(
                seconds: seconds, samples: samples, maximumSeconds: maximumDuration, maximumSamples: maximumSamples)
        }
    }
}
