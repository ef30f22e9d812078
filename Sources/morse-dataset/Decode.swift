import ArgumentParser
import Foundation
import MorseDecoder
import MorseSignal

extension MorseDatasetCommand {
    struct Decode: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decode a WAV file with the reference CW decoder and print what it hears.",
            discussion: """
                Finds the tone (the strongest peak from 300 to 1200 Hz unless --tone is given), demodulates it, \
                splits the envelope into marks with an adaptive threshold and reads dits, dahs and gaps by \
                clustering their lengths. Prints the text in canonical spelling (prosigns in brackets, * for a \
                pattern with no symbol).

                --reference compares with a transcript and prints the character error rate. --benchmark prints \
                the decoder's character error rate on clean renders at every speed and fist.

                Example: morse-dataset decode data/cw/audio/test/morse_000007.wav --timings
                """)

        @Argument(help: "A mono WAV file (16-bit PCM or 32-bit float).")
        var file: String?

        @Flag(
            help: "Instead of a file: decode clean renders at 15–40 WPM with every fist and print the error-rate table."
        )
        var benchmark = false

        @Option(help: "With --benchmark: the operators' sloppiness, 0 to 1.")
        var sloppiness: Double = 0.5

        @Option(help: "Tone frequency in Hz, 100 to 5000. Default: found in the audio.")
        var tone: Double?

        @Option(help: "A transcript to compare with: prints the character error rate.")
        var reference: String?

        @Flag(help: "Also print each character's start and end time in seconds, the tone and the speed.")
        var timings = false

        func validate() throws {
            guard benchmark || file != nil else { throw ValidationError("give a WAV file to decode, or --benchmark") }
            try Bounds.check(sloppiness, "--sloppiness", in: Bounds.sloppiness)
            try Bounds.check(tone, "--tone", in: Bounds.tone, unit: "Hz")
        }

        func run() throws {
            guard let file else {
                for line in DecoderBenchmark(sloppiness: sloppiness).table() { print(line) }
                return
            }
            let audio = try userFacing { try WAVFile.read(path: file) }
            guard audio.channels == 1 else {
                throw UserError("'\(shown(file))' has \(audio.channels) channels; give a mono WAV file")
            }
            let settings = DecoderSettings(tone: tone)
            let decoded = try userFacing { try CWDecoder(sampleRate: Double(audio.sampleRate), settings: settings) }
                .decode(audio.samples)
            print(decoded.text)
            if timings {
                print(
                    String(
                        format: "tone %.1f Hz (drift %.2f Hz/s), %.1f WPM, mark/noise %.1f dB", decoded.tone,
                        decoded.driftRate, decoded.wpm, decoded.contrast))
                for character in decoded.characters {
                    print(String(format: "%9.4f %9.4f  ", character.start, character.end) + character.text)
                }
            }
            if let reference {
                let counted = CharacterErrorRate.errors(reference: reference, hypothesis: decoded.text)
                print(
                    String(
                        format: "CER %.4f (%d errors in %d symbols)",
                        Double(counted.errors) / Double(max(1, counted.length)), counted.errors, counted.length))
            }
        }
    }
}
