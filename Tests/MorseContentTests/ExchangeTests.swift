import Testing

@testable import MorseContent

@Suite("Contest exchanges")
struct ExchangeTests {
    /// ARRL and RAC sections, written out independently of the generator.
    static let sections: Set<String> = [
        "CT", "EMA", "ME", "NH", "RI", "VT", "WMA", "ENY", "NLI", "NNJ", "NNY", "SNJ", "WNY", "DE", "EPA", "MDC", "WPA",
        "AL", "GA", "KY", "NC", "NFL", "SC", "SFL", "WCF", "TN", "VA", "PR", "VI", "AR", "LA", "MS", "NM", "NTX", "OK",
        "STX", "WTX", "EB", "LAX", "ORG", "SB", "SCV", "SDG", "SF", "SJV", "SV", "PAC", "AZ", "EWA", "ID", "MT", "NV",
        "OR", "UT", "WWA", "WY", "AK", "MI", "OH", "WV", "IL", "IN", "WI", "CO", "IA", "KS", "MN", "MO", "NE", "ND",
        "SD",
        "AB", "BC", "GH", "MB", "NB", "NL", "NS", "ONE", "ONN", "ONS", "PE", "QC", "SK", "TER",
    ]
    static let states: Set<String> = [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
        "ME",
        "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
        "PA",
        "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
        "NS", "QC", "ON", "MB", "SK", "AB", "BC", "NT", "NB", "NL", "PE", "YT", "NU",
    ]
    static let societies: Set<String> = [
        "ARRL", "RAC", "RSGB", "DARC", "JARL", "ARI", "SRR", "URE", "REF", "LABRE", "WIA", "RCA",
    ]

    /// The grammar of each contest's exchange, as keyed.
    static let grammar: [ContestType: String] = [
        .CQWW: #"(599|5NN) [0-9TNA]{1,2}"#,
        .CQWPX: #"(599|5NN) [0-9TNA]{1,4}"#,
        .WAE: #"(599|5NN) [0-9TNA]{1,4}"#,
        .ARRLDX: #"(599|5NN) ([A-Z]{2}|KW|1K|[0-9TNA]{1,4})"#,
        .SWEEPSTAKES: #"[0-9TN]{1,4} [QABUMS] \S+ [0-9TN]{2} [A-Z]{2,3}"#,
        .FIELD_DAY: #"([1-9]|[1-3][0-9]|40)[A-F] [A-Z]{2,3}"#,
        .NAQP: #"[A-Z]{2,8}( [A-Z]{2})?"#,
        .SPRINT: #"[0-9TN]{1,4} [A-Z]{2,8} [A-Z]{2}"#,
        .IARU: #"(599|5NN) ([0-9TNA]{1,2}|[A-Z]{3,5})"#,
        .ALL_ASIAN: #"(599|5NN) [0-9TN]{2}"#,
    ]

    static func exchanges(_ contest: ContestType, count: Int = 700) throws -> [(ExchangeRecord, ClipContent)] {
        let config = Fixture.config {
            $0.contestTypes = [contest]
            $0.sampleTypeWeights = [.exchangeOnly: 3, .fullQSO: 1, .repeatRequest: 1]
        }
        return try Fixture.clips(config, count: count, seed: UInt64(contest.rawValue.count * 977), budgets: 6...28)
            .flatMap { item in item.clip.exchanges.map { ($0, item.clip) } }
    }

    @Test(
        "Every exchange matches its contest's grammar and its fields mean what was keyed",
        arguments: ContestType.allCases)
    func grammar(contest: ContestType) throws {
        let regex = try Regex("^" + (Self.grammar[contest] ?? "") + "$")
        let all = try Self.exchanges(contest)
        #expect(all.count > 500)
        // Thousands more straight from the stations of a contest, run station and callers alike.
        let generator = try ContentGenerator(
            Fixture.config {
                $0.portableRate = 0.2; $0.specialRate = 0.1
            })
        var rng = SplitMix64(seed: 5)
        for _ in 0..<300 {
            var script = ContestScript(
                contest: contest, phrasing: generator.phrasing, calls: generator.calls,
                cutNumberRate: 0.8, using: &rng)
            var stations = [script.run]
            for _ in 0..<9 { stations.append(script.newCaller(using: &rng)) }
            for station in stations {
                let exchange = station.exchange().record
                #expect(try regex.wholeMatch(in: exchange.keyed) != nil, "\(contest): '\(exchange.keyed)'")
                try checkMeaning(contest, exchange)
            }
        }
        for (exchange, clip) in all {
            #expect(try regex.wholeMatch(in: exchange.keyed) != nil, "\(contest): '\(exchange.keyed)' in \(clip.text)")
            #expect(clip.text.contains(exchange.keyed))
            #expect(clip.contestType == contest)
            try checkMeaning(contest, exchange)
        }
    }

    func checkMeaning(_ contest: ContestType, _ exchange: ExchangeRecord) throws {
        let words = Fixture.words(exchange.keyed)
        let fields = exchange.fields
        func number(_ key: String) -> Int? { fields[key].flatMap { Int($0) } }
        switch contest {
        case .CQWW:
            #expect(CutNumbers.value(of: words[0]) == 599 && fields["rst"] == "599")
            #expect(CutNumbers.value(of: words[1]) == number("zone"))
            #expect((1...40).contains(number("zone") ?? 0))
        case .CQWPX, .WAE:
            #expect(CutNumbers.value(of: words[1]) == number("serial"), "\(exchange.keyed) \(fields)")
            #expect((1...3100).contains(number("serial") ?? 0))
        case .ARRLDX:
            if let state = fields["state"] {
                #expect(Self.states.contains(state) && words[1] == state)
            } else {
                #expect(ContestExchange.watts(of: words[1]) == number("power"), "\(exchange.keyed) \(fields)")
            }
        case .SWEEPSTAKES:
            #expect(CutNumbers.value(of: words[0]) == number("serial"))
            #expect(words[2] == exchange.sender && Fixture.isCallsign(words[2]))
            #expect(CutNumbers.value(of: words[3]) == number("check"))
            #expect(Self.sections.contains(words[4]), "section \(words[4])")
        case .FIELD_DAY:
            #expect(Self.sections.contains(words[1]) || words[1] == "DX")
            #expect(fields["class"] == words[0])
        case .NAQP:
            #expect(fields["name"] == words[0])
            if words.count == 2 { #expect(Self.states.contains(words[1])) }
        case .SPRINT:
            #expect(CutNumbers.value(of: words[0]) == number("serial"))
            #expect(Self.states.contains(words[2]))
        case .IARU:
            if let society = fields["society"] {
                #expect(Self.societies.contains(society) && words[1] == society)
            } else {
                #expect(CutNumbers.value(of: words[1]) == number("zone"))
                #expect((1...90).contains(number("zone") ?? 0))
            }
        case .ALL_ASIAN:
            #expect(CutNumbers.value(of: words[1]) == number("age"))
        }
    }

    @Test("CQ zones match the station's country")
    func zonesMatchCountry() throws {
        // USA: 3–5 on the mainland, 1 in Alaska, 31 in Hawaii.
        let expected: [Country: Set<Int>] = [
            .USA: [1, 3, 4, 5, 31], .CANADA: [1, 2, 3, 4, 5], .ENGLAND: [14], .GERMANY: [14], .FRANCE: [14],
            .SPAIN: [14],
            .ITALY: [15], .RUSSIA: [16, 17, 18, 19], .JAPAN: [25], .BRAZIL: [11], .AUSTRALIA: [29, 30],
            .ARGENTINA: [13],
        ]
        let shape = try Regex(#"^([0-9]?[A-Z]{1,2})[0-9][A-Z]{1,4}$"#)
        var checked = 0
        for (clip, _, _) in try Fixture.clips(
            Fixture.config {
                $0.contestTypes = [.CQWW]; $0.portableRate = 0; $0.specialRate = 0
            },
            count: 600, seed: 21)
        {
            for exchange in clip.exchanges {
                // The sender's country from its prefix, independently of the generator.
                let prefix = try #require(try shape.wholeMatch(in: exchange.sender)?.output[1].substring)
                let country = try #require(CallsignTests.prefixes.first { $0.value.contains(String(prefix)) }?.key)
                let zone = try #require(exchange.fields["zone"].flatMap { Int($0) })
                #expect(expected[country]?.contains(zone) == true, "\(country) zone \(zone): \(clip.text)")
                checked += 1
            }
        }
        #expect(checked > 500)
    }

    @Test("Pairings follow the contest rules (W/VE with DX in ARRL DX, Europe with the rest in WAE)")
    func pairings() throws {
        for contest in [ContestType.ARRLDX, .WAE, .SWEEPSTAKES] {
            let config = Fixture.config {
                $0.contestTypes = [contest]; $0.sampleTypeWeights = [.fullQSO: 1]; $0.portableRate = 0
            }
            for (clip, _, _) in try Fixture.clips(config, count: 300, seed: 4, budgets: 25...28)
            where clip.sampleType == .fullQSO {
                let kinds = clip.exchanges.map { $0.fields["state"] != nil }
                switch contest {
                case .ARRLDX: #expect(Set(kinds).count == 2, "\(clip.text)")
                case .SWEEPSTAKES: #expect(clip.country == .USA || clip.country == .CANADA)
                default: #expect(clip.exchanges.count >= 2)
                }
            }
        }
    }
}

@Suite("Cut numbers")
struct CutNumberTests {
    static let styles: [CutNumbers.Style] = [
        .plain, CutNumbers.Style(cutZero: true, cutNine: true),
        CutNumbers.Style(cutZero: true, cutNine: true, cutOne: true),
        CutNumbers.Style(cutZero: true, cutNine: false, minimumDigits: 3),
        CutNumbers.Style(cutZero: true, cutNine: true, cutOne: true, minimumDigits: 3),
    ]

    @Test("Every cut form maps back to its number exactly", arguments: styles)
    func roundTrip(style: CutNumbers.Style) {
        for n in 0...3000 {
            let keyed = CutNumbers.keyed(n, style: style)
            #expect(CutNumbers.value(of: keyed) == n, "\(n) → \(keyed)")
            #expect(keyed.count >= style.minimumDigits)
            if style.cutZero { #expect(!keyed.contains("0")) }
            if style.cutNine { #expect(!keyed.contains("9")) }
        }
    }

    @Test func examples() {
        #expect(CutNumbers.keyed(1034, style: CutNumbers.Style(cutZero: true, cutNine: true)) == "1T34")
        #expect(CutNumbers.keyed(1, style: CutNumbers.Style(cutZero: true, cutNine: true, minimumDigits: 3)) == "TT1")
        #expect(CutNumbers.keyed(19, style: CutNumbers.Style(cutZero: true, cutNine: true)) == "1N")
        #expect(CutNumbers.keyed(5, style: .plain) == "5")
        #expect(CutNumbers.keyedReport(599, cut: true) == "5NN")
        #expect(CutNumbers.keyedReport(599, cut: false) == "599")
        #expect(CutNumbers.value(of: "5NN") == 599)
        #expect(CutNumbers.value(of: "ARRL") == nil)
    }

    @Test("cut_numbers: 0 keys 599 and plain digits, 1 keys 5NN and cuts every 0 and 9")
    func cutNumberRate() throws {
        for rate in [0.0, 1.0] {
            let config = Fixture.config {
                $0.cutNumberRate = rate; $0.contestTypes = [.CQWPX, .CQWW, .WAE]
            }
            for (clip, _, _) in try Fixture.clips(config, count: 600, seed: 13) {
                for exchange in clip.exchanges {
                    let words = Fixture.words(exchange.keyed)
                    #expect(words[0] == (rate == 0 ? "599" : "5NN"))
                    if rate == 0 {
                        #expect(!words[1].contains(where: { "TNA".contains($0) }), "\(exchange.keyed)")
                    } else {
                        #expect(!words[1].contains(where: { "09".contains($0) }), "\(exchange.keyed)")
                    }
                }
            }
        }
    }

    @Test("At the reference rate most reports are 5NN, some 599, and serials are sometimes padded")
    func mixedRate() throws {
        let config = Fixture.config { $0.contestTypes = [.CQWPX] }
        let exchanges = try Fixture.clips(config, count: 800, seed: 17).flatMap(\.clip.exchanges)
        let cut = exchanges.filter { $0.keyed.hasPrefix("5NN") }.count
        #expect(Double(cut) / Double(exchanges.count) > 0.65 && Double(cut) / Double(exchanges.count) < 0.95)
        #expect(
            exchanges.contains {
                Fixture.words($0.keyed)[1].hasPrefix("T") || Fixture.words($0.keyed)[1].hasPrefix("0")
            })
    }
}
