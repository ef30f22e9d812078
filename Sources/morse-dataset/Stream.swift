import ArgumentParser
import Foundation
import MorseDataset
import MorseDatasetFormat
import MorseSignal

extension MorseDatasetCommand {
    struct Stream: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write clips to standard output in a framed binary format, for training without a disk.",
            discussion: """
                Clip I is the clip `generate` makes as id I with the same config and seed: the same samples \
                (the bytes after the WAV header) and the same metadata/{split}.jsonl record. The format and its \
                readers are described in docs/stream.md; the Python package in python/ reads it.

                With --num-samples N every clip gets the split (and file name) `generate --num-samples N` \
                gives it. Without it the stream is endless unless --count is given, and splits come from \
                the same stratified assigner run over the global ids 0, 1, 2, …

                Output order is the id order on any number of workers. A closed pipe ends the stream \
                quietly (exit 0).

                Example: morse-dataset stream --seed 1 --count 1000 | python my_reader.py
                """)

        @OptionGroup var clipOptions: ClipOptions

        @OptionGroup var seedOptions: SeedOptions

        @OptionGroup var workerOptions: WorkerOptions

        @Option(help: "First clip id.")
        var start: Int = 0

        @Option(
            help:
                "Number of ids to visit (with --split, clips of other splits among them are skipped). Default: up to --num-samples, else endless."
        )
        var count: Int?

        @Option(help: "Distance between ids: clips START, START+STEP, … (sharding across readers).")
        var step: Int = 1

        @Option(
            name: [.customLong("num-samples"), .customLong("num_samples")],
            help:
                "Size of the dataset whose splits and file names to reproduce, as `generate --num-samples`. Default: none (endless ids)."
        )
        var numSamples: Int?

        @Option(help: "Only clips of this split: train, validation or test. Default: every clip.")
        var split: String?

        @Option(
            name: [.customLong("audio-format")],
            help: "Sample encoding: pcm16 or float32. Default: the config's output.audio_format.")
        var audioFormat: WAVSampleFormat?

        @Option(
            help: ArgumentHelp(
                "Record keys each frame carries, comma-separated (e.g. text,duration). Default: the full record.",
                discussion:
                    "Keys not asked for are not worked out: without characters, words and whisper_text the label times are skipped, without checksum the CRC, which makes each clip about a fifth cheaper. The audio is the same."
            ))
        var fields: String?

        func validate() throws {
            if let numSamples { try Bounds.check(numSamples, "--num-samples", in: Bounds.numSamples) }
            guard start >= 0 else { throw ValidationError("--start \(start) must be 0 or more") }
            guard step >= 1 else { throw ValidationError("--step \(step) must be 1 or more") }
            if let count, count < 0 { throw ValidationError("--count \(count) must be 0 or more") }
            if let fields {
                do { _ = try RecordKeys(parsing: fields) } catch { throw ValidationError("--fields: \(error)") }
            }
            if let split, DatasetSplit(name: split) == nil {
                throw ValidationError("--split '\(split)' is not a split; use train, validation or test")
            }
            if let numSamples, numSamples >= 1, start >= numSamples, count != 0 {
                throw ValidationError(
                    "--start \(start) is past the last clip of --num-samples \(numSamples); use 0 to \(numSamples - 1)")
            }
        }

        func run() throws {
            let loaded = try clipOptions.loadConfig { if let audioFormat { $0.output.audioFormat = audioFormat } }
            let seed = seedOptions.resolved(fallback: loaded.seed)
            let settings = try clipOptions.settings(config: loaded, numSamples: numSamples ?? 1, seed: seed)
            if seedOptions.seed == nil && loaded.seed == nil {
                printError("morse-dataset stream: no --seed and no seed in the config; using seed \(seed)")
            }
            let selection = StreamSelection(
                start: start, step: step, count: count, datasetSize: numSamples,
                split: split.flatMap(DatasetSplit.init(name:)))
            let workers = workerOptions.workers
            // A reader that goes away must end the stream with EPIPE, not kill us with SIGPIPE.
            signal(SIGPIPE, SIG_IGN)
            let keys = try fields.map { list throws(RecordKeysError) in try RecordKeys(parsing: list) } ?? .all
            let stream = ClipStream(settings: settings, selection: selection, workers: workers, recordKeys: keys)
            let output = FileDescriptorOutput()
            output.widenPipe()
            let outcome = try userFacing {
                try stream.run(to: output, stop: StopSignal()) { printError($0) }
            }
            if outcome.outputClosed { return }
            if !outcome.failures.isEmpty {
                printError(
                    "\(outcome.failures.count) clip\(outcome.failures.count == 1 ? "" : "s") failed and were left out of the stream."
                )
                throw ExitCode(1)
            }
        }
    }
}
