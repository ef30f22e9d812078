/// Band noise at the requested SNR against the reference carrier: the chain's first stage, which
/// writes (not adds) every sample.
///
/// Parameters: ``ChannelParameters/snr`` and ``ChannelParameters/noiseColour``. Report: both
/// reference-band SNRs and the noise power in 500 Hz.
struct BandNoiseStage: ChannelStage {
    let noise: BandNoise
    var random: FastRandom
    /// Requested SNR in dB in 500 Hz.
    let snr500: Double
    /// The same carrier against the noise in 2500 Hz, in dB.
    let snr2500: Double
    /// Noise power in the 500 Hz band centred on `centre`.
    let noisePower500: Double

    /// The noise for a clip whose SNR bands are centred on `centre` Hz, against a carrier of
    /// `carrierPower`.
    init(parameters: ChannelParameters, centre: Double, carrierPower: Double, sampleRate: Double, random: FastRandom) {
        let band500 = BandNoise.referenceBand(centre: centre, width: 500, sampleRate: sampleRate)
        let band2500 = BandNoise.referenceBand(centre: centre, width: 2500, sampleRate: sampleRate)
        snr500 = parameters.snr
        noisePower500 = carrierPower / powerRatio(dB: parameters.snr)
        noise = BandNoise(
            colour: parameters.noiseColour, power: noisePower500, referenceBand: band500, sampleRate: sampleRate)
        snr2500 = powerDB(carrierPower / noise.power(in: band2500))
        self.random = random
    }

    mutating func process(_ clip: ChannelClip, scratch: inout ChannelScratch) {
        noise.fill(into: clip.samples, count: clip.total, available: clip.front, random: &random)
    }

    func record(_ measured: Void, into report: inout ChannelReport) {
        report.snr500 = snr500
        report.snr2500 = snr2500
        report.noisePower500 = noisePower500
    }
}
