import Testing

@testable import MorseContent

@Suite("Clips")
struct ClipTests {
    static let everything = Fixture.config {
        $0.sampleTypeWeights[.ragchew] = 10
        $0.sampleTypeWeights[.practiceGroups] = 5
        $0.sampleTypeWeights[.plainText] = 5
        $0.sampleTypeWeights[.multiTransmission] = 5
        $0.sampleTypeWeights[.pileup] = 5
        $0.plainTextLines = [
            "THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG 1234567890", "NOW IS THE TIME, FOR ALL GOOD MEN?",
        ]
    }

    @Test("Fit never exceeds the budget and uses most of long budgets", arguments: [15.0, 20, 25, 32, 40])
    func fitToDuration(wpm: Double) throws {
        let generator = try ContentGenerator(Self.everything)
        let timing = ParisTiming(wpm: wpm)
        var rng = SplitMix64(seed: UInt64(wpm))
        var fills: [Double] = []
        for step in 0..<700 {
            let budget = 0.5 + Double(step % 60) * 0.5
            let clip = generator.clip(maxKeyedDuration: budget, using: &rng, keyedDuration: timing.seconds)
            let seconds = timing.seconds(clip.text)
            #expect(seconds <= budget, "\(seconds) s > \(budget) s: \(clip.text)")
            // A pileup's transcript is one CQ by design: its callers, keyed as other stations, fill the clip.
            if budget >= 15, clip.sampleType != .pileup {
                fills.append(seconds / budget)
                #expect(
                    seconds / budget >= 0.3,
                    "\(budget) s at \(wpm) WPM filled \(seconds) s: \(clip.sampleType) \(clip.text)")
            }
        }
        let mean = fills.reduce(0, +) / Double(fills.count)
        #expect(mean >= 0.75, "mean fill \(mean) at \(wpm) WPM")
        let belowSixty = fills.filter { $0 < 0.6 }.count
        #expect(Double(belowSixty) / Double(fills.count) < 0.15, "\(belowSixty) of \(fills.count) below 60 %")
    }

    @Test("Every text is keyable and callsigns are listed in order of first appearance")
    func keyable() throws {
        for (clip, budget, wpm) in try Fixture.clips(Self.everything, count: 3000, seed: 99, budgets: 0.3...30) {
            // Empty only when even `?` does not fit.
            if clip.text.isEmpty { #expect(ParisTiming(wpm: wpm).seconds("?") > budget); continue }
            #expect(TextNotation.isKeyable(clip.text), "\(clip.text)")
            #expect(ParisTiming.units(of: clip.text) != nil)
            let words = Fixture.words(clip.text)
            let positions = clip.callsigns.map { call in words.firstIndex(of: call) ?? -1 }
            #expect(positions == positions.sorted() && !positions.contains(-1), "\(clip.callsigns) in \(clip.text)")
            for call in clip.callsigns { #expect(Fixture.isCallsign(call), "\(call)") }
            #expect(clip.sampleType.isContestTraffic == (clip.contestType != nil))
            // Plain letters are never written as a bare prosign spelling of AR/BT (+ or =).
            #expect(!clip.text.contains("+") || clip.sampleType == .plainText)
        }
    }

    @Test("The same seed gives the same content; different seeds give different content")
    func determinism() throws {
        func run(_ seed: UInt64) throws -> [ClipContent] {
            let generator = try ContentGenerator(Self.everything)
            var rng = SplitMix64(seed: seed)
            var clips = (0..<200).map { index in
                generator.clip(
                    maxKeyedDuration: Double(index % 28) + 1, using: &rng, keyedDuration: ParisTiming(wpm: 25).seconds)
            }
            clips.append(
                ClipContent(
                    text: generator.interfererText(using: &rng), contestType: nil, sampleType: .cqCall,
                    country: nil, callsigns: [generator.callsign(using: &rng).call], fields: [:]))
            return clips
        }
        #expect(try run(42) == run(42))
        #expect(try run(42) != run(43))
    }

    @Test("Labels say what the text is")
    func labels() throws {
        for (clip, _, _) in try Fixture.clips(Self.everything, count: 2000, seed: 31) where !clip.text.isEmpty {
            let words = Fixture.words(clip.text)
            switch clip.sampleType {
            case .fullQSO:
                // A run station need not sign in every QSO, so one callsign may be all there is.
                #expect(clip.exchanges.count >= 2 && !clip.callsigns.isEmpty, "\(clip.text)")
            case .cqCall:
                #expect(
                    words.contains { ["CQ", "TEST", "SS", "FD", "NA", "SPRINT"].contains($0) } || words == [words[0]],
                    "\(clip.text)")
            case .exchangeOnly:
                #expect(!clip.exchanges.isEmpty, "\(clip.text)")
            case .partialCopy:
                #expect(clip.fields["partial"] != nil && words.contains { $0.hasSuffix("?") }, "\(clip.text)")
            case .repeatRequest:
                #expect(words.contains { $0.hasSuffix("?") || $0 == "AGN" || $0 == "RPT" }, "\(clip.text)")
            case .multiTransmission:
                #expect(words.count >= 2)
            case .ragchew:
                #expect(words.contains("DE") || words.contains("CQ"), "\(clip.text)")
                #expect(clip.contestType == nil && clip.country != nil)
            case .practiceGroups:
                #expect(words.allSatisfy { $0.count == 5 } || words.count == 1)
            case .plainText:
                #expect(
                    Self.everything.plainTextLines.contains { $0.hasPrefix(words.prefix(3).joined(separator: " ")) })
            case .pileup:
                // One CQ, answered by 2–6 distinct callers, none of them the run station.
                #expect(
                    words.contains { ["CQ", "TEST", "SS", "FD", "NA", "SPRINT"].contains($0) } || words == [words[0]],
                    "\(clip.text)")
                let calls = clip.callers.map { Fixture.words($0)[0] }
                #expect((2...6).contains(clip.callers.count) && Set(calls).count == calls.count, "\(clip.callers)")
                #expect(clip.callers.allSatisfy { TextNotation.isKeyable($0) && !words.contains(Fixture.words($0)[0]) })
            }
            if clip.sampleType != .pileup { #expect(clip.callers.isEmpty) }
        }
    }

    @Test("Interferer texts are short keyable contest messages")
    func interferers() throws {
        let generator = try ContentGenerator(.reference)
        var rng = SplitMix64(seed: 2)
        for _ in 0..<1000 {
            let text = generator.interfererText(using: &rng)
            #expect(TextNotation.isKeyable(text) && !text.isEmpty)
            #expect(Fixture.words(text).count <= 12, "\(text)")
        }
    }

    @Test("Ragchews carry RST, name and QTH with their meaning")
    func ragchew() throws {
        let config = Fixture.config { $0.sampleTypeWeights = [.ragchew: 1] }
        let clips = try Fixture.clips(config, count: 300, seed: 12, budgets: 25...28).map(\.clip).filter {
            $0.sampleType == .ragchew
        }
        #expect(clips.count > 150)
        for clip in clips {
            if let rst = clip.fields["rst"] { #expect(Int(rst).map { (300...599).contains($0) } == true) }
            if let name = clip.fields["name"] { #expect(clip.text.contains("\(name) \(name)")) }
        }
        #expect(clips.contains { $0.text.contains("RST") && $0.text.contains("NAME") })
    }

    @Test("Practice groups are five characters; plain text comes from the supplied lines")
    func practice() throws {
        let groups = try Fixture.clips(
            Fixture.config { $0.sampleTypeWeights = [.practiceGroups: 1] }, count: 200, seed: 3, budgets: 8...28)
        for (clip, _, _) in groups {
            #expect(clip.sampleType == .practiceGroups && clip.callsigns.isEmpty && clip.contestType == nil)
            #expect(
                Fixture.words(clip.text).allSatisfy { $0.count == 5 && $0.allSatisfy { $0.isLetter || $0.isNumber } })
        }
        let lines = ["HELLO WORLD", "THIS IS A LONGER LINE OF PLAIN TEXT FOR PRACTICE ONLY", "73"]
        let plain = try Fixture.clips(
            Fixture.config {
                $0.sampleTypeWeights = [.plainText: 1]; $0.plainTextLines = lines
            },
            count: 200, seed: 4, budgets: 3...28)
        for (clip, _, _) in plain where clip.sampleType == .plainText {
            var rest = clip.text
            // The text is whole lines, or one line cut at a word boundary.
            while !rest.isEmpty {
                let line = try #require(
                    lines.first { rest.hasPrefix($0 + " ") || rest == $0 }
                        ?? lines.first { $0.hasPrefix(rest + " ") }, "\(clip.text)")
                rest = rest.count > line.count ? String(rest.dropFirst(line.count + 1)) : ""
            }
        }
    }

    @Test("The partial copy is a leading part of a callsign in the clip or of the main call")
    func partialCopies() throws {
        let config = Fixture.config { $0.sampleTypeWeights = [.partialCopy: 1] }
        for (clip, _, _) in try Fixture.clips(config, count: 500, seed: 77, budgets: 3...19) {
            guard let partial = clip.fields["partial"] else { continue }
            #expect(clip.text.contains(partial + "?"))
            #expect(partial.count >= 1)
        }
    }
}
