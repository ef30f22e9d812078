import ArgumentParser
import Foundation
import MorseInspection

extension MorseDatasetCommand {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Check a dataset: every manifest row against its audio, orphans, duplicates, splits, alphabet, agreement.",
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

        @OptionGroup var workerOptions: WorkerOptions

        @Option(help: "Required sample rate in Hz, 1000 to 192000. Default: dataset_info.json's sample_rate (16000).")
        var sampleRate: Int?

        @Option(help: "Longest allowed clip in seconds, 0.1 to 3600. Default: dataset_info.json's max_duration.")
        var maxDuration: Double?

        @Flag(
            help: "Also decode high-SNR clips with the reference decoder and flag labels that disagree with the audio.")
        var decode = false

        @Option(
            help: "With --decode: fraction of the eligible clips to decode, 0 to 1 (chosen by id, the same every run).")
        var fraction: Double = 0.1

        @Option(
            parsing: .unconditional,
            help: "With --decode: decode only clips with at least this SNR in dB (500 Hz bandwidth), −50 to 100.")
        var minSnr: Double = 25

        @Option(
            help:
                "With --decode: flag a clip when the decoder's character error rate is above this, 0 to 1, and it made at least 2 errors."
        )
        var flagCer: Double = 0.5

        @Option(help: "Problems listed per kind (all are counted), 0 to 1000000.")
        var limit: Int = 20

        func validate() throws {
            try Bounds.check(sampleRate, "--sample-rate", in: Bounds.validationSampleRate, unit: "Hz")
            try Bounds.check(maxDuration, "--max-duration", in: Bounds.validationMaxDuration, unit: "seconds")
            try Bounds.check(fraction, "--fraction", in: Bounds.fraction)
            try Bounds.check(minSnr, "--min-snr", in: Bounds.minimumSNR, unit: "dB")
            try Bounds.check(flagCer, "--flag-cer", in: Bounds.fraction)
            try Bounds.check(limit, "--limit", in: Bounds.findingsPerKind)
        }

        func run() throws {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dataset, isDirectory: &isFolder), isFolder.boolValue else {
                throw UserError("'\(shown(dataset))' is not a folder; give the --output-dir of a generate run")
            }
            let options = ValidationOptions(
                workers: workerOptions.workers, sampleRate: sampleRate, maxDuration: maxDuration,
                decode: decode ? DecoderSurvey(fraction: fraction, minimumSNR: minSnr, flagCER: flagCer) : nil,
                findingsPerKind: max(limit, 1))
            let report = try userFacing { try DatasetValidator(root: dataset, options: options) }.run { printError($0) }
            for line in report.lines(limit: limit) { print(line) }
            if !report.isSound { throw ExitCode(1) }
        }
    }
}
