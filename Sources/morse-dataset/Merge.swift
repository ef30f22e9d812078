import ArgumentParser
import Foundation
import MorseDataset

extension MorseDatasetCommand {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Join the shards of one run into a finished dataset (manifests, splits, statistics, card).",
            discussion: """
                Checks that every shard was made with the same settings and that every clip id is there, then \
                copies the shards' audio into OUT (the shard folders are left as they are), writes OUT's journal \
                and all manifests. The result is byte-identical to a single generate run with the same seed and \
                config. If anything is missing, nothing is written and the missing ids and shards are listed.

                When every shard wrote into OUT itself, `morse-dataset merge OUT` alone finalises it.

                Example: morse-dataset merge data/cw shards/0 shards/1 shards/2
                """)

        @Argument(help: "Folder of the merged dataset (created if missing; may be the folder the shards share).")
        var output: String

        @Argument(help: "Folders that `generate --shard-index I --num-shards N` wrote.")
        var shardFolders: [String] = []

        func run() throws {
            let merge = DatasetMerge(
                output: output, shardFolders: shardFolders, version: MorseDatasetCommand.configuration.version)
            // Merge names its output folder OUT, its first argument.
            let naming: (RunOption) -> String = { flag(for: $0, outputFolder: "OUT") }
            let result = try userFacing(naming: naming) { try merge.run() }
            print(
                "Merged \(result.journals) journal\(result.journals == 1 ? "" : "s") from \(result.folders.count) folder\(result.folders.count == 1 ? "" : "s"); copied \(result.copied) clips."
            )
            print("")
            print("Dataset statistics:")
            for line in result.statistics.lines(histogramUpTo: result.settings.maxDuration) { print(line) }
            print("Wrote \(shown(output))")
        }
    }
}
