import ArgumentParser
import Foundation
import MorseDataset
import MorseDatasetFormat

extension MorseDatasetCommand {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a dataset of labelled Morse clips on every core.",
            discussion: """
                Writes OUT/audio/{train,validation,test}/morse_NNNNNN.wav (16 kHz mono PCM16), metadata.csv, \
                splits/{split}.csv and {split}_transcripts.txt, audio/{split}/metadata.jsonl (Hugging Face \
                audiofolder), manifests/{split}.jsonl (NeMo), dataset_info.json and a README.md dataset card.

                The same command with the same seed makes byte-identical audio and manifests on any number of \
                workers. Interrupt it at any time (Ctrl-C): running the same command again resumes.

                On a cluster, run shards with --shard-index I --num-shards N (or from SLURM_ARRAY_TASK_ID / \
                JOB_COMPLETION_INDEX), then `morse-dataset merge`; see docs/cluster.md.

                The reference's spellings are accepted too: --num_samples, --output_dir, --num_workers, \
                --sample_rate, --max_duration, --noise_ratio.

                Example: morse-dataset generate --num-samples 100000 --output-dir data/cw --seed 1
                """)

        @Option(
            name: [.customLong("num-samples"), .customLong("num_samples")],
            help: "Number of clips to make, \(Bounds.numSamples.lowerBound) to \(Bounds.numSamples.upperBound).")
        var numSamples: Int = 1000

        @Option(name: [.customLong("output-dir"), .customLong("output_dir")], help: "Folder for the dataset (created if missing).")
        var outputDir: String = "data/processed"

        @Option(help: "YAML config (the reference's contest_cw.yaml works unchanged; see docs/config.md). Default: built-in defaults.")
        var config: String?

        @OptionGroup var seedOptions: SeedOptions

        @OptionGroup var workerOptions: WorkerOptions

        @Option(
            name: [.customLong("sample-rate"), .customLong("sample_rate")],
            help: "Sample rate in Hz, 8000 to 48000. Default: the config's audio.sample_rate (16000).")
        var sampleRate: Int?

        @Option(
            name: [.customLong("max-duration"), .customLong("max_duration")],
            help: "Longest clip in seconds, silence included, 2 to 600; no clip is ever cut.")
        var maxDuration: Double = 28

        @Option(
            name: [.customLong("noise-ratio"), .customLong("noise_ratio")],
            help: "Fraction of noise-only clips (empty transcript), 0 to 1.")
        var noiseRatio: Double = 0.05

        @Flag(help: "Delete a dataset of ours made with other settings in --output-dir and start afresh.")
        var overwrite = false

        @Option(
            help: ArgumentHelp(
                "Output formats, comma-separated: folder (the reference layout), webdataset (tar shards of output.shard_size clips); both = folder,webdataset. Default: the config's output.formats.",
                valueName: "formats"),
            transform: { try OutputFormat.list($0) })
        var format: [OutputFormat]?

        @Option(help: "Make only shard I (0 to --num-shards − 1, at most 99999) of the dataset; merge the shards with `morse-dataset merge`. Default: SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX when set, else the whole dataset.")
        var shardIndex: Int?

        @Option(help: "Number of shards (processes or machines) the dataset is split into; 1 to 100000; shard I makes clip ids [I·N/n, (I+1)·N/n). Default: SLURM_ARRAY_TASK_COUNT under a SLURM array, else 1.")
        var numShards: Int?

        @OptionGroup var progressOptions: ProgressOptions

        @OptionGroup var testHooks: TestHookOptions

        /// Every number is checked here, before the banner or anything else is printed.
        func validate() throws {
            try Bounds.check(numSamples, "--num-samples", in: Bounds.numSamples)
            try Bounds.check(sampleRate, "--sample-rate", in: Bounds.datasetSampleRate, unit: "Hz")
            try Bounds.check(maxDuration, "--max-duration", in: Bounds.maxDuration, unit: "seconds")
            try Bounds.check(noiseRatio, "--noise-ratio", in: Bounds.noiseRatio)
            try Bounds.check(shardIndex, "--shard-index", in: Bounds.shardIndex)
            try Bounds.check(numShards, "--num-shards", in: Bounds.numShards)
        }

        func run() throws {
            var loaded = try userFacing { () throws -> DatasetConfig in
                if let config { return try DatasetConfig.load(contentsOf: config) }
                return DatasetConfig.defaults
            }
            if let sampleRate { loaded.audio.sampleRate = sampleRate }
            if let format { loaded.output.formats = format }
            let assignment = try userFacing {
                try DatasetShard.resolve(index: shardIndex, count: numShards, environment: ProcessInfo.processInfo.environment)
            }
            let shard = assignment.shard
            loaded = try userFacing { try loaded.validated() }
            // The settings are checked in full before the banner, so a refused run prints only the error.
            let settings = try userFacing {
                try RunSettings(
                    config: loaded, numSamples: numSamples, seed: seedOptions.resolved(fallback: loaded.seed),
                    maxDuration: maxDuration, noiseRatio: noiseRatio
                ).validated()
            }
            let seed = settings.seed
            let workers = workerOptions.workers
            print("Generating \(numSamples) morse code samples in \(shown(outputDir)) (seed \(seed))")
            print("All samples will be at most \(Console.formatted(maxDuration)) seconds; \(Console.formatted(noiseRatio * 100))% noise-only")
            print("Using \(workers) worker thread\(workers == 1 ? "" : "s")")
            if let source = assignment.source {
                let ids = shard.ids(of: numSamples)
                let origin = source == .option ? "--shard-index" : source.rawValue
                print("\(shard) (from \(origin)): clips \(ids.lowerBound) to \(ids.upperBound - 1) (\(ids.count) clips)")
            }
            var generation = DatasetGeneration(
                settings: settings, outputDirectory: outputDir, workers: workers, overwrite: overwrite, progress: progressOptions.style,
                version: MorseDatasetCommand.configuration.version, shard: shard)
            generation.clipDelay = Double(try testHooks.clipDelayMilliseconds()) / 1000
            Console.flushOutput()
            let stop = StopSignal()
            let sources = stop.installSignalHandlers()
            defer { for source in sources { source.cancel() } }
            let result = try userFacing { try generation.run(stop: stop) { printError($0) } }
            try GenerateReport(result: result, shard: shard, outputDir: outputDir, maxDuration: maxDuration).show()
        }
    }
}
