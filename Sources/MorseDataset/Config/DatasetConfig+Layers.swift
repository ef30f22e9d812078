import Foundation
import MorseChannel
import MorseCode
import MorseContent
import MorseFileSystem

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
            qsoProbability: qsoProbability, portableRate: callsigns.includePortable,
            specialRate: callsigns.includeSpecial,
            abbreviationRate: prosigns.useAbbreviations, prosigns: prosigns.commonProsigns.map(\.rawValue),
            cutNumberRate: content.cutNumberRate,
            plainTextLines: lines)
        do { return try configuration.validated() } catch { throw .invalidOption("config: \(error.description)") }
    }

    /// Non-empty lines of a plain-text corpus, each checked to be keyable. The file is streamed
    /// (memory stays at one chunk plus the lines kept) and a FIFO, device or folder is refused
    /// instead of being read forever; `shouldStop` is asked between chunks (Ctrl-C, SIGTERM).
    /// The most corpus text kept in memory to draw lines from (64 MiB): a larger file is refused
    /// after that much is read, so a huge or endless file costs bounded memory and time.
    static let plainTextLimit = 64 << 20

    static func plainTextLines(
        _ path: String, limit: Int = plainTextLimit, shouldStop: () -> Bool = { false }
    ) throws(DatasetError) -> [String] {
        var lines: [String] = []
        var kept = 0
        let outcome: TextFileLines.Outcome
        do {
            outcome = try TextFileLines(path: path).forEachLine(shouldStop: shouldStop) { line, number in
                let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty else { return }
                kept += trimmed.utf8.count + 1
                if kept > limit {
                    throw DatasetError.invalidOption(
                        "content.plain_text_file \(path) holds more than \(limit >> 20) MiB of text (line \(number)); "
                            + "the corpus is kept in memory to draw from, so give a smaller file")
                }
                do {
                    lines.append(try MorseText(trimmed).description)
                } catch {
                    throw DatasetError.invalidOption(
                        "content.plain_text_file \(path) line \(number): \(String(describing: error))")
                }
            }
        } catch let error as DatasetError {
            throw error
        } catch let error as FileSystemError {
            throw .invalidOption(
                "content.plain_text_file: \(error.description) (relative paths are from the config file's folder)")
        } catch {
            throw .invalidOption("content.plain_text_file \(path): \(error)")
        }
        if case .stopped = outcome { throw .invalidOption("content.plain_text_file \(path): reading was stopped") }
        guard !lines.isEmpty else {
            throw .invalidOption("content.plain_text_file \(path) has no text; put one message on each line")
        }
        return lines
    }

    /// What the channel layer needs from this config: the ranges that clamp each preset's draw.
    public var channelLimits: ChannelLimits {
        ChannelLimits(
            snrRange: noise.snrRange, snrDistribution: noise.snrDistribution, interfererCount: noise.qrmInterferers,
            qrnRate: noise.qrnRate,
            fadingRate: noise.fadingRate, fadingDepth: noise.fadingDepth, driftMax: noise.driftMax,
            multipath: advancedFeatures.multipath,
            multipathDelays: (advancedFeatures.multipathDelays.lowerBound / 1000)...(advancedFeatures.multipathDelays
                .upperBound / 1000),
            agcEnabled: advancedFeatures.agcEnabled, agcAttack: advancedFeatures.agcAttack,
            agcRelease: advancedFeatures.agcRelease,
            filterTypes: advancedFeatures.filterTypes,
            fadingTypes: advancedFeatures.fadingTypes,
            toneRange: audio.toneFrequencyRange, wpmRange: wpmRange, sampleRate: Double(audio.sampleRate))
    }
}
