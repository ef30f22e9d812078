import Testing

@testable import MorseContent

@Suite("Configuration keys")
struct ConfigurationTests {
    @Test("The reference configuration equals contest_cw.yaml's values, with all ten contests")
    func reference() throws {
        let reference = ContentConfiguration.reference
        #expect(reference.contestTypes == ContestType.allCases)
        #expect(
            reference.countryWeights[.USA] == 30 && reference.countryWeights[.GERMANY] == 20
                && reference.countryWeights[.ARGENTINA] == 5)
        #expect(reference.sampleTypeWeights[.fullQSO] == 30 && reference.sampleTypeWeights[.repeatRequest] == 10)
        #expect(
            (reference.sampleTypeWeights[.ragchew] ?? 0) == 0 && (reference.sampleTypeWeights[.plainText] ?? 0) == 0)
        #expect(reference.qsoProbability == 0.3 && reference.portableRate == 0.1 && reference.specialRate == 0.05)
        #expect(reference.abbreviationRate == 0.3 && reference.prosigns == ["AR", "AS", "BK", "KN", "SK", "BT"])
        #expect(try reference.validated() == reference)
    }

    @Test("contest_types: only the listed contests appear", arguments: ContestType.allCases)
    func contestTypes(contest: ContestType) throws {
        let clips = try Fixture.clips(Fixture.config { $0.contestTypes = [contest] }, count: 150, seed: 1)
        #expect(clips.allSatisfy { $0.clip.contestType == contest })
    }

    @Test("sample_types: weights converge at every budget band among the types that fit it")
    func sampleTypeWeights() throws {
        let config = Fixture.config {
            $0.sampleTypeWeights = [
                .fullQSO: 30, .cqCall: 20, .exchangeOnly: 25, .partialCopy: 15, .repeatRequest: 10, .ragchew: 10,
            ]
        }
        let generator = try ContentGenerator(config)
        var rng = SplitMix64(seed: 77)
        let n = 8000
        for (budget, eligible) in [
            (5.0, [SampleType.cqCall, .exchangeOnly, .partialCopy, .repeatRequest, .ragchew]),
            (15.0, [.fullQSO, .cqCall, .exchangeOnly, .partialCopy, .repeatRequest, .ragchew]),
        ] {
            var counts: [SampleType: Int] = [:]
            for _ in 0..<n { counts[generator.sampleType(forBudget: budget, using: &rng), default: 0] += 1 }
            let total = eligible.reduce(0) { $0 + (config.sampleTypeWeights[$1] ?? 0) }
            for type in SampleType.allCases {
                let p = eligible.contains(type) ? (config.sampleTypeWeights[type] ?? 0) / total : 0
                let z = Fixture.sigmas(observed: counts[type] ?? 0, n: n, p: p)
                #expect(z < 5, "\(budget) s \(type): expected \(p), observed \(Double(counts[type] ?? 0) / Double(n))")
            }
        }
    }

    @Test("Clip labels follow the weights when everything fits (budget 8 s at 40 WPM)")
    func clipLabels() throws {
        let config = Fixture.config { $0.sampleTypeWeights = [.cqCall: 1, .exchangeOnly: 1, .repeatRequest: 2] }
        let generator = try ContentGenerator(config)
        var rng = SplitMix64(seed: 5)
        let n = 3000
        var counts: [SampleType: Int] = [:]
        for _ in 0..<n {
            counts[
                generator.clip(maxKeyedDuration: 8, using: &rng, keyedDuration: ParisTiming(wpm: 40).seconds)
                    .sampleType, default: 0] += 1
        }
        #expect(Fixture.sigmas(observed: counts[.repeatRequest] ?? 0, n: n, p: 0.5) < 5, "\(counts)")
        #expect(Fixture.sigmas(observed: counts[.cqCall] ?? 0, n: n, p: 0.25) < 5, "\(counts)")
        #expect(counts[.fullQSO] == nil && counts[.partialCopy] == nil)
    }

    @Test("qso_probability: from 20 s, the share of full QSOs among contest clips", arguments: [0.0, 0.3, 1.0])
    func qsoProbability(p: Double) throws {
        let generator = try ContentGenerator(Fixture.config { $0.qsoProbability = p })
        var rng = SplitMix64(seed: 8)
        let n = 4000
        let full = (0..<n).filter { _ in generator.sampleType(forBudget: 25, using: &rng) == .fullQSO }.count
        #expect(Fixture.sigmas(observed: full, n: n, p: p) < 5, "\(full) of \(n)")
        // And in clips, where a QSO fits at 40 WPM.
        let clips = (0..<300).map { _ in
            generator.clip(maxKeyedDuration: 27, using: &rng, keyedDuration: ParisTiming(wpm: 40).seconds)
        }
        let fullClips = clips.filter { $0.sampleType == .fullQSO }.count
        if p == 0 { #expect(fullClips == 0) }
        if p == 1 { #expect(fullClips > 270) }
        // Below 20 s it has no effect.
        var a = SplitMix64(seed: 9)
        var b = SplitMix64(seed: 9)
        let other = try ContentGenerator(Fixture.config { $0.qsoProbability = 1 - p })
        #expect(
            (0..<200).allSatisfy { _ in
                generator.sampleType(forBudget: 12, using: &a) == other.sampleType(forBudget: 12, using: &b)
            })
    }

    @Test("countries: the main station's country follows the weights")
    func countries() throws {
        let clips = try Fixture.clips(
            Fixture.config {
                $0.countryWeights = [.JAPAN: 1, .BRAZIL: 1]; $0.contestTypes = [.CQWW, .CQWPX]
            },
            count: 400, seed: 2)
        #expect(clips.allSatisfy { [.JAPAN, .BRAZIL].contains($0.clip.country) })
        let japan = clips.filter { $0.clip.country == .JAPAN }.count
        #expect(Fixture.sigmas(observed: japan, n: clips.count, p: 0.5) < 5)
    }

    /// Abbreviation words checked in every text ("GA" is also Georgia, so it is not checked; "73" is
    /// also a number, so it is checked in ragchews only, where no number can be 73).
    static let abbreviations = Set(Abbreviations.words).subtracting(["GA", "73"])

    @Test("use_abbreviations: 0 gives none of the abbreviations, 1 uses them often")
    func abbreviationRate() throws {
        let mixed = { (rate: Double) in
            Fixture.config {
                $0.abbreviationRate = rate; $0.sampleTypeWeights[.ragchew] = 40
            }
        }
        var used = 0
        for (clip, _, _) in try Fixture.clips(mixed(0), count: 1500, seed: 14) {
            let words = Set(Fixture.words(clip.text))
            #expect(
                words.isDisjoint(with: Self.abbreviations), "\(words.intersection(Self.abbreviations)) in \(clip.text)")
            if clip.sampleType == .ragchew { #expect(!words.contains("73"), "\(clip.text)") }
        }
        for (clip, _, _) in try Fixture.clips(mixed(1), count: 1500, seed: 14) {
            if !Set(Fixture.words(clip.text)).isDisjoint(with: Abbreviations.words) { used += 1 }
        }
        #expect(used > 400, "\(used) clips with abbreviations")
    }

    @Test(
        "common_prosigns: only listed prosigns appear, each where operators use it",
        arguments: [[], ["KN"], ["SK"], ["BT"], ["AR"], ["BK"], ["AS"], ["AR", "AS", "BK", "KN", "SK", "BT"]])
    func prosigns(list: [String]) throws {
        let config = Fixture.config {
            $0.prosigns = list; $0.sampleTypeWeights[.ragchew] = 60; $0.sampleTypeWeights[.multiTransmission] = 20
        }
        var seen: Set<String> = []
        for (clip, _, _) in try Fixture.clips(config, count: 400, seed: 15, budgets: 12...30) {
            for word in Fixture.words(clip.text) where word.hasPrefix("<") {
                seen.insert(String(word.dropFirst().dropLast()))
            }
            #expect(!clip.text.contains("+") && !clip.text.contains("="))
        }
        #expect(seen == Set(list), "listed \(list), seen \(seen)")
    }

    @Test("plain_text: lines are used only when weighted, and are normalised")
    func plainTextLines() throws {
        let config = Fixture.config {
            $0.sampleTypeWeights = [.plainText: 1]
            $0.plainTextLines = ["  hello   world ", "", "cq de test"]
        }
        let checked = try config.validated()
        #expect(checked.plainTextLines == ["HELLO WORLD", "CQ DE TEST"])
        // Whole lines, or a line cut at a word boundary when the budget is short.
        for (clip, _, _) in try Fixture.clips(config, count: 200, seed: 3, budgets: 5...28) {
            #expect(clip.sampleType == .plainText)
            #expect(["HELLO", "CQ"].contains(Fixture.words(clip.text)[0]), "\(clip.text)")
        }
        let none = try Fixture.clips(Fixture.config { $0.plainTextLines = ["HELLO WORLD"] }, count: 300, seed: 3)
        #expect(none.allSatisfy { !$0.clip.text.contains("HELLO") })
    }

    @Test("Invalid configurations name the field, the value and the fix")
    func validation() throws {
        func error(_ change: (inout ContentConfiguration) -> Void) -> ContentError? {
            do { _ = try ContentGenerator(Fixture.config(change)); return nil } catch { return error }
        }
        #expect(error { $0.contestTypes = [] } == .noContestTypes)
        #expect(error { $0.countryWeights = [:] } == .noPositiveWeight(field: "composition_weights.countries"))
        #expect(
            error { $0.countryWeights[.USA] = -1 }
                == .invalidWeight(field: "composition_weights.countries", key: "USA", value: -1))
        #expect(
            error { $0.sampleTypeWeights = [.fullQSO: 0] }
                == .noPositiveWeight(field: "composition_weights.sample_types"))
        #expect(error { $0.qsoProbability = 1.5 } == .rateOutOfRange(field: "qso_probability", value: 1.5))
        #expect(error { $0.portableRate = -0.1 } == .rateOutOfRange(field: "callsigns.include_portable", value: -0.1))
        #expect(
            error { $0.prosigns = ["XX"] }
                == .unknownName(field: "prosigns.common_prosigns", value: "XX", allowed: TextNotation.prosignNames))
        #expect(error { $0.sampleTypeWeights[.plainText] = 1 } == .plainTextWithoutLines)
        #expect(error { $0.plainTextLines = ["OK", "naïve"] } == .unkeyablePlainText(line: 2, character: "Ï"))
        let description = ContentError.rateOutOfRange(field: "qso_probability", value: 2).description
        #expect(description.contains("qso_probability") && description.contains("2") && description.contains("0 to 1"))
        #expect(try ContentGenerator(Fixture.config { $0.prosigns = ["<kn>", "KN"] }).configuration.prosigns == ["KN"])
    }

    @Test("Config spellings parse, and unknown ones are named")
    func spellings() throws {
        #expect(try ContentConfiguration.contestTypes(named: ["CQWW", "field_day"]) == [.CQWW, .FIELD_DAY])
        let weights: [SampleType: Double] = try ContentConfiguration.weights(
            ["full_qso": 30, "cq_call": 20], field: "composition_weights.sample_types")
        #expect(weights == [.fullQSO: 30, .cqCall: 20])
        let countries: [Country: Double] = try ContentConfiguration.weights(
            ["USA": 30], field: "composition_weights.countries")
        #expect(countries == [.USA: 30])
        #expect(throws: ContentError.self) { try ContentConfiguration.contestTypes(named: ["CQ-WW"]) }
        #expect(throws: ContentError.self) {
            let _: [Country: Double] = try ContentConfiguration.weights(["MARS": 1], field: "x")
        }
    }

    @Test("track_elements map to fields that clips fill")
    func trackedElements() throws {
        let config = Fixture.config { $0.sampleTypeWeights[.ragchew] = 30 }
        let clips =
            try Fixture.clips(config, count: 1500, seed: 23).map(\.clip)
            + Fixture.clips(
                Fixture.config { $0.sampleTypeWeights = [.ragchew: 1] }, count: 200, seed: 24, budgets: 25...30
            ).map(\.clip)
        for element in TrackedElement.allCases {
            if element == .callsigns { #expect(clips.contains { !$0.callsigns.isEmpty }); continue }
            #expect(clips.contains { clip in element.fieldKeys.contains { clip.fields[$0] != nil } }, "\(element)")
        }
    }
}
