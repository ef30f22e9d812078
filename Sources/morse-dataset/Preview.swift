import ArgumentParser
import Foundation
import MorseCode
import MorseDataset
import MorseDatasetFormat
import MorseDecoder
import MorseFileSystem
import MorseInspection
import MorseSignal

extension MorseDatasetCommand {
    struct Preview: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw a clip's spectrogram as a PNG with each labelled character's start and end over it.",
            discussion: """
                With a dataset folder and --id, draws the clip's label times from its full metadata record \
                (metadata/{split}.jsonl, or a WebDataset shard when the dataset keeps no loose WAVs); \
                with a WAV file, draws what the reference decoder hears.

                The spectrogram (512-sample Hann frames every 64 samples) shows the tone ± 600 Hz; each \
                character starts at a magenta line and ends at a cyan one, with its text above. Time t seconds \
                is at x = t × 250 pixels at 16 kHz; seconds are marked below, frequencies in Hz on the right.

                Examples:
                morse-dataset preview data/cw --id 42 --output clip42.png
                morse-dataset preview cq.wav --output cq.png
                """)

        @Argument(help: "A dataset folder (with --id) or a WAV file.")
        var source: String

        @Option(help: "The clip's id in the dataset, 0 to the number of clips − 1.")
        var id: Int?

        @Option(name: [.short, .long], help: "PNG file to write.")
        var output: String = "preview.png"

        func validate() throws {
            try Bounds.check(id, "--id", in: Bounds.clipID)
        }

        func run() throws {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: source, isDirectory: &isFolder) else {
                throw UserError("'\(shown(source))' does not exist; give a dataset folder with --id N, or a WAV file")
            }
            let samples: [Float], sampleRate: Int, characters: [KeyedTimeline.Span], tone: Double?, title: String
            if isFolder.boolValue {
                guard let id else {
                    throw UserError("'\(shown(source))' is a folder; say which clip to draw with --id N")
                }
                let clip = try userFacing { try LabelledClip.find(id: id, root: source) }
                // The clip's WAV file, or its member of a shard when the dataset keeps no loose WAVs.
                let audio = try userFacing { try clip.readAudio() }
                guard audio.channels == 1 else {
                    throw UserError("clip \(id) has \(audio.channels) channels; give a mono dataset")
                }
                (samples, sampleRate, characters, tone) = (
                    audio.samples, audio.sampleRate, clip.characters, clip.row.tone
                )
                let snr = clip.row.snr500.map { String(format: " SNR %.1f dB", $0) } ?? ""
                title =
                    "ID \(id) \(clip.row.audioFile): \(clip.row.text.isEmpty ? "(noise only)" : clip.row.text)  \(String(format: "%.1f", clip.row.wpm)) WPM\(snr)"
            } else {
                if id != nil { throw UserError("--id is for a dataset folder; '\(shown(source))' is a file") }
                let audio = try read(source)
                let decoded = try userFacing { try CWDecoder(sampleRate: Double(audio.sampleRate)) }.decode(
                    audio.samples)
                (samples, sampleRate, characters, tone) = (
                    audio.samples, audio.sampleRate, decoded.characters, decoded.tone
                )
                title = URL(fileURLWithPath: source).lastPathComponent + ": decoded " + decoded.text
            }
            let preview = try userFacing { try ClipPreview(sampleRate: Double(sampleRate), tone: tone) }
            let image = try userFacing { try preview.render(samples, characters: characters, title: title) }
            do { try StandaloneOutput.write(PNGEncoder.encode(image), to: output) } catch {
                throw UserError(error.description)
            }
            print(
                "Wrote \(shown(output)) (\(image.width)×\(image.height) pixels, \(characters.count) characters marked, \(String(format: "%.0f", preview.pixelsPerSecond)) pixels per second)"
            )
        }

        func read(_ path: String) throws -> WAVAudio {
            let audio = try userFacing { try WAVFile.read(path: path) }
            guard audio.channels == 1 else {
                throw UserError("'\(shown(path))' has \(audio.channels) channels; give a mono WAV file")
            }
            return audio
        }
    }
}
