import Testing

@testable import MorseCode

/// Inputs the text parser met while fuzzing (fuzz/ FuzzText), kept as regressions.
@Suite struct MorseTextRobustnessTests {
    /// Letters whose upper case is several characters trapped in `Character(_:)`; they are
    /// unknown characters now (refused, or dropped on request), like any letter we cannot key.
    @Test(arguments: ["ß", "ﬁ", "ŉ", "straße"])
    func letterThatUpperCasesToSeveral(text: String) throws {
        let error = #expect(throws: MorseTextError.self) { try MorseText(text) }
        guard case .unknownCharacter? = error else {
            Issue.record("expected an unknown character, got \(String(describing: error))")
            return
        }
        let dropped = try MorseText(text, unknown: .drop)
        #expect(dropped.dropped.count == 1)
    }

    /// The bytes libFuzzer found (`Tests/Fixtures/fuzz/text-crash-80febed6`), as the harness decodes them.
    @Test func fuzzCrashInput() throws {
        let bytes: [UInt8] = [0x77, 0xC3, 0x9F, 0xC3, 0x4B, 0xC3, 0xC3, 0xBF, 0x3C, 0x3C]
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(throws: MorseTextError.self) { try MorseText(text) }
        let dropped = try MorseText(text, unknown: .drop)
        #expect(dropped.description == "WK")
    }
}
