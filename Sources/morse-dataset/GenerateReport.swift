import ArgumentParser
import Foundation
import MorseDataset

/// What `generate` prints when the run ends: how it stopped, a shard's tally, or the finished
/// dataset's statistics; failures go to standard error and set the exit status.
struct GenerateReport {
    var result: DatasetGeneration.Result
    var shard: DatasetShard
    var outputDir: String
    var maxDuration: Double

    /// Prints the report; throws the exit status for a stopped run (130) or failed clips (1).
    func show() throws {
        if !result.kept.isEmpty {
            // --overwrite deletes only what the tool made; the user's own files stay where they were.
            printError(
                "Kept \(result.kept.count) file\(result.kept.count == 1 ? "" : "s") the tool did not make (not deleted by the overwrite):"
            )
            for path in result.kept.prefix(20) { printError("  \(shown(outputDir + "/" + path))") }
            if result.kept.count > 20 { printError("  … and \(result.kept.count - 20) more") }
        }
        if let stopped = result.stopped {
            printError(
                "Stopped: \(stopped). \(result.alreadyDone + result.made) of \(result.total) clips are done and kept in \(shown(outputDir))."
            )
            printError("Run the same command again to resume.")
            throw ExitCode(130)
        }
        if !shard.isWhole {
            print(
                "\(shard): \(result.alreadyDone + result.made) of \(result.total) clips done (made \(result.made)) in \(String(format: "%.1f", result.elapsed)) s."
            )
            if !result.failures.isEmpty {
                printError(
                    "\(result.failures.count) clip\(result.failures.count == 1 ? "" : "s") failed; run the same command again to retry them."
                )
                for failure in result.failures.prefix(20) { printError("  clip \(failure.id): \(failure.reason)") }
                throw ExitCode(1)
            }
            print("When all \(shard.count) shards are done, finalise the dataset with:")
            print(
                "  morse-dataset merge OUT SHARD_DIR... (or `morse-dataset merge \(shown(outputDir))` if every shard wrote into \(shown(outputDir)))"
            )
            return
        }
        if result.alreadyDone > 0 {
            print("Resumed: \(result.alreadyDone) clips were already done; made \(result.made) more.")
        }
        print("")
        print("Dataset statistics:")
        for line in result.statistics?.lines(histogramUpTo: maxDuration) ?? [] { print(line) }
        print(
            "Total time: \(String(format: "%.1f", result.elapsed)) s (\(String(format: "%.0f", Double(result.made) / max(result.elapsed, 1e-9))) clips/s)"
        )
        if !result.failures.isEmpty || !result.missing.isEmpty {
            printError(
                "\(result.failures.count) clip\(result.failures.count == 1 ? "" : "s") failed and \(result.missing.count) lost their audio; they are left out of the manifests. Run the same command again to retry them."
            )
            for failure in result.failures.prefix(20) { printError("  clip \(failure.id): \(failure.reason)") }
            throw ExitCode(1)
        }
        print("Wrote \(shown(outputDir))")
    }
}
