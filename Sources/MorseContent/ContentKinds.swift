/// A contest whose exchange a clip can carry. Raw values are the spellings of `contest_types` in the config.
public enum ContestType: String, CaseIterable, Codable, Sendable {
    /// CQ World Wide DX: RST + CQ zone.
    case CQWW
    /// CQ WPX: RST + serial number.
    case CQWPX
    /// ARRL International DX: W/VE stations send RST + state or province, DX stations RST + power.
    case ARRLDX
    /// ARRL November Sweepstakes: serial, precedence, call, check, section (W/VE only).
    case SWEEPSTAKES
    /// ARRL Field Day: class (transmitters + category letter) + section (W/VE; DX sends `DX`).
    case FIELD_DAY
    /// North American QSO Party: name + state or province (DX: name only).
    case NAQP
    /// North American Sprint: serial, name, state or province.
    case SPRINT
    /// IARU HF Championship: RST + ITU zone, or the society of an HQ station.
    case IARU
    /// Worked All Europe DX: RST + serial (Europe works the rest of the world).
    case WAE
    /// All Asian DX: RST + operator's age (Asia works the world).
    case ALL_ASIAN
}

/// What kind of traffic a clip holds. Raw values are the spellings of `composition_weights.sample_types`.
public enum SampleType: String, CaseIterable, Codable, Sendable {
    /// One or more complete contest QSOs: CQ → answer → exchange → acknowledgement → completion.
    case fullQSO = "full_qso"
    /// A run station calling CQ (repeated to fill longer clips).
    case cqCall = "cq_call"
    /// One station's exchange (several exchanges from one run for longer clips).
    case exchangeOnly = "exchange_only"
    /// A partly copied callsign (`W1A?`) and what follows it.
    case partialCopy = "partial_copy"
    /// A request for a repeat (`AGN?`, `NR?`, `QRZ?`) and the answer to it.
    case repeatRequest = "repeat_request"
    /// Several transmissions from a run: CQs, exchanges, partial copies, repeats, QSOs.
    case multiTransmission = "multi_transmission"
    /// A casual QSO: RST, name, QTH, rig, weather, 73, with common abbreviations.
    case ragchew
    /// Random five-character code groups, as in code practice.
    case practiceGroups = "practice_groups"
    /// Lines of plain language supplied by the user, one message a line.
    case plainText = "plain_text"
    /// A run station's CQ answered by a pileup: 2–6 callers (``ClipContent/callers``) sending their
    /// calls with staggered starts; the transcript is the CQ, the callers are labelled stations.
    case pileup

    /// Types that carry contest traffic (they have a contest type); the others are off the contest bands.
    public var isContestTraffic: Bool {
        switch self {
        case .fullQSO, .cqCall, .exchangeOnly, .partialCopy, .repeatRequest, .multiTransmission, .pileup: true
        case .ragchew, .practiceGroups, .plainText: false
        }
    }

    /// Types that are a single transmission in their shortest form, so fit a budget under 10 s.
    var fitsOneTransmission: Bool {
        switch self {
        case .fullQSO, .multiTransmission: false
        default: true
        }
    }
}

/// A country whose callsigns the generator writes. Raw values are the spellings of `composition_weights.countries`.
public enum Country: String, CaseIterable, Codable, Sendable {
    case USA, CANADA, ENGLAND, GERMANY, JAPAN, ITALY, RUSSIA, SPAIN, FRANCE, BRAZIL, AUSTRALIA, ARGENTINA

    /// W and VE stations: the domestic side of ARRL contests and the North American ones.
    public var isNorthAmerican: Bool { self == .USA || self == .CANADA }

    /// Countries counted as Europe by WAE (Russia counts as European for its European call areas only).
    var isEuropean: Bool {
        switch self {
        case .ENGLAND, .GERMANY, .ITALY, .SPAIN, .FRANCE, .RUSSIA: true
        default: false
        }
    }
}
