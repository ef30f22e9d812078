import ArgumentParser
import Foundation
import MorseDataset
import MorseDatasetFormat
import MorseFileSystem
import MorseInspection

extension MorseDatasetCommand {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Show a dataset's distributions and the reference decoder's error rate, in the terminal and as HTML.",
            discussion: """
                Streams metadata.csv once: split sizes, duration, WPM, SNR, tone, condition, contest, sample \
                type, fist and the frequency of every symbol, as text histograms. Then decodes a fraction of the \
                Morse clips with the reference CW decoder and reports its character error rate by SNR band: the \
                baseline a trained model must beat.

                --html writes a self-contained report with SVG charts (no scripts; opens offline in any \
                browser).

                Example: morse-dataset stats data/cw --html data/cw/report.html --decode-fraction 0.02
                """)

        @Argument(help: "The dataset folder (the --output-dir of generate).")
        var dataset: String

        @Option(help: "Also write an HTML report with plots to this file.")
        var html: String?

        @Option(
            help:
                "Fraction of Morse clips to decode for the error-rate baseline, 0 (skip) to 1 (chosen by id, the same every run)."
        )
        var decodeFraction: Double = 0.05

        @OptionGroup var workerOptions: WorkerOptions

        func validate() throws {
            try Bounds.check(decodeFraction, "--decode-fraction", in: Bounds.fraction)
        }

        func run() throws {
            let survey = decodeFraction > 0 ? DecoderSurvey(fraction: decodeFraction) : nil
            let (profile, selected) = try userFacing { try DatasetProfile.read(root: dataset, survey: survey) }
            for line in profile.lines() { print(line) }
            var result: DecoderSurveyResult?
            if let survey {
                Console.flushOutput()
                let workers = workerOptions.workers
                let decoded = survey.run(selected, files: DatasetLayout(reading: dataset), workers: workers)
                print("")
                for line in DecoderReport(decoded).lines() { print(line) }
                result = decoded
            }
            if let html {
                let title = "morse-dataset: " + URL(fileURLWithPath: dataset).standardizedFileURL.lastPathComponent
                let report = HTMLReport(title: title, profile: profile, decoder: result)
                do { try StandaloneOutput.write(report.html, to: html) } catch { throw UserError(error.description) }
                print("Wrote \(shown(html))")
            }
        }
    }
}
