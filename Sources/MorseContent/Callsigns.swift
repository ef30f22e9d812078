/// A station on the band: its callsign as keyed and where it operates.
struct Station: Sendable, Hashable {
    /// The callsign as keyed, with any portable or abroad part (`K1ABC/P`, `DL/G4ABC`).
    var call: String
    /// The country it operates from.
    var country: Country
    /// The call-area digit where it operates (decides US states, Canadian provinces, some zones).
    var area: Int
    /// US state or Canadian province where it operates; nil elsewhere.
    var region: String?
    /// The headquarters station of its country's IARU society.
    var isHeadquarters = false

    /// In Europe as WAE counts it (European Russia only).
    var isEuropean: Bool { country.isEuropean && !(country == .RUSSIA && [8, 9, 0].contains(area)) }
    /// In Asia as the All Asian DX contest counts it (Japan and Asiatic Russia).
    var isAsian: Bool { country == .JAPAN || (country == .RUSSIA && [8, 9, 0].contains(area)) }
}

/// A family of regular callsigns of one country: prefixes × call-area digits × suffix lengths.
struct CallForm: Sendable {
    var prefixes: [String]
    var digits: [Int]
    /// Suffix lengths, repeated to weight them (`[2, 3, 3]` = one in three has two letters).
    var suffixLengths: [Int]
    var weight: Double
    /// A US state or province fixed by the prefix (KL7 → AK), if any.
    var region: String? = nil
}

/// Draws callsigns by country weight, in regular, special-event and portable forms.
struct CallsignGenerator: Sendable {
    let countryWeights: [Country: Double]
    let portableRate: Double
    let specialRate: Double
    private let countries: WeightedChoice<Country>

    init(countryWeights: [Country: Double], portableRate: Double, specialRate: Double) {
        self.countryWeights = countryWeights
        self.portableRate = portableRate
        self.specialRate = specialRate
        countries = WeightedChoice(Country.allCases.map { ($0, countryWeights[$0] ?? 0) })
    }

    /// A country drawn from `allowed` by the configured weights (uniformly if they are all 0 there).
    func country(in allowed: [Country] = Country.allCases, using rng: inout some RandomNumberGenerator) -> Country {
        if allowed.count == Country.allCases.count, !countries.isEmpty { return countries.draw(using: &rng) }
        let table = WeightedChoice(allowed.map { ($0, countryWeights[$0] ?? 0) })
        return table.isEmpty ? allowed.pick(using: &rng) : table.draw(using: &rng)
    }

    /// A station of a country drawn by weight from `allowed`, satisfying `accept` (tried a few times).
    func station(
        in allowed: [Country] = Country.allCases, using rng: inout some RandomNumberGenerator,
        accept: (Station) -> Bool = { _ in true }
    ) -> Station {
        var candidate = station(of: country(in: allowed, using: &rng), using: &rng)
        var tries = 0
        while !accept(candidate), tries < 20 {
            candidate = station(of: country(in: allowed, using: &rng), using: &rng)
            tries += 1
        }
        return candidate
    }

    /// A station of `country`: special at `specialRate`, then portable at `portableRate`.
    func station(of country: Country, using rng: inout some RandomNumberGenerator) -> Station {
        let special = Draw.chance(specialRate, using: &rng)
        var base =
            special ? Self.specialStation(of: country, using: &rng) : Self.regularStation(of: country, using: &rng)
        if Draw.chance(portableRate, using: &rng) {
            base = special ? Self.portableSuffix(base, using: &rng) : portable(base, using: &rng)
        }
        return base
    }

    /// The headquarters station of a country's IARU society, drawn at half the special rate
    /// (it is a special station), portable at the portable rate like any special call.
    func headquartersStation(using rng: inout some RandomNumberGenerator) -> Station? {
        guard Draw.chance(specialRate / 2, using: &rng) else { return nil }
        let station = Self.headquartersStation(of: country(using: &rng), using: &rng)
        return Draw.chance(portableRate, using: &rng) ? Self.portableSuffix(station, using: &rng) : station
    }

    // MARK: Regular calls

    static func regularStation(of country: Country, using rng: inout some RandomNumberGenerator) -> Station {
        let form = formTables[country]?.choice.draw(using: &rng) ?? formChoice(makeForms(of: country)).draw(using: &rng)
        let prefix = form.prefixes.pick(using: &rng)
        let digit = form.digits.pick(using: &rng)
        let suffix = letters(form.suffixLengths.pick(using: &rng), using: &rng)
        let region = form.region ?? region(country: country, prefix: prefix, area: digit, using: &rng)
        return Station(call: "\(prefix)\(digit)\(suffix)", country: country, area: digit, region: region)
    }

    /// The US state or Canadian province of a call area (a random state of that area for the USA).
    static func region(country: Country, prefix: String, area: Int, using rng: inout some RandomNumberGenerator)
        -> String?
    {
        switch country {
        case .USA: Geography.usStatesByArea[area].pick(using: &rng)
        case .CANADA: Geography.canadianProvince(prefix: prefix, digit: area)
        default: nil
        }
    }

    /// Suffix letters; the first is never Q (Q-codes) so a suffix never reads as one.
    static func letters(_ count: Int, using rng: inout some RandomNumberGenerator) -> String {
        let alphabet = suffixAlphabet
        var result = ""
        for index in 0..<count {
            var letter = alphabet.pick(using: &rng)
            while index == 0 && letter == "Q" { letter = alphabet.pick(using: &rng) }
            result.append(letter)
        }
        return result
    }

    private static let suffixAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    /// Every country's call forms and the table that draws among them, built once: a clip draws
    /// dozens of callsigns, and the USA's forms alone are some 200 prefix strings.
    private static let formTables: [Country: (forms: [CallForm], choice: WeightedChoice<CallForm>)] =
        Dictionary(
            uniqueKeysWithValues: Country.allCases.map { country in
                let forms = makeForms(of: country)
                return (country, (forms, formChoice(forms)))
            })

    private static func formChoice(_ forms: [CallForm]) -> WeightedChoice<CallForm> {
        WeightedChoice(forms.map { ($0, $0.weight) })
    }

    static func forms(of country: Country) -> [CallForm] {
        formTables[country]?.forms ?? makeForms(of: country)
    }

    private static func makeForms(of country: Country) -> [CallForm] {
        let all = Array(0...9)
        switch country {
        case .USA:
            let territories: Set<String> = ["KH", "KL", "KP", "NH", "NL", "NP", "WH", "WL", "WP"]
            let twoLetter = (twoLetterPrefixes("K") + twoLetterPrefixes("N") + twoLetterPrefixes("W"))
                .filter { !territories.contains($0) }
            let groupA = ["AA", "AB", "AC", "AD", "AE", "AF", "AG", "AI", "AJ", "AK"]
            return [
                CallForm(prefixes: ["K", "N", "W"], digits: all, suffixLengths: [3], weight: 35),
                CallForm(
                    prefixes: twoLetterPrefixes("K").filter { !territories.contains($0) }, digits: all,
                    suffixLengths: [3], weight: 25),
                CallForm(prefixes: twoLetter + groupA, digits: all, suffixLengths: [2], weight: 20),
                CallForm(prefixes: ["K", "N", "W"], digits: all, suffixLengths: [2], weight: 12),
                CallForm(
                    prefixes: groupA + ["KA", "KB", "KC", "ND", "NE", "WA", "WB", "WC"], digits: all,
                    suffixLengths: [1], weight: 5),
                CallForm(
                    prefixes: ["AL", "KL", "NL", "WL"], digits: [7], suffixLengths: [1, 2, 3], weight: 1.5, region: "AK"
                ),
                CallForm(
                    prefixes: ["AH", "KH", "NH", "WH"], digits: [6], suffixLengths: [1, 2, 3], weight: 1.5, region: "HI"
                ),
            ]
        case .CANADA:
            return [
                CallForm(prefixes: ["VE"], digits: Array(1...9), suffixLengths: [2, 3, 3], weight: 60),
                CallForm(prefixes: ["VA"], digits: Array(1...7), suffixLengths: [2, 3, 3], weight: 28),
                CallForm(prefixes: ["VO"], digits: [1, 2], suffixLengths: [2, 3], weight: 6),
                CallForm(prefixes: ["VY"], digits: [0, 1, 2], suffixLengths: [2, 3], weight: 3),
            ]
        case .ENGLAND:
            return [
                CallForm(prefixes: ["G"], digits: [0, 3, 4, 6, 7, 8], suffixLengths: [2, 3, 3], weight: 45),
                CallForm(prefixes: ["M"], digits: [0, 1, 3, 5, 6, 7], suffixLengths: [3], weight: 40),
                CallForm(prefixes: ["2E"], digits: [0, 1], suffixLengths: [3], weight: 15),
            ]
        case .GERMANY:
            return [
                CallForm(
                    prefixes: ["DL", "DK", "DJ", "DF", "DG", "DH"], digits: Array(1...9), suffixLengths: [2, 3, 3],
                    weight: 70),
                CallForm(
                    prefixes: ["DB", "DC", "DD", "DM", "DO"], digits: Array(1...9), suffixLengths: [3], weight: 25),
                CallForm(prefixes: ["DL", "DK", "DF"], digits: [0], suffixLengths: [2, 3], weight: 5),
            ]
        case .JAPAN:
            let ja = ["JA", "JE", "JF", "JG", "JH", "JI", "JJ", "JK", "JL", "JM", "JN", "JO", "JP", "JQ", "JR", "JS"]
            return [
                CallForm(prefixes: ja, digits: all, suffixLengths: [3, 3, 3, 2], weight: 85),
                CallForm(prefixes: ["7K", "7L", "7M", "7N"], digits: [1, 2, 3, 4], suffixLengths: [3], weight: 15),
            ]
        case .ITALY:
            return [
                CallForm(prefixes: ["IK", "IZ", "IW", "IU"], digits: all, suffixLengths: [3], weight: 70),
                CallForm(prefixes: ["I"], digits: all, suffixLengths: [2, 3], weight: 20),
                CallForm(prefixes: ["IV", "IN"], digits: [3], suffixLengths: [3], weight: 5),
                CallForm(prefixes: ["IT"], digits: [9], suffixLengths: [2, 3], weight: 5),
            ]
        case .RUSSIA:
            let digits = [1, 3, 4, 6, 7, 9, 0]
            return [
                CallForm(
                    prefixes: ["RA", "RK", "RN", "RU", "RV", "RW", "RX", "RZ"], digits: digits,
                    suffixLengths: [2, 3, 3], weight: 45),
                CallForm(
                    prefixes: ["UA", "UB", "UC", "UD", "UF", "UG", "UH", "UI"], digits: digits,
                    suffixLengths: [2, 3, 3], weight: 40),
                CallForm(prefixes: ["R"], digits: digits + [8], suffixLengths: [1, 2], weight: 15),
            ]
        case .SPAIN:
            return [
                CallForm(prefixes: ["EA"], digits: [1, 2, 3, 4, 5, 7], suffixLengths: [2, 3], weight: 70),
                CallForm(
                    prefixes: ["EB", "EC", "ED", "EE", "EF", "EG", "EH"], digits: [1, 2, 3, 4, 5, 7],
                    suffixLengths: [3], weight: 30),
            ]
        case .FRANCE:
            return [CallForm(prefixes: ["F"], digits: [1, 4, 5, 6, 8], suffixLengths: [2, 3, 3], weight: 1)]
        case .BRAZIL:
            return [
                CallForm(prefixes: ["PY"], digits: Array(1...9), suffixLengths: [2, 3], weight: 60),
                CallForm(
                    prefixes: ["PP", "PQ", "PR", "PS", "PT", "PU"], digits: Array(1...9), suffixLengths: [3], weight: 40
                ),
            ]
        case .AUSTRALIA:
            return [CallForm(prefixes: ["VK"], digits: Array(1...8), suffixLengths: [2, 3, 3], weight: 1)]
        case .ARGENTINA:
            return [
                CallForm(prefixes: ["LU"], digits: Array(1...9), suffixLengths: [2, 3, 3], weight: 75),
                CallForm(prefixes: ["LW"], digits: Array(1...9), suffixLengths: [2, 3], weight: 20),
                CallForm(prefixes: ["AY", "AZ"], digits: Array(1...9), suffixLengths: [1, 2], weight: 5),
            ]
        }
    }

    private static func twoLetterPrefixes(_ first: Character) -> [String] {
        "ABCDEFGHIJKLMNOPRSTUVWXYZ".map { "\(first)\($0)" }
    }

    // MARK: Special calls

    /// A one-by-one, special-event or contest call: prefix + 1–4 digits + 1–4 letters.
    static func specialStation(of country: Country, using rng: inout some RandomNumberGenerator) -> Station {
        if country == .USA {
            // One-by-one calls: K1A, N5T, W2M.
            let digit = Draw.int(0...9, using: &rng)
            let letter = Array("ABCDEFGHIJKLMNOPRSTUVWYZ").pick(using: &rng)
            let call = "\(["K", "N", "W"].pick(using: &rng))\(digit)\(letter)"
            return Station(
                call: call, country: .USA, area: digit, region: Geography.usStatesByArea[digit].pick(using: &rng))
        }
        let prefixes: [String] =
            switch country {
            case .USA: ["K"]
            case .CANADA: ["CG", "CF", "VC", "VX"]
            case .ENGLAND: ["GB"]
            case .GERMANY: ["DA", "DP", "DQ", "DR"]
            case .JAPAN: ["8J", "8N"]
            case .ITALY: ["II", "IO", "IR", "IY"]
            case .RUSSIA: ["RP", "UE", "R"]
            case .SPAIN: ["AM", "AN", "AO", "EF", "EG"]
            case .FRANCE: ["TM"]
            case .BRAZIL: ["ZV", "ZW", "ZX", "ZY", "ZZ"]
            case .AUSTRALIA: ["AX", "VI"]
            case .ARGENTINA: ["LO", "LP", "LR", "LS", "AY", "AZ"]
            }
        let anniversary = Draw.chance(0.3, using: &rng) && country != .JAPAN
        let number =
            anniversary
            ? [10, 20, 25, 50, 60, 70, 75, 80, 90, 100, 125, 150, 200, 250].pick(using: &rng)
            : Draw.int(0...9, using: &rng)
        let suffix = letters(anniversary ? Draw.int(2...4, using: &rng) : Draw.int(1...3, using: &rng), using: &rng)
        let call = "\(prefixes.pick(using: &rng))\(number)\(suffix)"
        let area = forms(of: country)[0].digits.pick(using: &rng)
        let region = Self.region(country: country, prefix: "VE", area: area, using: &rng)
        return Station(call: call, country: country, area: area, region: region)
    }

    /// The headquarters station of a country's IARU society (sends the society in the IARU contest).
    static func headquartersStation(of country: Country, using rng: inout some RandomNumberGenerator) -> Station {
        let call: String =
            switch country {
            case .USA: "NU1AW"
            case .CANADA: "VE9HQ"
            case .ENGLAND: "GB7HQ"
            case .GERMANY: "DA0HQ"
            case .JAPAN: "8N1HQ"
            case .ITALY: "II4HQ"
            case .RUSSIA: "R1HQ"
            case .SPAIN: "AO4HQ"
            case .FRANCE: "TM0HQ"
            case .BRAZIL: "ZV1HQ"
            case .AUSTRALIA: "AX1HQ"
            case .ARGENTINA: "LR1HQ"
            }
        let area = call.compactMap(\.wholeNumberValue).last ?? 1
        let region = Self.region(country: country, prefix: "VE", area: area, using: &rng)
        return Station(call: call, country: country, area: area, region: region, isHeadquarters: true)
    }

    // MARK: Portable, mobile and abroad forms

    private enum PortableForm: Sendable { case portable, mobile, maritime, aeronautical, qrp, area, state, abroad }

    private func portable(_ station: Station, using rng: inout some RandomNumberGenerator) -> Station {
        let form = WeightedChoice<PortableForm>([
            (.portable, 35), (.mobile, 15), (.maritime, 4), (.aeronautical, 2), (.qrp, 8),
            (.area, [.USA, .JAPAN, .RUSSIA, .AUSTRALIA].contains(station.country) ? 12 : 0),
            (.state, station.country == .USA ? 6 : 0), (.abroad, 18),
        ]).draw(using: &rng)
        var result = station
        switch form {
        case .portable: result.call += "/P"
        case .mobile: result.call += "/M"
        case .maritime: result.call += "/MM"
        case .aeronautical: result.call += "/AM"
        case .qrp: result.call += "/QRP"
        case .area:
            let digits = Self.forms(of: station.country)[0].digits.filter { $0 != station.area }
            let digit = digits.pick(using: &rng)
            result.call += "/\(digit)"
            result.area = digit
            result.region = Self.region(country: station.country, prefix: "VE", area: digit, using: &rng)
        case .state:
            let state = Geography.usStates.filter { $0 != station.region }.pick(using: &rng)
            result.call += "/\(state)"
            result.region = state
            result.area = Geography.usArea(of: state)
        case .abroad:
            result = abroad(in: station.country, using: &rng)
        }
        return result
    }

    /// A special call made portable: only the simple suffixes.
    private static func portableSuffix(_ station: Station, using rng: inout some RandomNumberGenerator) -> Station {
        var result = station
        result.call += ["/P", "/P", "/M", "/QRP"].pick(using: &rng)
        return result
    }

    /// A licensee of another country operating in `location` (`DL/G4ABC`, `K1ABC/VE3`, `W6/DL1ABC`).
    private func abroad(in location: Country, using rng: inout some RandomNumberGenerator) -> Station {
        let home = country(in: Country.allCases.filter { $0 != location }, using: &rng)
        let visitor = Self.regularStation(of: home, using: &rng).call
        let area = Self.forms(of: location)[0].digits.pick(using: &rng)
        var region = Self.region(country: location, prefix: "VE", area: area, using: &rng)
        let call: String
        switch location {
        case .USA: call = home == .CANADA ? "\(visitor)/W\(area)" : "\(["W", "K"].pick(using: &rng))\(area)/\(visitor)"
        case .CANADA: call = home == .USA ? "\(visitor)/VE\(area)" : "VE\(area)/\(visitor)"
        case .ENGLAND: call = "\(["G", "M"].pick(using: &rng))/\(visitor)"
        case .GERMANY: call = "DL/\(visitor)"
        case .JAPAN: call = "JA\(area)/\(visitor)"
        case .ITALY: call = "I/\(visitor)"
        case .RUSSIA: call = "R\(area)/\(visitor)"
        case .SPAIN: call = "\(["EA", "EA\(area)"].pick(using: &rng))/\(visitor)"
        case .FRANCE: call = "F/\(visitor)"
        case .BRAZIL: call = "PY\(area)/\(visitor)"
        case .AUSTRALIA: call = "VK\(area)/\(visitor)"
        case .ARGENTINA: call = "LU\(area)/\(visitor)"
        }
        if location == .CANADA { region = Geography.canadianProvince(prefix: "VE", digit: area) }
        return Station(call: call, country: location, area: area, region: region)
    }
}
