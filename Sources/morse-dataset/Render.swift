import ArgumentParser
import Foundation
import MorseCode
import MorseFileSystem
import MorseSignal

extension MorseDatasetCommand {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Key one text and write it as a clean WAV clip (and its timeline as JSON).",
            discussion: """
                Prosigns are written in angle brackets (<AR> <AS> <BK> <BT> <CL> <CT> <DO> <HH> <KA> <KN> <SK> \
                <SN> <SOS>); plain letters are never read as a prosign, so ARRL is A R R L.

                Example: morse-dataset render --text "CQ TEST DE K1ABC K1ABC <KN>" --wpm 25 --tone 700 --fist \
                bug --seed 7 --output cq.wav --timeline cq.json
                """)

        @Option(help: "Text to key. Case and extra spaces do not matter.")
        var text: String

        @Option(name: [.short, .long], help: "Path of the WAV file to write.")
        var output: String

        @Option(
            help:
                "Also write the keyed timeline (characters, words, key-down intervals; seconds in the WAV) to this JSON file."
        )
        var timeline: String?

        @Option(help: "Character speed in words per minute (PARIS), 5 to 60.")
        var wpm: Double = 20

        @Option(
            help:
                "Farnsworth overall speed in WPM, 5 to 60 and at most --wpm; stretches only character and word gaps. Default: none."
        )
        var farnsworth: Double?

        @Option(help: "Dah length in dits, 2.5 to 4.5.")
        var dashRatio: Double = 3

        @Option(help: "Mark/space weighting in percent, 30 to 70 (50 is standard; higher lengthens marks).")
        var weighting: Double = 50

        @Option(help: "Operator's key: \(FistKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        var fist: FistKind = .keyer

        @Option(help: "How sloppy the operator is, 0 (exact) to 1 (very sloppy, still readable).")
        var sloppiness: Double = 0.3

        @Option(help: "Tone frequency in Hz, 100 to 5000 (and below half the sample rate).")
        var tone: Double = 700

        @Option(help: "Peak amplitude, 0 to 1 (full scale).")
        var amplitude: Double = 0.5

        @Option(help: "Keying edge rise/fall time in milliseconds, 1 to 10.")
        var riseTime: Double = 5

        @Option(help: "Keying edge shape: \(EnvelopeShape.allCases.map(\.rawValue).joined(separator: ", ")).")
        var envelope: EnvelopeShape = .raisedCosine

        @Option(
            parsing: .unconditional,
            help: "Chirp: frequency offset in Hz at key-down, decaying after it, −1000 to 1000 (0 = none).")
        var chirp: Double = 0

        @Option(help: "Chirp decay time constant in milliseconds, 0.1 to 100.")
        var chirpTime: Double = 5

        @Option(
            parsing: .unconditional, help: "Slow frequency drift in Hz per second, −100 to 100 (negative drifts down).")
        var drift: Double = 0

        @Option(help: "Silence before and after the Morse, in seconds, 0 to 60.")
        var silence: Double = 0.5

        @Option(help: "Sample rate in Hz, 8000 to 192000.")
        var sampleRate: Int = 16_000

        @Option(help: "Sample encoding: pcm16 (16-bit PCM) or float32.")
        var format: WAVSampleFormat = .pcm16

        @OptionGroup var seedOptions: SeedOptions

        @Flag(help: "Leave out characters that cannot be keyed (and list them) instead of stopping.")
        var dropUnknown = false

        /// Every number is checked here, before anything is keyed or allocated.
        func validate() throws {
            try Bounds.check(wpm, "--wpm", in: Bounds.wpm, unit: "WPM")
            try Bounds.check(farnsworth, "--farnsworth", in: Bounds.wpm, unit: "WPM")
            try Bounds.check(dashRatio, "--dash-ratio", in: Bounds.dashRatio, unit: "dits")
            try Bounds.check(weighting, "--weighting", in: Bounds.weighting, unit: "percent")
            try Bounds.check(sloppiness, "--sloppiness", in: Bounds.sloppiness)
            try Bounds.check(tone, "--tone", in: Bounds.tone, unit: "Hz")
            try Bounds.check(amplitude, "--amplitude", in: Bounds.amplitude)
            try Bounds.check(riseTime, "--rise-time", in: Bounds.riseTime, unit: "ms")
            try Bounds.check(chirp, "--chirp", in: Bounds.chirp, unit: "Hz")
            try Bounds.check(chirpTime, "--chirp-time", in: Bounds.chirpTime, unit: "ms")
            try Bounds.check(drift, "--drift", in: Bounds.drift, unit: "Hz per second")
            try Bounds.check(silence, "--silence", in: Bounds.silence, unit: "seconds")
            try Bounds.check(sampleRate, "--sample-rate", in: Bounds.renderSampleRate, unit: "Hz")
        }

        func run() throws {
            if let timeline {
                // One file for both outputs would leave only the timeline, silently.
                do { try StandaloneOutput.checkDistinct([output, timeline]) } catch {
                    throw UserError(error.description)
                }
            }
            let parsed = try userFacing { try MorseText(text, unknown: dropUnknown ? .drop : .reject) }
            for (dropped, position) in parsed.dropped {
                printError("dropped '\(shown(String(dropped)))' at position \(position): it cannot be keyed")
            }
            guard !parsed.isEmpty else { throw UserError("--text has nothing to key") }
            let timing = try userFacing {
                try MorseTiming(wpm: wpm, effectiveWPM: farnsworth, dashRatio: dashRatio, weighting: weighting)
                    .validated()
            }
            let toneParameters = try userFacing {
                try ToneParameters(
                    frequency: tone, amplitude: amplitude, riseTime: riseTime / 1000, shape: envelope,
                    chirpOffset: chirp, chirpTimeConstant: chirpTime / 1000, driftRate: drift
                ).validated(sampleRate: Double(sampleRate))
            }
            let seed = seedOptions.resolved()
            var rng = SeededGenerator(seed: seed)
            let keyed = Keyer(timing: timing, fist: Fist(kind: fist, sloppiness: sloppiness)).key(parsed, using: &rng)
            let renderer = ToneRenderer(sampleRate: Double(sampleRate))
            let samples = renderer.render(
                keyed, tone: toneParameters, leadingSilence: silence, trailingSilence: silence)
            try write(Data(WAVEncoder.encode(samples, sampleRate: sampleRate, format: format)), to: output)
            if let timeline {
                let document = TimelineDocument(
                    text: parsed.description, seed: seed, wpm: wpm, effectiveWPM: farnsworth, fist: fist.rawValue,
                    sloppiness: sloppiness, tone: tone, sampleRate: sampleRate,
                    duration: Double(samples.count) / Double(sampleRate), timeline: keyed.shifted(by: silence))
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                encoder.keyEncodingStrategy = .convertToSnakeCase
                try write(try encoder.encode(document), to: timeline)
            }
            print(
                "wrote \(shown(output)): \(parsed.description) — \(String(format: "%.2f", Double(samples.count) / Double(sampleRate))) s at \(Console.formatted(wpm)) WPM, \(fist.rawValue) fist, seed \(seed)"
            )
        }

        /// Writes beside `path` and renames into place; a device, FIFO or folder there is refused.
        private func write(_ data: Data, to path: String) throws {
            do { try StandaloneOutput.write([UInt8](data), to: path) } catch { throw UserError(error.description) }
        }
    }
}
