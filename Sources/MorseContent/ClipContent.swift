/// What one clip says and what it means.
public struct ClipContent: Sendable, Hashable, Codable {
    /// Exactly what is keyed, in `TextNotation` (upper case, single spaces, prosigns in brackets).
    public var text: String
    /// The contest whose traffic this is; nil for ragchew, practice groups and plain text.
    public var contestType: ContestType?
    /// What kind of traffic the clip holds.
    public var sampleType: SampleType
    /// Country of the main station: the run (CQing) station when there is one, otherwise the
    /// transmitting station; for a station operating abroad (`DL/K1ABC`) the country it operates from.
    public var country: Country?
    /// Every complete callsign in `text`, in order of first appearance (partial copies such as `W1A?` are not).
    public var callsigns: [String]
    /// Meaning of the main station's first exchange in the text (else the first exchange; for a
    /// ragchew the first over's details), e.g. `"rst": "599"`,
    /// `"serial": "1034"`, `"zone": "5"` (CQ zone in CQWW, ITU zone in IARU), `"state": "CT"`
    /// (state or province), `"name": "BOB"`; a partial copy adds `"partial": "W1A"`. Numbers are
    /// plain decimal whatever was keyed (`5NN` → `599`, `0T1` → `1`).
    public var fields: [String: String]
    /// Every exchange keyed in the text, in order.
    public var exchanges: [ExchangeRecord]
    /// Pileups: what each caller answering the CQ keys (its callsign, once or twice), in the
    /// order they start; empty for every other sample type.
    public var callers: [String] = []

    /// Every key `fields` may hold, sorted: datasets write them all so each row has the same shape.
    public static let fieldNames = [
        "age", "call", "check", "class", "grid", "name", "partial", "power", "precedence", "qth", "rig", "rst",
        "section",
        "serial", "society", "state", "wx", "zone",
    ]

    /// Creates clip content.
    public init(
        text: String, contestType: ContestType?, sampleType: SampleType, country: Country?,
        callsigns: [String], fields: [String: String], exchanges: [ExchangeRecord] = []
    ) {
        self.text = text
        self.contestType = contestType
        self.sampleType = sampleType
        self.country = country
        self.callsigns = callsigns
        self.fields = fields
        self.exchanges = exchanges
    }
}

/// One contest exchange as keyed and as meant.
public struct ExchangeRecord: Sendable, Hashable, Codable {
    /// Callsign of the station that sent it.
    public var sender: String
    /// The exchange words exactly as keyed, e.g. `5NN TT5` or `123 A K1ABC 72 CT`.
    public var keyed: String
    /// The meaning of each element (see `ClipContent.fields`).
    public var fields: [String: String]

    /// Creates an exchange record.
    public init(sender: String, keyed: String, fields: [String: String]) {
        self.sender = sender
        self.keyed = keyed
        self.fields = fields
    }
}

/// The `evaluation.track_elements` of the config and the `fields` keys that hold each.
public enum TrackedElement: String, CaseIterable, Codable, Sendable {
    case callsigns
    case rstReports = "rst_reports"
    case serialNumbers = "serial_numbers"
    case gridSquares = "grid_squares"
    case statesProvinces = "states_provinces"
    case zones

    /// Keys of `ClipContent.fields` that carry this element (callsigns are in `ClipContent.callsigns`).
    public var fieldKeys: [String] {
        switch self {
        case .callsigns: []
        case .rstReports: ["rst"]
        case .serialNumbers: ["serial"]
        case .gridSquares: ["grid"]
        case .statesProvinces: ["state", "section"]
        case .zones: ["zone"]
        }
    }
}
