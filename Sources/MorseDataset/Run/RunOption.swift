/// A setting of a run that an error message can point the user at.
///
/// The library never spells a front end's flags: a message names a setting with a token
/// (`"\(RunOption.numShards) \(count) must be at least 1"`), and whoever shows the message decides
/// how the setting is spelt: the CLI as `--num-shards`, other callers in plain words
/// (``plainName``). Every token reads as a noun without an article, so messages are
/// worded to read well both ways ("give another \(RunOption.outputDirectory)").
public enum RunOption: String, Sendable, CaseIterable {
    case numSamples, outputDirectory, maxDuration, noiseRatio, sampleRate, shardIndex, numShards, overwrite

    /// The setting in plain words, for callers without flags of their own.
    public var plainName: String {
        switch self {
        case .numSamples: "number of clips"
        case .outputDirectory: "output folder"
        case .maxDuration: "maximum duration"
        case .noiseRatio: "noise-only ratio"
        case .sampleRate: "sample rate"
        case .shardIndex: "shard index"
        case .numShards: "number of shards"
        case .overwrite: "overwriting"
        }
    }
}

/// An error message with the settings it names left as ``RunOption`` tokens until it is shown.
public struct OptionMessage: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    enum Part: Sendable, Equatable {
        case text(String)
        case option(RunOption)
    }

    var parts: [Part]

    public init(stringLiteral value: String) { parts = [.text(value)] }

    public init(stringInterpolation: StringInterpolation) { parts = stringInterpolation.parts }

    /// The message with each setting spelt by `name` (e.g. a CLI flag).
    public func rendered(naming name: (RunOption) -> String) -> String {
        parts.map { part in
            switch part {
            case let .text(text): text
            case let .option(option): name(option)
            }
        }.joined()
    }

    /// The message in plain words.
    public var description: String { rendered(naming: \.plainName) }

    public struct StringInterpolation: StringInterpolationProtocol {
        var parts: [Part] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) { parts.append(.text(literal)) }

        public mutating func appendInterpolation(_ option: RunOption) { parts.append(.option(option)) }

        /// Another message, its tokens kept.
        public mutating func appendInterpolation(_ message: OptionMessage) { parts += message.parts }

        public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            parts.append(.text(value.description))
        }
    }
}
