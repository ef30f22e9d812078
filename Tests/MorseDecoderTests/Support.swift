import Foundation
import MorseCode
import MorseSignal
import RealModule

/// Texts like those in our datasets: callsigns, exchanges, prosigns, punctuation.
let sampleTexts = [
    "CQ TEST DE K1ABC K1ABC <KN>",
    "5NN 14 DL1XYZ TU",
    "QRZ? W1AW/P 599 MA <AR>",
    "VK2DEF JA1ZZ 73 <SK> EE TT",
    "R 5NN 0123 ? AGN NR? = <BT> 12/3",
]

func parsed(_ text: String) -> MorseText {
    do { return try MorseText(text) } catch { fatalError("test text must parse: \(error)") }
}

/// A clean clip: `text` keyed at `wpm` with `fist`, rendered at 16 kHz with silence either side.
func cleanClip(
    _ text: String, wpm: Double, fist: Fist, effectiveWPM: Double? = nil, tone: Double = 700, seed: UInt64 = 1
) -> (samples: [Float], timeline: KeyedTimeline, timing: MorseTiming) {
    var rng = SeededGenerator(seed: seed)
    let timing = MorseTiming(wpm: wpm, effectiveWPM: effectiveWPM)
    let timeline = Keyer(timing: timing, fist: fist).key(parsed(text), using: &rng)
    let samples = ToneRenderer(sampleRate: 16_000).render(
        timeline, tone: ToneParameters(frequency: tone, amplitude: 0.5, riseTime: 0.005), leadingSilence: 0.6,
        trailingSilence: 0.6)
    return (samples, timeline.shifted(by: 0.6), timing)
}

/// Adds white Gaussian noise so that the tone's power over the noise power in `bandwidth` Hz is `snr` dB.
func addNoise(_ samples: inout [Float], snr: Double, amplitude: Double = 0.5, bandwidth: Double = 500, seed: UInt64 = 9)
{
    var rng = SeededGenerator(seed: seed)
    let signalPower = amplitude * amplitude / 2
    let noiseInBand = signalPower / Double.pow(10, snr / 10)
    let sigma = (noiseInBand * 8000 / bandwidth).squareRoot()
    for index in samples.indices { samples[index] += Float(rng.nextGaussian() * sigma) }
}
