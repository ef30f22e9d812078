import MorseSignal

/// Work space one ``ReceiverChain`` lends its stages, reused from clip to clip (it grows only when
/// a clip is longer than any before), so no stage allocates per clip.
struct ChannelScratch: ~Copyable {
    /// Renders keyed tones (stations).
    let renderer: ToneRenderer
    /// Zeroed samples kept before ``station``'s tone so delayed path reads stay inside it.
    let pad: Int
    /// One station's keyed tone before its paths are mixed.
    var station = ScratchBuffer<Float>()
    /// Control-rate path gains (real and imaginary parts); the AGC's work space.
    var gainRe = ScratchBuffer<Float>()
    var gainIm = ScratchBuffer<Float>()
    /// The fading processes' work space.
    var work = ScratchBuffer<Double>()

    init(sampleRate: Double) {
        renderer = ToneRenderer(sampleRate: sampleRate)
        pad = Int((FadingParameters.maximumPathDelay * sampleRate).rounded(.up)) + Int(sampleRate / 400) + 8
    }
}
