import ArgumentParser
import Foundation
import MorseDataset

/// `--num-workers`, shared by every command that works on several threads.
struct WorkerOptions: ParsableArguments {
    @Option(
        name: [.customLong("num-workers"), .customLong("num_workers")],
        help: "Worker threads, \(Bounds.numWorkers.lowerBound) to \(Bounds.numWorkers.upperBound). Default: the number of cores, at most 8.")
    var numWorkers: Int?

    func validate() throws {
        try Bounds.check(numWorkers, "--num-workers", in: Bounds.numWorkers)
    }

    /// The threads to use: the option, else the number of cores, at most 8.
    var workers: Int { numWorkers ?? min(ProcessInfo.processInfo.activeProcessorCount, 8) }
}

/// `--seed`, shared by the commands whose output is random but repeatable.
struct SeedOptions: ParsableArguments {
    @Option(help: "Seed, 0 to 2^64 − 1. Default: the config's `seed` (generate), else a random seed, printed so the run can be repeated.")
    var seed: UInt64?

    /// The seed given, else `fallback`, else a fresh one to print so the run can be repeated.
    func resolved(fallback: UInt64? = nil) -> UInt64 {
        seed ?? fallback ?? UInt64.random(in: 0...UInt64(UInt32.max))
    }
}

/// `--progress`: how a long run shows how far it is.
struct ProgressOptions: ParsableArguments {
    @Option(help: "Progress display: auto (a bar on a terminal, lines otherwise), bar, lines or none.")
    var progress: ProgressChoice = .auto

    enum ProgressChoice: String, ExpressibleByArgument, CaseIterable { case auto, bar, lines, none }

    /// The display for this run: `auto` draws a bar only when standard error is a terminal.
    var style: ProgressStyle {
        switch progress {
        case .auto: Console.isTerminal(STDERR_FILENO) ? .bar : .lines(interval: 5)
        case .bar: .bar
        case .lines: .lines(interval: 5)
        case .none: .none
        }
    }
}

/// Hooks for the fault tests, hidden from `--help` (shown by `--help-hidden`); see docs/testing.md.
struct TestHookOptions: ParsableArguments {
    /// The environment variable that sets ``clipDelayMilliseconds`` when the option is not given.
    static let delayVariable = "MORSE_DATASET_TEST_DELAY_MS"

    @Option(
        name: .customLong("test-clip-delay-ms"),
        help: ArgumentHelp(
            "Testing only: pause this many milliseconds (0 to \(Bounds.testClipDelay.upperBound)) before each clip, so a run lasts long enough to interrupt on any build. The clips are unchanged. Default: $\(delayVariable), else 0.",
            visibility: .hidden))
    var testClipDelayMs: Int?

    func validate() throws {
        try Bounds.check(testClipDelayMs, "--test-clip-delay-ms", in: Bounds.testClipDelay)
        _ = try clipDelayMilliseconds()
    }

    /// The pause before each clip in milliseconds: the option, else the environment variable, else 0.
    func clipDelayMilliseconds(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Int {
        if let testClipDelayMs { return testClipDelayMs }
        guard let text = environment[Self.delayVariable], !text.isEmpty else { return 0 }
        guard let value = Int(text), Bounds.testClipDelay.contains(value) else {
            throw ValidationError("\(Self.delayVariable)=\(shown(text)) is not a whole number of milliseconds from 0 to \(Bounds.testClipDelay.upperBound)")
        }
        return value
    }
}
