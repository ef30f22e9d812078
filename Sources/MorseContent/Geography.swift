/// Real lists behind exchanges: US states and Canadian provinces by call area, ARRL/RAC sections,
/// CQ and ITU zones, grid fields, operators' names and home towns.
enum Geography {
    /// US states in each call area (index = digit).
    static let usStatesByArea: [[String]] = [
        ["CO", "IA", "KS", "MN", "MO", "NE", "ND", "SD"],
        ["CT", "ME", "MA", "NH", "RI", "VT"],
        ["NJ", "NY"],
        ["DE", "MD", "PA"],
        ["AL", "FL", "GA", "KY", "NC", "SC", "TN", "VA"],
        ["AR", "LA", "MS", "NM", "OK", "TX"],
        ["CA"],
        ["AZ", "ID", "MT", "NV", "OR", "UT", "WA", "WY"],
        ["MI", "OH", "WV"],
        ["IL", "IN", "WI"],
    ]

    /// Every US state abbreviation used (the 50 states).
    static let usStates: [String] = usStatesByArea.flatMap { $0 } + ["AK", "HI"]

    /// The call area digit of a US state.
    static func usArea(of state: String) -> Int {
        if state == "AK" { return 7 }
        if state == "HI" { return 6 }
        return usStatesByArea.firstIndex(where: { $0.contains(state) }) ?? 1
    }

    /// The province of a Canadian prefix and digit (`VE3` → ON).
    static func canadianProvince(prefix: String, digit: Int) -> String {
        switch (prefix, digit) {
        case ("VO", _): "NL"
        case ("VY", 0): "NU"
        case ("VY", 1): "YT"
        case ("VY", 2): "PE"
        case (_, 1): "NS"
        case (_, 2): "QC"
        case (_, 3): "ON"
        case (_, 4): "MB"
        case (_, 5): "SK"
        case (_, 6): "AB"
        case (_, 7): "BC"
        case (_, 8): "NT"
        case (_, 9): "NB"
        default: "ON"
        }
    }

    /// ARRL and RAC sections of a US state or Canadian province.
    static func sections(of region: String) -> [String] {
        switch region {
        case "MA": ["EMA", "WMA"]
        case "NJ": ["NNJ", "SNJ"]
        case "NY": ["ENY", "NLI", "NNY", "WNY"]
        case "PA": ["EPA", "WPA"]
        case "MD": ["MDC"]
        case "FL": ["NFL", "SFL", "WCF"]
        case "TX": ["NTX", "STX", "WTX"]
        case "CA": ["EB", "LAX", "ORG", "SB", "SCV", "SDG", "SF", "SJV", "SV"]
        case "WA": ["EWA", "WWA"]
        case "HI": ["PAC"]
        case "ON": ["ONE", "ONN", "ONS", "GH"]
        case "NT", "YT", "NU": ["TER"]
        case "PE": ["PE"]
        default: [region]
        }
    }

    /// CQ zone of a station by country, call-area digit and US state or Canadian province.
    static func cqZone(country: Country, area: Int, region: String?) -> Int {
        switch country {
        case .USA:
            if region == "AK" { return 1 }
            if region == "HI" { return 31 }
            return [4, 5, 5, 5, 5, 4, 3, 3, 4, 4][area]
        case .CANADA:
            switch region {
            case "BC": return 3
            case "AB", "SK", "MB", "ON": return 4
            case "QC": return 2
            case "NT", "YT": return 1
            case "NU": return 2
            default: return 5
            }
        case .ENGLAND, .GERMANY, .SPAIN, .FRANCE: return 14
        case .ITALY: return 15
        case .RUSSIA: return area == 9 ? 17 : area == 0 ? 18 : 16
        case .JAPAN: return 25
        case .BRAZIL: return 11
        case .AUSTRALIA: return area == 6 || area == 8 ? 29 : 30
        case .ARGENTINA: return 13
        }
    }

    /// ITU zone of a station by country, call-area digit and US state or Canadian province.
    static func ituZone(country: Country, area: Int, region: String?) -> Int {
        switch country {
        case .USA:
            if region == "AK" { return 1 }
            if region == "HI" { return 61 }
            return [7, 8, 8, 8, 8, 7, 6, 6, 8, 8][area]
        case .CANADA:
            switch region {
            case "BC": return 2
            case "AB": return 2
            case "SK", "MB": return 3
            case "ON": return 4
            case "QC": return 5
            case "NT", "YT", "NU": return 4
            default: return 9
            }
        case .ENGLAND, .FRANCE: return 27
        case .GERMANY, .ITALY: return 28
        case .SPAIN: return 37
        case .RUSSIA: return area == 9 ? 30 : area == 0 ? 32 : 29
        case .JAPAN: return 45
        case .BRAZIL: return area == 1 || area == 2 ? 15 : 13
        case .AUSTRALIA: return area == 6 ? 58 : area == 8 ? 55 : 59
        case .ARGENTINA: return 14
        }
    }

    /// The IARU member society of each country (sent by HQ stations in the IARU contest).
    static func society(of country: Country) -> String {
        switch country {
        case .USA: "ARRL"
        case .CANADA: "RAC"
        case .ENGLAND: "RSGB"
        case .GERMANY: "DARC"
        case .JAPAN: "JARL"
        case .ITALY: "ARI"
        case .RUSSIA: "SRR"
        case .SPAIN: "URE"
        case .FRANCE: "REF"
        case .BRAZIL: "LABRE"
        case .AUSTRALIA: "WIA"
        case .ARGENTINA: "RCA"
        }
    }

    /// Two-letter Maidenhead fields that cover each country.
    static func gridFields(of country: Country) -> [String] {
        switch country {
        case .USA: ["FN", "EN", "EM", "DM", "CM", "DN", "FM", "EL"]
        case .CANADA: ["FN", "EN", "DN", "CN", "FO"]
        case .ENGLAND: ["IO", "JO"]
        case .GERMANY: ["JO", "JN"]
        case .JAPAN: ["PM", "QM"]
        case .ITALY: ["JN", "JM"]
        case .RUSSIA: ["KO", "LO", "MO", "NO"]
        case .SPAIN: ["IN", "IM"]
        case .FRANCE: ["JN", "IN"]
        case .BRAZIL: ["GG", "GH", "HH"]
        case .AUSTRALIA: ["QF", "QG", "PF"]
        case .ARGENTINA: ["FF", "GF", "FG"]
        }
    }

    /// Operators' first names common in each country (kept short, as operators key them).
    static func names(of country: Country) -> [String] {
        switch country {
        case .USA, .CANADA, .AUSTRALIA:
            [
                "BOB", "JOHN", "JIM", "TOM", "BILL", "DAVE", "MIKE", "STEVE", "ED", "AL", "JOE", "DAN", "RON",
                "DON", "KEN", "GARY", "PAUL", "RICK", "FRANK", "JACK", "ANN", "MARY", "SUE", "PAT", "CHUCK", "HANK",
            ]
        case .ENGLAND: ["JOHN", "DAVE", "NIGEL", "IAN", "PETE", "COLIN", "GRAHAM", "ALAN", "KEITH", "SUE", "ROB"]
        case .GERMANY: ["HANS", "KLAUS", "PETER", "UWE", "JOE", "WOLF", "DIETER", "FRANK", "ANDY", "JENS", "KARL"]
        case .JAPAN: ["TARO", "KEN", "HIRO", "YUKI", "TAKA", "MASA", "NORI", "AKI", "SHIN", "JUN"]
        case .ITALY: ["GIANNI", "MARCO", "LUCA", "PAOLO", "FRANCO", "MAX", "ENZO", "RICCARDO", "TONY"]
        case .RUSSIA: ["IGOR", "SERGEY", "ALEX", "VLAD", "OLEG", "YURI", "DIMA", "VIC", "ANDY", "NICK"]
        case .SPAIN: ["JOSE", "PACO", "JUAN", "PEDRO", "LUIS", "TONI", "CARLOS", "MANOLO", "PEPE"]
        case .FRANCE: ["PIERRE", "JEAN", "ALAIN", "MARC", "PHIL", "ERIC", "LUC", "GERARD", "DOM"]
        case .BRAZIL: ["JOAO", "PAULO", "ZE", "RUI", "CARLOS", "MARCOS", "BETO", "TONI", "CID"]
        case .ARGENTINA: ["JUAN", "MARIO", "DANIEL", "HUGO", "RAUL", "JORGE", "LUCHO", "TITO"]
        }
    }

    /// Home towns for ragchew QTHs (for the USA and Canada the state or province follows).
    static func towns(of country: Country) -> [String] {
        switch country {
        case .USA:
            ["BOSTON", "DENVER", "AUSTIN", "DAYTON", "TAMPA", "RENO", "TULSA", "OMAHA", "FRESNO", "TOLEDO", "ALBANY"]
        case .CANADA: ["TORONTO", "OTTAWA", "HALIFAX", "REGINA", "CALGARY", "VICTORIA", "QUEBEC", "WINNIPEG"]
        case .ENGLAND: ["LONDON", "LEEDS", "YORK", "BRISTOL", "EXETER", "OXFORD", "DERBY", "BATH"]
        case .GERMANY: ["BERLIN", "MUNICH", "BONN", "KIEL", "ESSEN", "DRESDEN", "ULM", "TRIER"]
        case .JAPAN: ["TOKYO", "OSAKA", "KOBE", "NARA", "SENDAI", "NAGOYA", "KYOTO", "SAPPORO"]
        case .ITALY: ["ROMA", "MILANO", "TORINO", "PISA", "BARI", "GENOVA", "PARMA", "VERONA"]
        case .RUSSIA: ["MOSCOW", "KAZAN", "OMSK", "TULA", "PERM", "SOCHI", "TOMSK", "SAMARA"]
        case .SPAIN: ["MADRID", "SEVILLA", "BILBAO", "LEON", "VIGO", "MALAGA", "MURCIA", "CADIZ"]
        case .FRANCE: ["PARIS", "LYON", "NANTES", "LILLE", "DIJON", "NICE", "REIMS", "TOURS"]
        case .BRAZIL: ["RIO", "SANTOS", "RECIFE", "NATAL", "BELEM", "CURITIBA", "SALVADOR", "MANAUS"]
        case .AUSTRALIA: ["SYDNEY", "PERTH", "DARWIN", "HOBART", "CAIRNS", "ADELAIDE", "BRISBANE"]
        case .ARGENTINA: ["ROSARIO", "CORDOBA", "MENDOZA", "SALTA", "TANDIL", "NEUQUEN", "USHUAIA"]
        }
    }
}
