import Testing

@testable import MorseContent

@Suite("Callsigns")
struct CallsignTests {
    /// Regular prefixes (before the call-area digit) of each country.
    static let prefixes: [Country: Set<String>] = [
        .USA: Set(
            ["K", "N", "W"] + "ABCDEFGHIJKL".map { "A\($0)" } + ["AH"]
                + "ABCDEFGHIJKLMNOPQRSTUVWXYZ".flatMap { ["K\($0)", "N\($0)", "W\($0)"] }),
        .CANADA: ["VE", "VA", "VY", "VO"],
        .ENGLAND: ["G", "M", "2E"],
        .GERMANY: Set("ABCDEFGHIJKLMNOPQR".map { "D\($0)" }),
        .JAPAN: Set("ABCDEFGHIJKLMNOPQRS".map { "J\($0)" } + ["7K", "7L", "7M", "7N"]),
        .ITALY: ["I", "IK", "IZ", "IW", "IU", "IV", "IN", "IT"],
        .RUSSIA: Set(["R"] + "ABCDEFGHIJKLMNOPQRSTUVWXYZ".map { "R\($0)" } + "ABCDEFGHI".map { "U\($0)" }),
        .SPAIN: ["EA", "EB", "EC", "ED", "EE", "EF", "EG", "EH"],
        .FRANCE: ["F"],
        .BRAZIL: ["PY", "PP", "PQ", "PR", "PS", "PT", "PU"],
        .AUSTRALIA: ["VK"],
        .ARGENTINA: ["LU", "LW", "AY", "AZ"],
    ]

    static func only(_ country: Country, portable: Double = 0, special: Double = 0) throws -> ContentGenerator {
        try ContentGenerator(
            Fixture.config {
                $0.countryWeights = [country: 1]
                $0.portableRate = portable
                $0.specialRate = special
            })
    }

    @Test("Regular calls use the country's prefixes, a digit and a 1–4 letter suffix", arguments: Country.allCases)
    func regularCalls(country: Country) throws {
        let generator = try Self.only(country)
        var rng = SplitMix64(seed: 7)
        let shape = try Regex(#"^([0-9]?[A-Z]{1,2})([0-9])([A-Z]{1,4})$"#)
        for _ in 0..<2000 {
            let (call, drawn) = generator.callsign(using: &rng)
            #expect(drawn == country)
            let match = try #require(try shape.wholeMatch(in: call), "\(call) is not prefix+digit+suffix")
            let prefix = String(try #require(match.output[1].substring))
            #expect(Self.prefixes[country]?.contains(prefix) == true, "\(call): prefix \(prefix) is not \(country)'s")
            #expect(Fixture.isCallsign(call))
        }
    }

    @Test("Every callsign, portable and special included, is ITU-shaped", arguments: Country.allCases)
    func allFormsAreITUShaped(country: Country) throws {
        var config = Fixture.config {
            $0.portableRate = 0.5; $0.specialRate = 0.3
        }
        config.countryWeights[country] = 200
        let generator = try ContentGenerator(config)
        var rng = SplitMix64(seed: 11)
        for _ in 0..<3000 {
            let call = generator.callsign(using: &rng).call
            #expect(Fixture.isCallsign(call), "\(call)")
            #expect(call.contains(where: \.isLetter) && call.contains(where: \.isNumber))
        }
    }

    @Test("Country weights converge to composition_weights.countries")
    func countryWeights() throws {
        let config = Fixture.config()
        let generator = try ContentGenerator(config)
        var rng = SplitMix64(seed: 3)
        let n = 20_000
        var counts: [Country: Int] = [:]
        for _ in 0..<n { counts[generator.callsign(using: &rng).country, default: 0] += 1 }
        let total = config.countryWeights.values.reduce(0, +)
        for country in Country.allCases {
            let p = (config.countryWeights[country] ?? 0) / total
            let z = Fixture.sigmas(observed: counts[country] ?? 0, n: n, p: p)
            #expect(
                z < 5, "\(country): expected \(p), observed \(Double(counts[country] ?? 0) / Double(n)), \(z) sigma")
        }
    }

    @Test("include_portable: 0 gives no portable forms, 1 makes every call portable, and the rate is kept")
    func portableRate() throws {
        var rng = SplitMix64(seed: 5)
        let none = try ContentGenerator(
            Fixture.config {
                $0.portableRate = 0; $0.specialRate = 0
            })
        let all = try ContentGenerator(
            Fixture.config {
                $0.portableRate = 1; $0.specialRate = 0
            })
        let some = try ContentGenerator(
            Fixture.config {
                $0.portableRate = 0.1; $0.specialRate = 0
            })
        for _ in 0..<3000 {
            #expect(!none.callsign(using: &rng).call.contains("/"))
            #expect(all.callsign(using: &rng).call.contains("/"))
        }
        let n = 10_000
        let portable = (0..<n).filter { _ in some.callsign(using: &rng).call.contains("/") }.count
        #expect(Fixture.sigmas(observed: portable, n: n, p: 0.1) < 5)
        // Main stations of clips are portable too.
        for (clip, _, _) in try Fixture.clips(Fixture.config { $0.portableRate = 1 }, count: 300, seed: 9) {
            for call in clip.callsigns { #expect(call.contains("/"), "\(call) in \(clip.text)") }
        }
    }

    @Test("Portable forms include /P /M /MM /AM /QRP, call-area and state forms and operation abroad")
    func portableForms() throws {
        let generator = try ContentGenerator(
            Fixture.config {
                $0.portableRate = 1; $0.specialRate = 0
            })
        var rng = SplitMix64(seed: 8)
        var seen: Set<String> = []
        for _ in 0..<5000 {
            let call = generator.callsign(using: &rng).call
            let parts = call.split(separator: "/").map(String.init)
            if call.hasSuffix("/P") { seen.insert("P") }
            if call.hasSuffix("/M") { seen.insert("M") }
            if call.hasSuffix("/MM") { seen.insert("MM") }
            if call.hasSuffix("/AM") { seen.insert("AM") }
            if call.hasSuffix("/QRP") { seen.insert("QRP") }
            if let last = parts.last, last.count == 1, last.first?.isNumber == true { seen.insert("area") }
            if let last = parts.last, Geography.usStates.contains(last) { seen.insert("state") }
            if parts.count == 2, parts[0].count <= 3, !parts[0].contains(where: \.isNumber) || parts[0].count <= 3,
                parts[1].count > 3
            {
                seen.insert("abroad")
            }
        }
        #expect(seen == ["P", "M", "MM", "AM", "QRP", "area", "state", "abroad"])
    }

    @Test("include_special: 0 gives none, and the rate is kept (one-by-one and special-event calls)")
    func specialRate() throws {
        var rng = SplitMix64(seed: 6)
        // Special calls of the USA are one-by-one calls (K1A): 1x1, which regular US calls never are.
        let isOneByOne = try Regex(#"^[KNW][0-9][A-Z]$"#)
        let none = try Self.only(.USA, special: 0)
        let some = try Self.only(.USA, special: 0.2)
        #expect((0..<3000).allSatisfy { _ in (try? isOneByOne.wholeMatch(in: none.callsign(using: &rng).call)) == nil })
        let n = 10_000
        let special = (0..<n).filter { _ in (try? isOneByOne.wholeMatch(in: some.callsign(using: &rng).call)) != nil }
            .count
        #expect(Fixture.sigmas(observed: special, n: n, p: 0.2) < 5)
        // England's special-event calls start with GB, which regular calls never do.
        let gb = try Self.only(.ENGLAND, special: 1)
        #expect((0..<500).allSatisfy { _ in gb.callsign(using: &rng).call.hasPrefix("GB") })
    }
}
