/// Everything that fixes a dataset's content: the effective config plus the command-line settings.
public struct RunSettings: Sendable {
    /// The effective config (the seed and sample rate of the run already applied).
    public var config: DatasetConfig
    public var numSamples: Int
    public var seed: UInt64
    /// Longest clip in seconds; every clip's audio, silence included, fits in it.
    public var maxDuration: Double
    /// Fraction of clips that are noise-only (exactly ⌊N × ratio⌋ of any first N clips).
    public var noiseRatio: Double

    public init(config: DatasetConfig, numSamples: Int, seed: UInt64, maxDuration: Double, noiseRatio: Double) {
        var config = config
        config.seed = seed
        self.config = config
        self.numSamples = numSamples
        self.seed = seed
        self.maxDuration = maxDuration
        self.noiseRatio = noiseRatio
    }

    public var sampleRate: Int { config.audio.sampleRate }

    /// The settings, or an error naming the value out of range and the fix.
    public func validated() throws(DatasetError) -> RunSettings {
        guard numSamples >= 1 else { throw .invalidSetting("\(RunOption.numSamples) \(numSamples) must be at least 1") }
        guard numSamples <= 100_000_000 else {
            throw .invalidSetting(
                "\(RunOption.numSamples) \(numSamples) is above the limit of 100,000,000; split the work into shards (\(RunOption.numShards))"
            )
        }
        guard maxDuration >= 2, maxDuration <= 600 else {
            throw .invalidSetting(
                "\(RunOption.maxDuration) \(maxDuration) s is out of range; use 2 to 600 seconds (Whisper takes up to 30)"
            )
        }
        guard (0...1).contains(noiseRatio) else {
            throw .invalidSetting(
                "\(RunOption.noiseRatio) \(noiseRatio) is out of range; use a fraction from 0 to 1, e.g. 0.05")
        }
        let shortest = config.durationBands.filter { $0.weight > 0 }.map(\.range.lowerBound).min() ?? maxDuration
        guard shortest <= maxDuration else {
            throw .invalidSetting(
                "\(RunOption.maxDuration) \(maxDuration) s is shorter than every duration band (the shortest starts at \(shortest) s); raise \(RunOption.maxDuration) or add a shorter band under duration_bands"
            )
        }
        return self
    }

    public var descriptor: RunDescriptor {
        RunDescriptor(
            configFingerprint: config.fingerprint, seed: seed, numSamples: numSamples, sampleRate: sampleRate,
            maxDuration: maxDuration, noiseRatio: noiseRatio)
    }
}
