import Foundation
import MorseCode
import MorseDatasetFormat
import Testing

@testable import MorseDataset

@Suite struct AlignmentOutputTests {
    typealias Span = KeyedTimeline.Span

    @Test func whisperTranscriptSegmentsAtPausesOnTheTwentyMillisecondGrid() {
        let words = [
            Span(text: "CQ", start: 0.487, end: 0.91), Span(text: "TEST", start: 1.2, end: 1.999),
            // A pause over 0.5 s: a new transmission, a new segment.
            Span(text: "K1ABC", start: 2.7, end: 3.121),
        ]
        #expect(WhisperTimestamps.transcript(words, duration: 4) == "<|0.48|> CQ TEST<|2.00|><|2.70|> K1ABC<|3.12|>")
        #expect(WhisperTimestamps.transcript([], duration: 4) == "")
    }

    @Test func whisperSegmentsCloseAfterSixSecondsAndStopAtThirty() {
        // Words every 0.5 s for 40 s: segments of about 6 s, nothing past Whisper's 30 s window.
        let words = (0..<80).map { Span(text: "E\($0)", start: Double($0) * 0.5, end: Double($0) * 0.5 + 0.3) }
        let text = WhisperTimestamps.transcript(words, duration: 40)
        let stamps = text.split(separator: "<|").map { $0.prefix { $0 != "|" } }.compactMap { Double($0) }
        #expect(stamps.count % 2 == 0 && stamps.count >= 10)
        #expect(stamps.allSatisfy { $0 <= 30 })
        for pair in stride(from: 0, to: stamps.count, by: 2) { #expect(stamps[pair + 1] - stamps[pair] <= 6.5) }
        #expect(!text.contains("E60"), "a word starting at 30 s is past the window")
    }

    @Test func lhotseManifestsHoldEveryClipWithItsAlignments() throws {
        let root = temporaryFolder()
        var settings = smallSettings(numSamples: 12, noiseRatio: 0.1)
        settings.config.output.formats = [.lhotse]
        try generate(settings, into: root)
        var ids: [String] = []
        for split in DatasetSplit.allCases {
            let lines = { (kind: String) throws -> [[String: Any]] in
                try String(contentsOfFile: root + "/lhotse/\(kind)_\(split.name).jsonl", encoding: .utf8)
                    .split(separator: "\n").map {
                        try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
                    }
            }
            let recordings = try lines("recordings"), supervisions = try lines("supervisions"), cuts = try lines("cuts")
            #expect(recordings.count == supervisions.count && cuts.count == recordings.count)
            for (recording, cut) in zip(recordings, cuts) {
                let id = try #require(recording["id"] as? String)
                ids.append(id)
                #expect(cut["type"] as? String == "MonoCut" && cut["id"] as? String == id)
                let sources = try #require(recording["sources"] as? [[String: Any]])
                #expect(sources.first?["source"] as? String == "audio/\(split.name)/\(id).wav")
                #expect(FileManager.default.fileExists(atPath: root + "/audio/\(split.name)/\(id).wav"))
                let supervision = try #require((cut["supervisions"] as? [[String: Any]])?.first)
                let alignment = try #require(supervision["alignment"] as? [String: [[Any]]])
                let text = try #require(supervision["text"] as? String)
                #expect((alignment["word"] ?? []).compactMap { $0.first as? String }.joined(separator: " ") == text)
                #expect((alignment["char"] ?? []).count == text.filter { $0 != " " }.count || text.contains("<"))
            }
        }
        #expect(ids.count == 12 && Set(ids).count == 12)
    }
}
