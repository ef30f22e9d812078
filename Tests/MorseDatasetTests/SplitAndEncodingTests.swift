import Foundation
import MorseChannel
import MorseCode
import MorseDatasetFormat
import RealModule
import Testing

@testable import MorseDataset

@Suite struct EncodingTests {
    @Test(arguments: [
        (0.1, 6, "0.1"), (2.5, 1, "2.5"), (-0.0000001, 6, "0"), (1234.56789, 2, "1234.57"), (7, 4, "7"),
        (-3.25, 3, "-3.25"),
    ])
    func numbersAreShortAndFixed(value: Double, decimals: Int, expected: String) {
        #expect(NumberFormat.decimal(value, places: decimals) == expected)
    }

    /// The fast number writer gives exactly what the plain String-based one gave.
    @Test func numbersMatchTheReferenceFormatting() {
        func reference(_ value: Double, decimals: Int) -> String {
            guard value.isFinite else { return "null" }
            var scale = 1.0
            for _ in 0..<decimals { scale *= 10 }
            let scaled = (value * scale).rounded()
            if scaled == 0 { return "0" }
            let magnitude = UInt64(abs(scaled)), unit = UInt64(scale)
            var result = String(magnitude / unit)
            let fraction = magnitude % unit
            if fraction != 0 && decimals > 0 {
                var digits = String(fraction)
                digits = String(repeating: "0", count: decimals - digits.count) + digits
                while digits.hasSuffix("0") { digits.removeLast() }
                result += "." + digits
            }
            return scaled < 0 ? "-" + result : result
        }
        var rng = SeededGenerator(seed: 3)
        var values: [Double] = [
            0, -0.0, 1, -1, 0.5, 10, 100.25, 1e-9, -1e-9, 123_456.789_012_3, .nan, .infinity, 0.000_05, 0.04999,
        ]
        for _ in 0..<20_000 {
            let magnitude = Double.random(in: -8...6, using: &rng)
            values.append(
                (Bool.random(using: &rng) ? 1 : -1) * Double.random(in: 1...10, using: &rng)
                    * Double.pow(10, magnitude.rounded(.down)))
        }
        for value in values {
            for decimals in 0...8 {
                #expect(
                    NumberFormat.decimal(value, places: decimals) == reference(value, decimals: decimals),
                    "\(value) \(decimals)")
            }
        }
        for text in ["", "K1ABC", "CQ DE DL2XYZ/P", "Zürich ÄÖ 東京", "a\"b", "a\\b", "tab\tx", "\u{7F}", "\u{1F}"] {
            let parsed =
                try? JSONSerialization.jsonObject(with: Data(JSONObject.quoted(text).utf8), options: .fragmentsAllowed)
                as? String
            #expect(parsed == text, "\(text)")
        }
        #expect(JSONObject.quoted("Zürich") == "\"Zürich\"")
        // The exact escapes (lower-case hex), which the records' bytes depend on.
        #expect(
            JSONObject.quoted("a\"b\\c\n\r\t\u{1}\u{1F}\u{7F} ü 東")
                == #""a\"b\\c\n\r\t\u0001\u001f\u007f ü 東""#)
    }

    /// The channel's hand-written JSON is byte for byte what `JSONEncoder` (sorted keys,
    /// snake_case) gives, over many planned clips (every condition, fading kind, QRM, AGC or none).
    @Test func channelJSONMatchesJSONEncoder() throws {
        let planner = try ClipPlanner(settings: smallSettings(numSamples: 400, seed: 11, maxDuration: 30))
        var channels = try (0..<400).map { try planner.plan($0).channel }
        var noAGC = channels[0]
        noAGC.agc = nil
        noAGC.multipathDelays = [0.0015, 1e-05]
        noAGC.multipathGains = [-4, -8.25]
        noAGC.fading = FadingParameters(kind: .selective, rate: 0.5, depth: 1, pathDelays: [0, 0.001, 1e-7])
        channels.append(noAGC)
        for channel in channels {
            let reference = String(decoding: try ClipRecord.channelEncoder.encode(channel), as: UTF8.self)
            #expect(ChannelJSON.encode(channel) == reference)
        }
        #expect(Set(channels.map(\.fading.kind)).count >= 4 && channels.contains { !$0.interferers.isEmpty })
        #expect(channels.contains { $0.fading.kind.wattersonProfile != nil })
    }

    @Test func jsonStringsAreEscapedAndReadBack() throws {
        var object = JSONObject()
        object.add("id", 3)
        object.add("text", "A \"B\" \\ C\n\u{1}")
        object.add("none", nil as Double?)
        let parsed = try JSONSerialization.jsonObject(with: Data(object.encoded.utf8)) as? [String: Any]
        #expect(parsed?["text"] as? String == "A \"B\" \\ C\n\u{1}")
        #expect(parsed?["none"] is NSNull)
        #expect(JournalIndex.leadingID(Array(object.encoded.utf8)) == 3)
    }

    @Test(arguments: [
        ("CQ DE K1ABC", "CQ DE K1ABC"), ("HELLO, WORLD", "\"HELLO, WORLD\""), ("SAY \"HI\"", "\"SAY \"\"HI\"\"\""),
    ])
    func csvFieldsAreQuotedOnlyWhenNeeded(value: String, expected: String) {
        #expect(CSV.field(value) == expected)
        #expect(CSV.fields(CSV.field(value) + "," + CSV.field(value)) == [value, value])
    }

    @Test func journalIgnoresALineCutOffByACrash() throws {
        let path = temporaryFolder() + "/journal.jsonl"
        let text =
            JournalLine.sealed("{\"id\": 0, \"a\": 1}") + "\n" + JournalLine.sealed("{\"id\": 2, \"a\": 2}")
            + "\n{\"id\": 1, \"a\""
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        var index = JournalIndex(count: 3)
        let valid = try index.add(journal: path)
        #expect(valid == text.utf8.count - "{\"id\": 1, \"a\"".utf8.count)
        #expect(index.entry(0) != nil && index.entry(1) == nil && index.entry(2) != nil)
    }
}
