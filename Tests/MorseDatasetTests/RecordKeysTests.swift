import Foundation
import MorseDatasetFormat
import Testing

@testable import MorseDataset

/// `stream --fields`: a record of chosen keys is the full record cut down to them, in the same
/// order with the same values, and the audio never changes.
@Suite struct RecordKeysTests {
    static let keySets: [[ClipField]] = [
        [.text, .duration],
        [.id, .text, .checksum],
        // Each key that needs the delivered label times, alone: none may fall back to keyed times.
        [.whisperText], [.words],
        [.characters, .stations, .channel, .exchanges, .evaluation, .exchange],
        [.text, .snr500, .isNoiseOnly],
    ]

    /// The keys of a JSON object text, in order (JSONSerialization forgets the order).
    func orderedKeys(_ record: String) -> [String] {
        // Top-level keys follow `{` or `, ` at depth 1 and end at `": `.
        var keys: [String] = [], depth = 0, inString = false, escaped = false, current = "", atKey = false
        for character in record {
            if inString {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                    if atKey { keys.append(current); atKey = false }
                } else if atKey {
                    current.append(character)
                }
                continue
            }
            switch character {
            case "{", "[":
                depth += 1
                if depth == 1 { atKey = true; current = "" }
            case "}", "]": depth -= 1
            case ",": if depth == 1 { atKey = true; current = "" }
            case "\"":
                inString = true
                if !(atKey && depth == 1) { atKey = false }
            default: break
            }
        }
        return keys
    }

    func object(_ record: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(record.utf8)) as? [String: Any] ?? [:]
    }

    @Test(arguments: keySets) func aTrimmedRecordIsTheFullRecordCutDown(keys: [ClipField]) throws {
        // Noise-only clips and a contest mix: every kind of record.
        let settings = RunSettings(
            config: .defaults, numSamples: 12, seed: 41, maxDuration: 8, noiseRatio: 0.25)
        let planner = try ClipPlanner(settings: settings.validated())
        let layout = DatasetLayout(root: ".", numSamples: 12)
        let full = ClipMaker(planner: planner, layout: layout)
        let trimmed = ClipMaker(planner: planner, layout: layout, recordKeys: RecordKeys(keys))
        for id in 0..<12 {
            let whole = try full.make(id: id, split: .train), cut = try trimmed.make(id: id, split: .train)
            #expect(cut.wav == whole.wav, "clip \(id): the audio must not depend on the record's keys")
            let expectedOrder = orderedKeys(whole.record).filter { ClipField(rawValue: $0).map(keys.contains) ?? false }
            #expect(orderedKeys(cut.record) == expectedOrder, "clip \(id): keys in the full record's order")
            #expect(Set(expectedOrder) == Set(keys.map(\.rawValue)))
            let wholeObject = try object(whole.record), cutObject = try object(cut.record)
            for key in keys.map(\.rawValue) {
                let a = try JSONSerialization.data(withJSONObject: [wholeObject[key] ?? NSNull()], options: .sortedKeys)
                let b = try JSONSerialization.data(withJSONObject: [cutObject[key] ?? NSNull()], options: .sortedKeys)
                #expect(a == b, "clip \(id): \(key) differs from the full record's")
            }
        }
    }

    @Test func parsingNamesTheBadKeyAndIgnoresSpaces() throws {
        #expect(try RecordKeys(parsing: " text , duration").kept == [.text, .duration])
        #expect(throws: RecordKeysError.unknown("txet")) { try RecordKeys(parsing: "text,txet") }
        #expect(throws: RecordKeysError.empty) { try RecordKeys(parsing: " , ") }
        // A hostile name comes back bounded and without control characters.
        #expect(throws: RecordKeysError.unknown("a?b" + String(repeating: "x", count: 61))) {
            try RecordKeys(parsing: "a\u{1B}b" + String(repeating: "x", count: 500))
        }
        #expect(RecordKeysError.unknown("txet").description.contains("whisper_text"))
        #expect(RecordKeys.all.contains(.channel) && !RecordKeys([.text]).contains(.channel))
    }

    @Test func theHeaderFlagsATrimmedStream() throws {
        let settings = smallSettings(numSamples: 2, maxDuration: 4)
        for (keys, flag) in [(RecordKeys.all, 0), (RecordKeys([.text]), 1)] {
            let output = CapturedOutput()
            _ = try ClipStream(settings: settings, selection: StreamSelection(count: 2), workers: 1, recordKeys: keys)
                .run(to: output, stop: StopSignal()) { _ in }
            let bytes = output.data
            #expect(bytes[12] == UInt8(flag) && bytes[13] == 0)
            let stream = ParsedStream(bytes)
            #expect(stream.clips.count == 2)
            if flag == 1 { #expect(stream.clips.allSatisfy { orderedKeys($0.record) == ["text"] }) }
        }
    }
}
