import Foundation

/// What fixes a dataset's content: a resumed or merged run must match it field for field.
public struct RunDescriptor: Codable, Sendable, Hashable {
    public var format = 1
    public var tool = "morse-dataset"
    public var configFingerprint: String
    public var seed: UInt64
    public var numSamples: Int
    public var sampleRate: Int
    public var maxDuration: Double
    public var noiseRatio: Double

    enum CodingKeys: String, CodingKey {
        case format, tool, seed
        case configFingerprint = "config_fingerprint", numSamples = "num_samples", sampleRate = "sample_rate"
        case maxDuration = "max_duration", noiseRatio = "noise_ratio"
    }

    public init(
        configFingerprint: String, seed: UInt64, numSamples: Int, sampleRate: Int, maxDuration: Double,
        noiseRatio: Double
    ) {
        self.configFingerprint = configFingerprint
        self.seed = seed
        self.numSamples = numSamples
        self.sampleRate = sampleRate
        self.maxDuration = maxDuration
        self.noiseRatio = noiseRatio
    }

    /// The fields that differ from `other`, as `name stored → requested`, or nil if none.
    public func difference(from stored: RunDescriptor) -> String? {
        var parts: [String] = []
        if stored.format != format { parts.append("format \(stored.format) → \(format)") }
        if stored.configFingerprint != configFingerprint {
            parts.append("config \(stored.configFingerprint) → \(configFingerprint)")
        }
        if stored.seed != seed { parts.append("seed \(stored.seed) → \(seed)") }
        if stored.numSamples != numSamples { parts.append("num-samples \(stored.numSamples) → \(numSamples)") }
        if stored.sampleRate != sampleRate { parts.append("sample-rate \(stored.sampleRate) → \(sampleRate)") }
        if stored.maxDuration != maxDuration { parts.append("max-duration \(stored.maxDuration) → \(maxDuration)") }
        if stored.noiseRatio != noiseRatio { parts.append("noise-ratio \(stored.noiseRatio) → \(noiseRatio)") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? "{}\n"
    }

    public static func load(_ path: String) -> RunDescriptor? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(RunDescriptor.self, from: data)
    }
}
