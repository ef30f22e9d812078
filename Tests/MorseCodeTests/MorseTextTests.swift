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

@Suite struct MorseTextPlainParserTests {
    /// ASCII texts of every kind: the byte-wise parser either declines (nil) or gives exactly the
    /// general parser's words, and it reads every keyable ASCII text itself.
    @Test func plainParserAgreesWithTheGeneralOne() throws {
        var texts = [
            "CQ TEST K1ABC", "cq de dl1xyz/p <ar> <sk>", "5NN 001\tTU\r\n73", "  a  b  ", "<Ar><bT>", "<AR",
            "<ZZ> K", "A#B", "<>", "<A R>", "\u{0B}E\u{0C}T\u{1C}", "ü", "K1ABC ü", "=+-?/.,()':\"@!&;", "",
        ]
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<3000 {  // random ASCII, biased towards letters, spaces and brackets
            let alphabet = Array("ABCEKNRSTabcz0159 <>  ?/#\t\r\n")
            texts.append(String((0..<Int.random(in: 0...12, using: &rng)).map { _ in alphabet.pick(using: &rng) }))
        }
        var readPlainly = 0
        for text in texts {
            let general = try? MorseText.parse(text, unknown: .reject)
            if let plain = MorseText.plainWords(text) {
                readPlainly += 1
                #expect(general?.words == plain, "'\(text)'")
            } else if text.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(general == nil, "'\(text)' is keyable ASCII but the byte-wise parser declined it")
            }
            #expect((try? MorseText(text))?.words == general?.words, "'\(text)'")
        }
        #expect(readPlainly > 1000)
    }
}

extension Array {
    fileprivate func pick(using rng: inout SeededGenerator) -> Element { self[Int.random(in: 0..<count, using: &rng)] }
}
