import RealModule

/// The receiver's gain: a fixed gain that brings carrier plus in-filter noise to about
/// ``ReceiverChain/receiverTarget`` RMS, then the AGC (or the fixed gain alone when it is off).
/// The pre-roll only settles the AGC's detector; it is not scaled.
///
/// Parameters: ``ChannelParameters/agc``. Report: ``ChannelReport/carrierAmplitude``,
/// ``ChannelReport/receiverGain`` and the AGC's gain range.
struct GainControlStage: ChannelStage {
    let agc: AGCParameters?
    /// The fixed receiver gain (a ratio).
    let receiverGain: Double
    let carrierAmplitude: Double

    /// The gain for a carrier of `carrierAmplitude` and band `noise` through `filter` at `centre`.
    init(
        parameters: ChannelParameters, carrierAmplitude: Double, noise: BandNoise, filter: ReceiverFilter,
        centre: Double
    ) {
        let carrierPower = carrierAmplitude * carrierAmplitude / 2
        let centreGain = filter.gain(at: centre)
        let inFilterPower = carrierPower * centreGain * centreGain + filter.outputPower(density: noise.density(at:))
        receiverGain = ReceiverChain.receiverTarget / inFilterPower.squareRoot()
        agc = parameters.agc
        self.carrierAmplitude = carrierAmplitude
    }

    /// Returns the smallest and largest AGC gain in dB over the clip (0, 0 without an AGC).
    func process(_ clip: ChannelClip, scratch: inout ChannelScratch) -> (minimum: Double, maximum: Double) {
        let samples = clip.samples
        guard let agc else {
            let g = Float(receiverGain)
            for n in clip.preroll..<clip.total { samples[n] *= g }
            return (0, 0)
        }
        let control = AutomaticGainControl(parameters: agc, sampleRate: clip.sampleRate)
        scratch.gainRe.reserve(control.workSize(count: clip.total))
        return control.process(
            samples, count: clip.total, inputGain: Float(receiverGain), settle: clip.preroll, work: scratch.gainRe.base)
    }

    func record(_ measured: (minimum: Double, maximum: Double), into report: inout ChannelReport) {
        report.carrierAmplitude = carrierAmplitude
        report.receiverGain = 20 * Double.log10(receiverGain)
        report.agcGainMin = measured.minimum
        report.agcGainMax = measured.maximum
    }
}
