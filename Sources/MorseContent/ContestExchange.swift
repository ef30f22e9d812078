/// One element of an exchange: what it is, how it was keyed, and what it means.
struct ExchangeElement: Sendable, Hashable {
    /// The `fields` key: `rst`, `serial`, `zone`, `state`, `section`, `name`, `power`, `class`,
    /// `precedence`, `call`, `check`, `age`, `society`.
    var key: String
    /// As keyed, e.g. `5NN`, `TT5`.
    var keyed: String
    /// The meaning, e.g. `599`, `5`.
    var value: String
}

/// The exchange one station sends in a contest, as keyed and as meant.
struct ContestExchange: Sendable, Hashable {
    var contest: ContestType
    var sender: String
    var elements: [ExchangeElement]

    /// The exchange words as keyed.
    var words: [String] { elements.map(\.keyed) }
    /// The meaning of every element.
    var fields: [String: String] {
        var result: [String: String] = [:]
        for element in elements { result[element.key] = element.value }
        return result
    }
    var record: ExchangeRecord { ExchangeRecord(sender: sender, keyed: words.joined(separator: " "), fields: fields) }

    /// What an operator sends to ask for an element again (`NR?`, `ZN?`, `SEC?`).
    static func request(for key: String, using rng: inout some RandomNumberGenerator) -> String {
        switch key {
        case "rst": "RST?"
        case "serial": ["NR?", "NR?", "SN?"].pick(using: &rng)
        case "zone": ["ZN?", "ZONE?"].pick(using: &rng)
        case "state": ["ST?", "QTH?"].pick(using: &rng)
        case "section": "SEC?"
        case "name": ["NAME?", "OP?"].pick(using: &rng)
        case "power": "PWR?"
        case "class": "CLASS?"
        case "precedence": "PREC?"
        case "check": "CK?"
        case "age": "AGE?"
        case "society": "SOC?"
        default: "CALL?"
        }
    }

    /// The watts a keyed power means (`KW` and `1K` = 1000, cut digits allowed), or nil.
    static func watts(of keyed: String) -> Int? {
        keyed == "KW" || keyed == "1K" ? 1000 : CutNumbers.value(of: keyed)
    }
}

/// A station in a contest with everything its exchange is made of, fixed for the whole clip.
struct ContestOperator: Sendable {
    var station: Station
    var contest: ContestType
    var name: String
    var age: Int
    var watts: Int
    var fieldDayClass: String
    var precedence: String
    var check: Int
    var section: String
    /// The IARU society an HQ station sends instead of its zone.
    var society: String?
    /// Keys 5NN rather than 599.
    var cutsReport: Bool
    /// How it keys serials and other numbers.
    var style: CutNumbers.Style
    /// The serial of its next exchange.
    var serial: Int

    init(
        station: Station, contest: ContestType, cutNumberRate: Double, society: String? = nil,
        using rng: inout some RandomNumberGenerator
    ) {
        self.station = station
        self.contest = contest
        self.society = society
        name = Geography.names(of: station.country).pick(using: &rng)
        age = Draw.int(16...85, using: &rng)
        watts = [5, 10, 50, 100, 100, 100, 100, 200, 400, 500, 500, 1000, 1000, 1000].pick(using: &rng)
        fieldDayClass = Self.fieldDayClass(using: &rng)
        precedence = WeightedChoice([("Q", 10.0), ("A", 40), ("B", 25), ("U", 15), ("M", 7), ("S", 3)]).draw(
            using: &rng)
        check = Draw.chance(0.75, using: &rng) ? Draw.int(50...99, using: &rng) : Draw.int(0...25, using: &rng)
        section = station.region.map { Geography.sections(of: $0).pick(using: &rng) } ?? "DX"
        cutsReport = Draw.chance(cutNumberRate, using: &rng)
        let cuts = Draw.chance(cutNumberRate, using: &rng)
        style = CutNumbers.Style(
            cutZero: cuts, cutNine: cuts, cutOne: cuts && Draw.chance(0.25, using: &rng),
            minimumDigits: Draw.chance(0.4, using: &rng) ? 3 : 1)
        let tier = Draw.int(0...99, using: &rng)
        let drawn =
            tier < 30
            ? Draw.int(1...99, using: &rng)
            : tier < 85 ? Draw.int(100...999, using: &rng) : Draw.int(1000...3000, using: &rng)
        // A Sprint lasts four hours and Sweepstakes has fewer stations: their serials stay lower.
        let highest = contest == .SPRINT ? 400 : contest == .SWEEPSTAKES ? 1500 : 3000
        serial = drawn <= highest ? drawn : Draw.int(1...highest, using: &rng)
    }

    private static func fieldDayClass(using rng: inout some RandomNumberGenerator) -> String {
        let letter = WeightedChoice([("A", 45.0), ("B", 8), ("C", 5), ("D", 25), ("E", 10), ("F", 7)]).draw(using: &rng)
        let count: Int
        switch letter {
        case "A":
            let tier = Draw.int(0...99, using: &rng)
            count =
                tier < 40
                ? 1
                : tier < 65
                    ? 2
                    : tier < 77
                        ? 3
                        : tier < 88
                            ? Draw.int(4...5, using: &rng)
                            : tier < 96 ? Draw.int(6...10, using: &rng) : Draw.int(11...40, using: &rng)
        case "C": count = 1
        case "B", "D": count = Draw.int(1...2, using: &rng)
        default: count = Draw.int(1...3, using: &rng)
        }
        return "\(count)\(letter)"
    }

    /// The exchange this operator sends now (its serial is not advanced; see `advance()`).
    func exchange() -> ContestExchange {
        let report = ExchangeElement(key: "rst", keyed: CutNumbers.keyedReport(599, cut: cutsReport), value: "599")
        let serialStyle =
            contest == .SWEEPSTAKES || contest == .SPRINT
            ? CutNumbers.Style(cutZero: style.cutZero, cutNine: style.cutNine, cutOne: false, minimumDigits: 1) : style
        let serialElement = ExchangeElement(
            key: "serial", keyed: CutNumbers.keyed(serial, style: serialStyle), value: String(serial))
        let numberStyle = CutNumbers.Style(cutZero: style.cutZero, cutNine: style.cutNine)
        let region = station.region ?? "DX"
        let elements: [ExchangeElement]
        switch contest {
        case .CQWW:
            let zone = Geography.cqZone(country: station.country, area: station.area, region: station.region)
            elements = [
                report,
                ExchangeElement(key: "zone", keyed: CutNumbers.keyed(zone, style: numberStyle), value: String(zone)),
            ]
        case .CQWPX, .WAE:
            elements = [report, serialElement]
        case .ARRLDX:
            if station.country.isNorthAmerican {
                elements = [report, ExchangeElement(key: "state", keyed: region, value: region)]
            } else {
                elements = [report, ExchangeElement(key: "power", keyed: keyedPower(), value: String(watts))]
            }
        case .SWEEPSTAKES:
            let checkText = CutNumbers.keyed(
                check, style: CutNumbers.Style(cutZero: style.cutZero, cutNine: style.cutNine, minimumDigits: 2))
            elements = [
                serialElement,
                ExchangeElement(key: "precedence", keyed: precedence, value: precedence),
                ExchangeElement(key: "call", keyed: station.call, value: station.call),
                ExchangeElement(key: "check", keyed: checkText, value: String(check)),
                ExchangeElement(key: "section", keyed: section, value: section),
            ]
        case .FIELD_DAY:
            elements = [
                ExchangeElement(key: "class", keyed: fieldDayClass, value: fieldDayClass),
                ExchangeElement(key: "section", keyed: section, value: section),
            ]
        case .NAQP:
            let nameElement = ExchangeElement(key: "name", keyed: name, value: name)
            elements =
                station.country.isNorthAmerican
                ? [nameElement, ExchangeElement(key: "state", keyed: region, value: region)] : [nameElement]
        case .SPRINT:
            elements = [
                serialElement, ExchangeElement(key: "name", keyed: name, value: name),
                ExchangeElement(key: "state", keyed: region, value: region),
            ]
        case .IARU:
            if let society {
                elements = [report, ExchangeElement(key: "society", keyed: society, value: society)]
            } else {
                let zone = Geography.ituZone(country: station.country, area: station.area, region: station.region)
                elements = [
                    report,
                    ExchangeElement(
                        key: "zone", keyed: CutNumbers.keyed(zone, style: numberStyle), value: String(zone)),
                ]
            }
        case .ALL_ASIAN:
            elements = [
                report,
                ExchangeElement(key: "age", keyed: CutNumbers.keyed(age, style: numberStyle), value: String(age)),
            ]
        }
        return ContestExchange(contest: contest, sender: station.call, elements: elements)
    }

    /// Power as DX stations key it in ARRL DX: `KW` or `1K` for 1000 W, cut digits otherwise.
    private func keyedPower() -> String {
        if watts == 1000 { return style.cutZero ? (style.cutOne ? "KW" : "1K") : "KW" }
        return CutNumbers.keyed(
            watts, style: CutNumbers.Style(cutZero: style.cutZero, cutNine: style.cutNine, cutOne: style.cutOne))
    }

    /// Moves on to the next serial (after a QSO).
    mutating func advance() { serial += 1 }
}
