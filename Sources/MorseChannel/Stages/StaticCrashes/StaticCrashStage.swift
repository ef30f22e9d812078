/// QRN: static crashes added to the band.
///
/// Parameters: ``ChannelParameters/qrnRate`` and ``ChannelParameters/qrnStrength`` (against the
/// band noise's density at the centre frequency). Report: ``ChannelReport/crashCount``.
struct StaticCrashStage: ChannelStage {
    let crashes: StaticCrashes
    var random: FastRandom

    init(parameters: ChannelParameters, noise: BandNoise, centre: Double, sampleRate: Double, random: FastRandom) {
        crashes = StaticCrashes(
            rate: max(0, parameters.qrnRate), strength: parameters.qrnStrength,
            noiseSigma: (noise.density(at: centre) * sampleRate / 2).squareRoot(), sampleRate: sampleRate)
        self.random = random
    }

    /// Returns how many crashes began within the clip (not in its pre-roll).
    mutating func process(_ clip: ChannelClip, scratch: inout ChannelScratch) -> Int {
        crashes.add(
            into: clip.samples, count: clip.total, countFrom: ReceiverChain.prerollSeconds, random: &random)
    }

    func record(_ measured: Int, into report: inout ChannelReport) {
        report.crashCount = measured
    }
}
