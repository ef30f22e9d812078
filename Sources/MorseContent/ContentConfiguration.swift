/// Everything the config says about what clips say.
///
/// Each property maps to one key of the YAML config; see `CONTENT.md` for how they combine.
/// `.reference` holds the reference system's defaults (the values of `contest_cw.yaml`, but with
/// all ten contests).
public struct ContentConfiguration: Sendable, Hashable {
    /// `contest_types`: contests drawn (uniformly) for contest traffic.
    public var contestTypes: [ContestType]
    /// `composition_weights.countries`: relative weight of each country in callsign draws
    /// (missing = 0). The main station of a clip is drawn with these weights.
    public var countryWeights: [Country: Double]
    /// `composition_weights.sample_types`: relative weight of each sample type (missing = 0).
    /// `ragchew`, `practice_groups` and `plain_text` are 0 (off) unless configured.
    public var sampleTypeWeights: [SampleType: Double]
    /// `qso_probability`: for keyed budgets of 20 s and more, the chance that contest traffic is a
    /// full QSO rather than several transmissions from a run (`multi_transmission`). Shorter budgets
    /// ignore it and use `sampleTypeWeights` alone.
    public var qsoProbability: Double
    /// `callsigns.include_portable`: the chance that any callsign drawn takes a portable, mobile or
    /// abroad form (`/P`, `/M`, `/MM`, `/AM`, `/QRP`, `/7`, `/TX`, `DL/…`, `…/VE3`).
    public var portableRate: Double
    /// `callsigns.include_special`: the chance that any callsign drawn is a one-by-one or
    /// special-event call (`N5T`, `GB70RSGB`, `DA0HQ`).
    public var specialRate: Double
    /// `prosigns.use_abbreviations`: the chance that each optional abbreviation slot uses the CW
    /// abbreviation (`TNX`, `FB`, `ES`, `73 GL`, `PSE`) rather than plain words or nothing.
    public var abbreviationRate: Double
    /// `prosigns.common_prosigns`: prosign names (without brackets) that may appear; empty = none.
    public var prosigns: [String]
    /// `content.cut_number_rate` (new): the chance that a station keys cut numbers — `5NN` for 599,
    /// and `T` for 0 and `N` for 9 (sometimes `A` for 1) in serials, zones and other numbers.
    public var cutNumberRate: Double
    /// Plain-language lines for `plain_text` clips, one message a line (read from a file by the caller).
    public var plainTextLines: [String]

    /// Creates a configuration; call `validated()` (or `ContentGenerator.init`) to check it.
    public init(
        contestTypes: [ContestType], countryWeights: [Country: Double], sampleTypeWeights: [SampleType: Double],
        qsoProbability: Double, portableRate: Double, specialRate: Double, abbreviationRate: Double,
        prosigns: [String], cutNumberRate: Double, plainTextLines: [String] = []
    ) {
        self.contestTypes = contestTypes
        self.countryWeights = countryWeights
        self.sampleTypeWeights = sampleTypeWeights
        self.qsoProbability = qsoProbability
        self.portableRate = portableRate
        self.specialRate = specialRate
        self.abbreviationRate = abbreviationRate
        self.prosigns = prosigns
        self.cutNumberRate = cutNumberRate
        self.plainTextLines = plainTextLines
    }

    /// The reference system's defaults, with all ten contests.
    public static let reference = ContentConfiguration(
        contestTypes: ContestType.allCases,
        countryWeights: [
            .USA: 30, .GERMANY: 20, .JAPAN: 15, .ENGLAND: 15, .CANADA: 10, .ITALY: 10,
            .RUSSIA: 10, .SPAIN: 5, .FRANCE: 5, .BRAZIL: 5, .AUSTRALIA: 5, .ARGENTINA: 5,
        ],
        sampleTypeWeights: [
            .fullQSO: 30, .cqCall: 20, .exchangeOnly: 25, .partialCopy: 15, .repeatRequest: 10,
            .multiTransmission: 0, .ragchew: 0, .practiceGroups: 0, .plainText: 0, .pileup: 0,
        ],
        qsoProbability: 0.3, portableRate: 0.1, specialRate: 0.05, abbreviationRate: 0.3,
        prosigns: ["AR", "AS", "BK", "KN", "SK", "BT"], cutNumberRate: 0.8)

    /// This configuration checked and normalised: prosign names upper-cased and de-duplicated,
    /// plain-text lines normalised with empty lines dropped.
    /// - Throws: `ContentError` naming the field, the value and the fix.
    public func validated() throws(ContentError) -> ContentConfiguration {
        var result = self
        guard !contestTypes.isEmpty else { throw .noContestTypes }
        try Self.check(countryWeights, field: "composition_weights.countries")
        try Self.check(sampleTypeWeights, field: "composition_weights.sample_types")
        for (field, value) in [
            ("qso_probability", qsoProbability), ("callsigns.include_portable", portableRate),
            ("callsigns.include_special", specialRate), ("prosigns.use_abbreviations", abbreviationRate),
            ("content.cut_number_rate", cutNumberRate),
        ] where !(0...1).contains(value) {
            throw .rateOutOfRange(field: field, value: value)
        }
        var names: [String] = []
        for name in prosigns.map({ TextNotation.normalised($0).trimmingBrackets }) where !names.contains(name) {
            guard TextNotation.prosignNames.contains(name) else {
                throw .unknownName(field: "prosigns.common_prosigns", value: name, allowed: TextNotation.prosignNames)
            }
            names.append(name)
        }
        result.prosigns = names
        var lines: [String] = []
        for (index, raw) in plainTextLines.enumerated() {
            let line = TextNotation.normalised(raw)
            if line.isEmpty { continue }
            if let bad = TextNotation.firstUnkeyable(in: line) {
                throw .unkeyablePlainText(line: index + 1, character: bad)
            }
            lines.append(line)
        }
        result.plainTextLines = lines
        if (sampleTypeWeights[.plainText] ?? 0) > 0, lines.isEmpty { throw .plainTextWithoutLines }
        return result
    }

    private static func check<Key: RawRepresentable & CaseIterable>(
        _ weights: [Key: Double], field: String
    ) throws(ContentError) where Key.RawValue == String {
        for key in Key.allCases {
            let value = weights[key] ?? 0
            guard value.isFinite, value >= 0 else {
                throw .invalidWeight(field: field, key: key.rawValue, value: value)
            }
        }
        guard Key.allCases.contains(where: { (weights[$0] ?? 0) > 0 }) else { throw .noPositiveWeight(field: field) }
    }
}

extension ContentConfiguration {
    /// Contest types from their config spellings (`CQWW`, `FIELD_DAY`, …).
    /// - Throws: `ContentError.unknownName` for a spelling that is not a contest.
    public static func contestTypes(named names: [String]) throws(ContentError) -> [ContestType] {
        var result: [ContestType] = []
        for name in names {
            guard let contest = ContestType(rawValue: name.uppercased()) else {
                throw .unknownName(field: "contest_types", value: name, allowed: ContestType.allCases.map(\.rawValue))
            }
            if !result.contains(contest) { result.append(contest) }
        }
        return result
    }

    /// A weight table keyed by config spellings (`USA`, `full_qso`), as read from YAML.
    /// - Throws: `ContentError.unknownName` for a key that is not one of `Key`'s spellings.
    public static func weights<Key: RawRepresentable & CaseIterable & Hashable>(
        _ table: [String: Double], field: String
    ) throws(ContentError) -> [Key: Double] where Key.RawValue == String {
        var result: [Key: Double] = [:]
        for name in table.keys.sorted() {
            let weight = table[name] ?? 0
            guard let key = Key.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else {
                throw .unknownName(field: field, value: name, allowed: Key.allCases.map(\.rawValue))
            }
            result[key] = weight
        }
        return result
    }
}

extension String {
    /// The string without one pair of surrounding angle brackets (`<AR>` → `AR`).
    fileprivate var trimmingBrackets: String {
        hasPrefix("<") && hasSuffix(">") && count >= 2 ? String(dropFirst().dropLast()) : self
    }
}
