import ArgumentParser
import Foundation
import MorseDataset

/// `--num-workers`, shared by every command that works on several threads.
struct WorkerOptions: ParsableArguments {
    @Option(
        name: [.customLong("num-workers"), .customLong("num_workers")],
        help:
            "Worker threads, \(Bounds.numWorkers.lowerBound) to \(Bounds.numWorkers.upperBound). Default: the number of cores, at most 8."
    )
    var numWorkers: Int?

    func validate() throws {
        try Bounds.check(numWorkers, "--num-workers", in: Bounds.numWorkers)
    }

    /// The threads to use: the option, else the number of cores, at most 8.
    var workers: Int { numWorkers ?? min(ProcessInfo.processInfo.activeProcessorCount, 8) }
}

/// `--seed`, shared by the commands whose output is random but repeatable.
struct SeedOptions: ParsableArguments {
    @Option(
        help:
            "Seed, 0 to 2^64 − 1. Default: the config's `seed` (generate), else a random seed, printed so the run can be repeated."
    )
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
            throw ValidationError(
                "\(Self.delayVariable)=\(shown(text)) is not a whole number of milliseconds from 0 to \(Bounds.testClipDelay.upperBound)"
            )
        }
        return value
    }
}

/// What every clip is made from, shared by `generate` and `stream` so both read the same options
/// with the same bounds and errors: the config, the sample rate, the longest clip and the share of
/// noise-only clips.
struct ClipOptions: ParsableArguments {
    @Option(
        help:
            "YAML config (the reference's contest_cw.yaml works unchanged; see docs/config.md). Default: built-in defaults."
    )
    var config: String?

    @Option(
        help:
            "Defaults for the keys the config leaves out: coverage (tones 300-1000 Hz, SNR -10 to +30 dB weighted towards weak signals, 10-45 WPM) or reference (the reference's 600-800 Hz, 8-30 dB, 15-40 WPM). Default: the config's `profile`, else coverage."
    )
    var profile: String?

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

    func validate() throws {
        try Bounds.check(sampleRate, "--sample-rate", in: Bounds.datasetSampleRate, unit: "Hz")
        try Bounds.check(maxDuration, "--max-duration", in: Bounds.maxDuration, unit: "seconds")
        try Bounds.check(noiseRatio, "--noise-ratio", in: Bounds.noiseRatio)
        if let profile, ConfigProfile(rawValue: profile) == nil {
            throw ValidationError(
                "--profile '\(profile)' is not a profile; use one of: \(ConfigProfile.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
    }

    /// The config file (or the defaults) with `--sample-rate` applied and `change` made, checked.
    func loadConfig(_ change: (inout DatasetConfig) -> Void = { _ in }) throws -> DatasetConfig {
        var loaded = try userFacing { () throws -> DatasetConfig in
            let chosen = profile.flatMap(ConfigProfile.init(rawValue:))
            if let config { return try DatasetConfig.load(contentsOf: config, profile: chosen) }
            return DatasetConfig.defaults(for: chosen ?? .coverage)
        }
        if let sampleRate { loaded.audio.sampleRate = sampleRate }
        change(&loaded)
        return try userFacing { try loaded.validated() }
    }

    /// The run settings for `config`, checked in full (so a refused run prints only the error).
    func settings(config: DatasetConfig, numSamples: Int, seed: UInt64) throws -> RunSettings {
        try userFacing {
            try RunSettings(
                config: config, numSamples: numSamples, seed: seed, maxDuration: maxDuration, noiseRatio: noiseRatio
            ).validated()
        }
    }
}
