// Renders one clip through the public API: key a text, draw a band, run the receiver chain,
// write a WAV. Usage: render-clip OUTPUT.wav [TEXT]
import Foundation
import MorseChannel
import MorseCode
import MorseSignal

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: render-clip OUTPUT.wav [TEXT]\n".utf8))
    exit(2)
}
let sampleRate = 16_000.0
var rng = SeededGenerator(seed: 1)

// 1. Key the text (MorseCode): sent with an electronic keyer at 25 WPM, starting half a second in.
let text = try MorseText(arguments.count > 2 ? arguments[2] : "CQ TEST DE K1ABC")
let keyer = Keyer(timing: MorseTiming(wpm: 25), fist: Fist(kind: .keyer, sloppiness: 0.2))
let timeline = keyer.key(text, using: &rng).shifted(by: 0.5)
let duration = timeline.duration + 0.5

// 2. Draw a band (MorseChannel) and make the wanted station with its tone (MorseSignal).
let channel = ConditionPreset.contestModerate.draw(
    limits: .unrestricted, noiseOnly: false, clipDuration: duration, using: &rng)
let wanted = channel.wantedStation(timeline: timeline, tone: ToneParameters())
let interferers = channel.interferingStations(
    texts: channel.interferers.map { _ in (try? MorseText("TEST K2XYZ")) ?? MorseText(words: []) }, using: &rng)

// 3. Run the receiver chain over the clip and encode it (MorseSignal).
var chain = ReceiverChain(sampleRate: sampleRate)
let (samples, report) = chain.renderSamples(
    wanted: wanted, interferers: interferers, parameters: channel,
    sampleCount: Int(duration * sampleRate), using: &rng)
let wav = WAVEncoder.encode(samples, sampleRate: Int(sampleRate))
try Data(wav).write(to: URL(fileURLWithPath: arguments[1]))
print("wrote \(arguments[1]): \(samples.count) samples, SNR \(report.snr500) dB, \(interferers.count) interferers")
