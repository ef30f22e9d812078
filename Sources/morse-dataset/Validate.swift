import ArgumentParser
import Foundation
import MorseInspection

extension MorseDatasetCommand {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a dataset: every manifest row against its audio, orphans, duplicates, splits, alphabet, agreement.",
            discussion: """
                Reads the manifests line by line and each WAV header on several threads, so it is fast for a \
                million clips. Prints one line per problem naming the file, row and what is wrong, and exits \
                with status 1 if there is any.

                --decode also runs the reference CW decoder on a fraction of the high-SNR clips, reports its \
                character error rate and flags clips whose label disagrees with their audio.

                Example: morse-dataset validate data/cw --decode --fraction 0.05
                """)

        @Argument(help: "The dataset folder (the --output-dir of generate).")
        var dataset: String

        @Option(name: [.customLong("num-workers"), .customLong("num_workers")], help: "Threads that read audio. Default: the number of cores, at most 8.")
        var numWorkers: Int?

        @Option(help: "Required sample rate in Hz. Default: dataset_info.json's sample_rate (16000).")
        var sampleRate: Int?

        @Option(help: "Longest allowed clip in seconds. Default: dataset_info.json's max_duration.")
        var maxDuration: Double?

        @Flag(help: "Also decode high-SNR clips with the reference decoder and flag labels that disagree with the audio.")
        var decode = false

        @Option(help: "With --decode: fraction of the eligible clips to decode, 0 to 1 (chosen by id, the same every run).")
        var fraction: Double = 0.1

        @Option(parsing: .unconditional, help: "With --decode: decode only clips with at least this SNR in dB (500 Hz bandwidth).")
        var minSnr: Double = 25

        @Option(help: "With --decode: flag a clip when the decoder's character error rate is above this, 0 to 1, and it made at least 2 errors.")
        var flagCer: Double = 0.5

        @Option(help: "Problems listed per kind (all are counted).")
        var limit: Int = 20

        func validate() throws {
            guard (0...1).contains(fraction) else { throw ValidationError("--fraction \(fraction) is out of range; use 0 to 1") }
            guard (0...1).contains(flagCer) else { throw ValidationError("--flag-cer \(flagCer) is out of range; use 0 to 1") }
            if let numWorkers, !(1...256).contains(numWorkers) { throw ValidationError("--num-workers \(numWorkers) is out of range; use 1 to 256") }
            guard limit >= 0 else { throw ValidationError("--limit \(limit) must be 0 or more") }
        }

        func run() throws {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dataset, isDirectory: &isFolder), isFolder.boolValue else {
                throw UserError("'\(dataset)' is not a folder; give the --output-dir of a generate run")
            }
            let options = ValidationOptions(
                workers: numWorkers ?? min(ProcessInfo.processInfo.activeProcessorCount, 8), sampleRate: sampleRate, maxDuration: maxDuration,
                decode: decode ? DecoderSurvey(fraction: fraction, minimumSNR: minSnr, flagCER: flagCer) : nil,
                findingsPerKind: max(limit, 1))
            let report = try userFacing { try DatasetValidator(root: dataset, options: options) }.run { printError($0) }
            for line in report.lines(limit: limit) { print(line) }
            if !report.isSound { throw ExitCode(1) }
        }
    }
}
