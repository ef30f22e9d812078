import Foundation
import Testing

@testable import MorseDataset

/// Inputs the journal reader met while fuzzing (fuzz/ FuzzJournal), kept as regressions.
@Suite struct JournalRobustnessTests {
    /// `Tests/Fixtures/fuzz/<name>`, found from this file's path.
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fuzz/\(name)").path
    }

    /// A line whose id has 23 digits overflowed `Int` while being read (a trap that stopped every
    /// resume of that dataset); it is damage now, and its clip is redone.
    @Test func overlongIDIsDamage() throws {
        #expect(JournalIndex.leadingID(Array("{\"id\": 99999999999999999999999, \"a\": 1}".utf8)) == nil)
        let nines = { (count: Int) in Array("{\"id\": \(String(repeating: "9", count: count)), \"a\": 1}".utf8) }
        #expect(JournalIndex.leadingID(nines(19)) == nil)
        #expect(JournalIndex.leadingID(nines(18)) == 999_999_999_999_999_999)
        var index = JournalIndex(count: 3)
        try index.add(journal: Self.fixture("journal-overlong-id.jsonl"))
        #expect(index.damagedLines == 1)
        #expect(index.entry(0) != nil && index.entry(1) == nil && index.entry(2) != nil)
    }

    /// The input libFuzzer found (`{"id": ` and 20 nines, then a broken line): no trap.
    @Test func fuzzCrashInput() throws {
        var index = JournalIndex(count: 3)
        try index.add(journal: Self.fixture("journal-crash-1858f94f"))
        #expect(index.damagedLines == 1)
        #expect(index.finishedCount == 0)
    }
}
