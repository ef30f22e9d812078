import Foundation
import MorseChannel
import MorseCode
import MorseContent

extension DatasetConfig {
    /// What the content layer needs from this config. Reads `content.plain_text_file` (when the
    /// plain-text sample type is on) and checks that every line can be keyed.
    public func contentConfiguration() throws(DatasetError) -> ContentConfiguration {
        var lines: [String] = []
        if let path = content.plainTextFile, (compositionWeights.sampleTypes[.plainText] ?? 0) > 0 {
            lines = try Self.plainTextLines(path)
        }
        let configuration = ContentConfiguration(
            contestTypes: contestTypes,
            countryWeights: compositionWeights.countries,
            sampleTypeWeights: compositionWeights.sampleTypes,
            qsoProbability: qsoProbability, portableRate: callsigns.includePortable, specialRate: callsigns.includeSpecial,
            abbreviationRate: prosigns.useAbbreviations, prosigns: prosigns.commonProsigns.map(\.rawValue), cutNumberRate: content.cutNumberRate,
            plainTextLines: lines)
        do { return try configuration.validated() } catch { throw .invalidOption("config: \(error.description)") }
    }

    /// Non-empty lines of a plain-text corpus, each checked to be keyable.
    static func plainTextLines(_ path: String) throws(DatasetError) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .invalidOption("content.plain_text_file: cannot read \(path); check the path (relative paths are from the config file's folder)")
        }
        var lines: [String] = []
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            do {
                lines.append(try MorseText(trimmed).description)
            } catch {
                throw .invalidOption("content.plain_text_file \(path) line \(number + 1): \(error.description)")
            }
        }
        guard !lines.isEmpty else { throw .invalidOption("content.plain_text_file \(path) has no text; put one message on each line") }
        return lines
    }

    /// What the channel layer needs from this config: the ranges that clamp each preset's draw.
    public var channelLimits: ChannelLimits {
        ChannelLimits(
            snrRange: noise.snrRange, snrDistribution: noise.snrDistribution, interfererCount: noise.qrmInterferers, qrnRate: noise.qrnRate,
            fadingRate: noise.fadingRate, fadingDepth: noise.fadingDepth, driftMax: noise.driftMax,
            multipath: advancedFeatures.multipath,
            multipathDelays: (advancedFeatures.multipathDelays.lowerBound / 1000)...(advancedFeatures.multipathDelays.upperBound / 1000),
            agcEnabled: advancedFeatures.agcEnabled, agcAttack: advancedFeatures.agcAttack, agcRelease: advancedFeatures.agcRelease,
            filterTypes: advancedFeatures.filterTypes,
            fadingTypes: advancedFeatures.fadingTypes,
            toneRange: audio.toneFrequencyRange, wpmRange: wpmRange, sampleRate: Double(audio.sampleRate))
    }
}
