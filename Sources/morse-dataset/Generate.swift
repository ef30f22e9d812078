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
                splits/{split}.csv and {split}_transcripts.txt, audio/{split}/metadata.parquet (Hugging Face \
                audiofolder, typed as the card declares), metadata/{split}.jsonl (every clip's full record), \
                manifests/{split}.jsonl (NeMo), dataset_info.json and a README.md dataset card.

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

        @Option(
            name: [.customLong("output-dir"), .customLong("output_dir")],
            help: "Folder for the dataset (created if missing).")
        var outputDir: String = "data/processed"

        @OptionGroup var seedOptions: SeedOptions

        @OptionGroup var workerOptions: WorkerOptions

        @OptionGroup var clipOptions: ClipOptions

        @Flag(help: "Delete a dataset of ours made with other settings in --output-dir and start afresh.")
        var overwrite = false

        @Option(
            help: ArgumentHelp(
                "Output formats, comma-separated: folder (the reference layout), webdataset (tar shards of output.shard_size clips), lhotse (Lhotse manifests with alignments); both = folder,webdataset. Default: the config's output.formats.",
                valueName: "formats"),
            transform: { try OutputFormat.list($0) })
        var format: [OutputFormat]?

        @Flag(
            help:
                "Keep the WAV files under audio/ when WebDataset is the only format (by default they are removed once the shards hold every clip). Sets output.keep_audio."
        )
        var keepAudio = false

        @Option(
            help: ArgumentHelp(
                "How manifests/{split}.jsonl names the audio for NeMo: absolute (the dataset's real path; NeMo never reads another dataset's file) or relative (../audio/…, for datasets that are moved or published). Default: the config's output.nemo_paths.",
                valueName: "absolute|relative"))
        var nemoPaths: NeMoPaths?

        @Option(
            help:
                "Make only shard I (0 to --num-shards − 1, at most 99999) of the dataset; merge the shards with `morse-dataset merge`. Default: SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX when set, else the whole dataset."
        )
        var shardIndex: Int?

        @Option(
            help:
                "Number of shards (processes or machines) the dataset is split into; 1 to 100000; shard I makes clip ids [I·N/n, (I+1)·N/n). Default: SLURM_ARRAY_TASK_COUNT under a SLURM array, else 1."
        )
        var numShards: Int?

        @OptionGroup var progressOptions: ProgressOptions

        @OptionGroup var testHooks: TestHookOptions

        /// Every number is checked here, before the banner or anything else is printed.
        func validate() throws {
            try Bounds.check(numSamples, "--num-samples", in: Bounds.numSamples)
            try Bounds.check(shardIndex, "--shard-index", in: Bounds.shardIndex)
            try Bounds.check(numShards, "--num-shards", in: Bounds.numShards)
        }

        func run() throws {
            let assignment = try userFacing {
                try DatasetShard.resolve(
                    index: shardIndex, count: numShards, environment: ProcessInfo.processInfo.environment)
            }
            let shard = assignment.shard
            let loaded = try clipOptions.loadConfig {
                if let format { $0.output.formats = format }
                if keepAudio { $0.output.keepAudio = true }
                if let nemoPaths { $0.output.nemoPaths = nemoPaths }
            }
            let settings = try clipOptions.settings(
                config: loaded, numSamples: numSamples, seed: seedOptions.resolved(fallback: loaded.seed))
            let seed = settings.seed
            let workers = workerOptions.workers
            var generation = DatasetGeneration(
                settings: settings, outputDirectory: outputDir, workers: workers, overwrite: overwrite,
                progress: progressOptions.style,
                version: MorseDatasetCommand.configuration.version, shard: shard)
            generation.clipDelay = Double(try testHooks.clipDelayMilliseconds()) / 1000
            Console.flushOutput()
            let stop = StopSignal()
            let sources = stop.installSignalHandlers()
            defer { for source in sources { source.cancel() } }
            // The banner comes once the folder is accepted: a refused run prints only its error.
            let result = try userFacing {
                try generation.run(
                    stop: stop,
                    started: {
                        print("Generating \(numSamples) morse code samples in \(shown(outputDir)) (seed \(seed))")
                        print(
                            "All samples will be at most \(Console.formatted(settings.maxDuration)) seconds; \(Console.formatted(settings.noiseRatio * 100))% noise-only"
                        )
                        print("Using \(workers) worker thread\(workers == 1 ? "" : "s")")
                        if let source = assignment.source {
                            let ids = shard.ids(of: numSamples)
                            let origin = source == .option ? "--shard-index" : source.rawValue
                            print(
                                "\(shard) (from \(origin)): clips \(ids.lowerBound) to \(ids.upperBound - 1) (\(ids.count) clips)"
                            )
                        }
                        Console.flushOutput()
                    }
                ) { printError($0) }
            }
            try GenerateReport(result: result, shard: shard, outputDir: outputDir, maxDuration: settings.maxDuration)
                .show()
        }
    }
}
