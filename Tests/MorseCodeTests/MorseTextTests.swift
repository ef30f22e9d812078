import Testing

@testable import MorseCode

@Suite struct MorseTextTests {
    @Test func plainLettersAreNeverAProsign() throws {
        let text = try MorseText("ARRL SK BT")
        #expect(text.words.map { $0.map(\.text) } == [["A", "R", "R", "L"], ["S", "K"], ["B", "T"]])
        #expect(text.words.flatMap { $0 }.allSatisfy { !$0.isProsign })
    }

    @Test func prosignsInBracketsAreOneCharacter() throws {
        let text = try MorseText("tu <sk> <AR>")
        #expect(text.words.map(\.count) == [2, 1, 1])
        #expect(text.words[1][0].pattern.description == "...-.-")
        #expect(text.words[2][0].pattern.description == ".-.-.")
        #expect(text.description == "TU <SK> <AR>")
    }

    @Test func normalisesCaseAndWhitespace() throws {
        #expect(try MorseText("  cq\t cq\n\nde  k1abc ").description == "CQ CQ DE K1ABC")
    }

    @Test(arguments: [
        ("CQ ü DE", MorseTextError.unknownCharacter("ü", position: 4)),
        ("K1ABC <ZZ> K", .unknownProsign("ZZ", position: 7)),
        ("TU <SK", .unterminatedProsign(position: 4)),
        ("A#", .unknownCharacter("#", position: 2)),
    ])
    func unknownInputNamesItAndItsPosition(input: String, expected: MorseTextError) {
        #expect(throws: expected) { try MorseText(input) }
        #expect(expected.description.contains("position"))
    }

    @Test func dropPolicyReportsWhatWasDropped() throws {
        let text = try MorseText("5NN ü <XX> TU", unknown: .drop)
        #expect(text.description == "5NN TU")
        #expect(text.dropped.map(\.text) == ["ü", "<XX>"])
        #expect(text.dropped.map(\.position) == [5, 7])
    }

    @Test func everyPatternHasOneCanonicalSpelling() throws {
        #expect(try MorseText("+ = ( & <CT>").canonical == "<AR> <BT> <KN> <AS> <KA>")
        // Distinct patterns keep distinct spellings.
        var seen: [String: MorsePattern] = [:]
        for (character, _) in MorseAlphabet.characters {
            let symbol = try #require(MorseAlphabet.symbol(for: character))
            let canonical = try #require(MorseAlphabet.symbol(matching: symbol.pattern))
            if let other = seen[canonical.text] { #expect(other == symbol.pattern) }
            seen[canonical.text] = symbol.pattern
        }
    }

    @Test func alphabetCoversTheIssueList() {
        let required = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,?/=+-()':\"@!&;"
        for character in required { #expect(MorseAlphabet.symbol(for: character) != nil, "\(character)") }
        for name in ["AR", "AS", "BK", "BT", "CL", "CT", "DO", "HH", "KA", "KN", "SK", "SN", "SOS"] {
            #expect(MorseAlphabet.prosign(named: name) != nil, "\(name)")
        }
    }
}
