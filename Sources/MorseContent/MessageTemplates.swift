/// The stations of one clip's contest traffic — a run station and the stations that call it —
/// and the messages they key: CQ, answer, exchange, acknowledgement, completion, partial copies
/// and repeat requests.
struct ContestScript {
    let contest: ContestType
    let phrasing: Phrasing
    let calls: CallsignGenerator
    let cutNumberRate: Double
    /// The run (CQing) station: the clip's main station.
    var run: ContestOperator
    /// Every station of the clip, in order of creation (to list the callsigns a text holds).
    private(set) var stations: [Station]

    init(
        contest: ContestType, phrasing: Phrasing, calls: CallsignGenerator, cutNumberRate: Double,
        using rng: inout some RandomNumberGenerator
    ) {
        self.contest = contest
        self.phrasing = phrasing
        self.calls = calls
        self.cutNumberRate = cutNumberRate
        let station =
            (contest == .IARU ? calls.headquartersStation(using: &rng) : nil)
            ?? calls.station(in: Self.runCountries(contest), using: &rng)
        run = ContestOperator(
            station: station, contest: contest, cutNumberRate: cutNumberRate,
            society: Self.society(contest, station), using: &rng)
        stations = [station]
    }

    private static func runCountries(_ contest: ContestType) -> [Country] {
        switch contest {
        case .SWEEPSTAKES, .FIELD_DAY, .SPRINT, .NAQP: [.USA, .CANADA]
        default: Country.allCases
        }
    }

    private static func society(_ contest: ContestType, _ station: Station) -> String? {
        contest == .IARU && station.isHeadquarters ? Geography.society(of: station.country) : nil
    }

    /// A station that may work the run station in this contest (W/VE with DX in ARRL DX, Europe with
    /// the rest in WAE, Asia with anyone in All Asian, North America among itself in the domestic ones).
    mutating func newCaller(using rng: inout some RandomNumberGenerator) -> ContestOperator {
        let own = run.station
        let station: Station
        switch contest {
        case .SWEEPSTAKES, .FIELD_DAY, .SPRINT:
            station = calls.station(in: [.USA, .CANADA], using: &rng) { $0.call != own.call }
        case .ARRLDX:
            let sides = own.country.isNorthAmerican ? Country.allCases.filter { !$0.isNorthAmerican } : [.USA, .CANADA]
            station = calls.station(in: sides, using: &rng) { $0.call != own.call }
        case .WAE:
            station = calls.station(using: &rng) { $0.isEuropean != own.isEuropean && $0.call != own.call }
        case .ALL_ASIAN:
            station =
                own.isAsian
                ? calls.station(using: &rng) { $0.call != own.call }
                : calls.station(in: [.JAPAN, .RUSSIA], using: &rng) { $0.isAsian }
        case .IARU:
            station = calls.headquartersStation(using: &rng) ?? calls.station(using: &rng) { $0.call != own.call }
        default:
            station = calls.station(using: &rng) { $0.call != own.call }
        }
        stations.append(station)
        return ContestOperator(
            station: station, contest: contest, cutNumberRate: cutNumberRate,
            society: Self.society(contest, station), using: &rng)
    }

    // MARK: Messages

    /// The word that follows CQ in this contest (`TEST`, `SS`, `FD`, `NA`).
    private func cqWord(using rng: inout some RandomNumberGenerator) -> String {
        switch contest {
        case .SWEEPSTAKES: ["SS", "SS", "TEST"].pick(using: &rng)
        case .FIELD_DAY: ["FD", "FD", "TEST"].pick(using: &rng)
        case .SPRINT: ["NA", "SPRINT"].pick(using: &rng)
        case .NAQP: ["NA", "TEST"].pick(using: &rng)
        default: "TEST"
        }
    }

    /// The run station calls CQ (`CQ TEST DE K1ABC K1ABC K`, `TEST K1ABC`).
    func cq(using rng: inout some RandomNumberGenerator) -> Message {
        let me = run.station.call
        let word = cqWord(using: &rng)
        let forms: [([String], Double)] = [
            (["CQ", "CQ", "CQ", "DE", me, me, me], 1), (["CQ", word, "DE", me, me, "K"], 3),
            ([word, me, me, word], 2), (["CQ", word, me, me], 3), (["CQ", word, me], 3),
            ([word, me], 2), ([me, word], 1),
        ]
        let preferred = WeightedChoice(forms).draw(using: &rng)
        return Message(
            kind: .cqCall, preferred: Variant(words: preferred),
            alternatives: forms.map { Variant(words: $0.0) })
    }

    /// A caller answers with its call (`DL1XYZ`, `DL1XYZ DL1XYZ`); only part of a QSO.
    func answer(from caller: ContestOperator, using rng: inout some RandomNumberGenerator) -> Message {
        let call = caller.station.call
        let forms: [([String], Double)] = [([call], 5), ([call, call], 2), (["DE", call], 1)]
        return Message(
            kind: .fullQSO, preferred: Variant(words: WeightedChoice(forms).draw(using: &rng)),
            alternatives: [Variant(words: [call])])
    }

    /// The run station sends its exchange to a caller (`DL1XYZ 5NN 5`, `DL1XYZ DE K1ABC 5NN 5 K`).
    func runExchange(to caller: ContestOperator, using rng: inout some RandomNumberGenerator) -> Message {
        exchange(from: run, to: caller.station.call, using: &rng)
    }

    /// `sender` sends its exchange to the station `to`, in a run station's wordings.
    func exchange(from sender: ContestOperator, to: String, using rng: inout some RandomNumberGenerator) -> Message {
        let exchange = sender.exchange()
        let record = [exchange.record]
        let words = exchange.words
        let formal = [to, "DE", sender.station.call] + words + [phrasing.overEnd(probability: 0.4, using: &rng)]
        var forms: [([String], Double)] = [([to] + words, 6), (formal, 1), (words, 1)]
        if let last = words.last, words.count > 1 { forms.append(([to] + words + [last], 1)) }
        if let bk = phrasing.prosign("BK", probability: 0.05, using: &rng) {
            forms.append(([bk, to] + words + [bk], 1))
        }
        let preferred = WeightedChoice(forms).draw(using: &rng)
        return Message(
            kind: .exchangeOnly, preferred: Variant(words: preferred, exchanges: record),
            alternatives: [Variant(words: [to] + words, exchanges: record), Variant(words: words, exchanges: record)])
    }

    /// A station acknowledges and sends its exchange (`TU 5NN 14`, `R 5NN 14 TU`, `TNX 5NN 14`).
    func acknowledgement(from sender: ContestOperator, using rng: inout some RandomNumberGenerator) -> Message {
        let exchange = sender.exchange()
        let record = [exchange.record]
        let words = exchange.words
        var forms: [([String], Double)] = [
            (["TU"] + words, 3), (["R"] + words + ["TU"], 2), (words, 2), (["R"] + words, 1),
            (["TU"] + words + [sender.station.call], 1),
        ]
        if phrasing.abbreviates(using: &rng) {
            forms = [(["TNX"] + words, 2), (["R", "TNX"] + words, 1), (["FB"] + words, 1)]
        }
        let preferred = WeightedChoice(forms).draw(using: &rng)
        return Message(
            kind: .exchangeOnly, preferred: Variant(words: preferred, exchanges: record),
            alternatives: [Variant(words: words, exchanges: record)])
    }

    /// The run station ends the QSO (`TU K1ABC TEST`, `TU QRZ? K1ABC`, `73 GL K1ABC TEST`).
    func completion(using rng: inout some RandomNumberGenerator) -> Message {
        let me = run.station.call
        let test = cqWord(using: &rng)
        var forms: [([String], Double)] = [
            (["TU", me, test], 3), (["TU", "QRZ?", me], 1), (["TU", me], 3), (["TU"], 2),
            (["QRZ?", me], 1), (["TU", test], 1),
        ]
        if phrasing.abbreviates(using: &rng) {
            forms = [(["73", "GL", me, test], 2), (["TNX", me], 1), (["TU", "73", me], 2), (["GL", "TU", me], 1)]
        }
        var preferred = WeightedChoice(forms).draw(using: &rng)
        if let sk = phrasing.prosign("SK", probability: 0.08, using: &rng) { preferred.append(sk) }
        return Message(
            kind: .fullQSO, preferred: Variant(words: preferred),
            alternatives: [Variant(words: ["TU", me]), Variant(words: ["TU"])])
    }

    /// A partly copied call with a question mark (`W1A?`): a leading part of the call.
    func partial(of call: String, using rng: inout some RandomNumberGenerator) -> String {
        let home = call.split(separator: "/").max { $0.count < $1.count } ?? Substring(call)
        let characters = Array(home)
        let length = Draw.int(min(2, characters.count - 1)...max(1, characters.count - 1), using: &rng)
        return String(characters.prefix(length))
    }

    // MARK: Segments (messages that belong together)

    /// One QSO: CQ (optional), answer, the run's exchange, the caller's acknowledgement, completion.
    mutating func qso(withCQ: Bool, using rng: inout some RandomNumberGenerator) -> [Message] {
        let caller = newCaller(using: &rng)
        var messages: [Message] = []
        if withCQ { messages.append(cq(using: &rng)) }
        messages.append(answer(from: caller, using: &rng))
        messages.append(runExchange(to: caller, using: &rng))
        messages.append(acknowledgement(from: caller, using: &rng))
        messages.append(completion(using: &rng))
        run.advance()
        return messages
    }

    /// One exchange: the run station's to a new caller, or (`searchAndPounce`) the main station's
    /// acknowledgement to a run station it answered.
    mutating func exchangeSegment(searchAndPounce: Bool, using rng: inout some RandomNumberGenerator) -> [Message] {
        let other = newCaller(using: &rng)
        let message = searchAndPounce ? acknowledgement(from: run, using: &rng) : runExchange(to: other, using: &rng)
        run.advance()
        return [message]
    }

    /// A partial copy: the run station asks `W1A?`, the caller repeats its call, the run sends the exchange.
    mutating func partialSegment(using rng: inout some RandomNumberGenerator) -> [Message] {
        let caller = newCaller(using: &rng)
        let call = caller.station.call
        let part = partial(of: call, using: &rng) + "?"
        let extra = ["partial": String(part.dropLast())]
        let exchange = run.exchange()
        let forms: [(Variant, Double)] = [
            (Variant(words: [part], fields: extra), 3),
            (Variant(words: [part] + exchange.words, exchanges: [exchange.record], fields: extra), 2),
            (Variant(words: [part, "AGN"], fields: extra), 1), (Variant(words: [part, part], fields: extra), 1),
        ]
        let query = Message(
            kind: .partialCopy, preferred: WeightedChoice(forms).draw(using: &rng),
            alternatives: [Variant(words: [part], fields: extra)])
        let repeatForms: [([String], Double)] = [([call, call], 3), (["DE", call, call], 1), ([call], 2)]
        let reply = Message(
            kind: .partialCopy, preferred: Variant(words: WeightedChoice(repeatForms).draw(using: &rng)),
            alternatives: [Variant(words: [call])])
        let messages = [query, reply, runExchange(to: caller, using: &rng)]
        run.advance()
        return messages
    }

    /// A repeat request and its answer: `NR? NR?` → `123 123`, `QRZ? DE K1ABC` → `DL1XYZ DL1XYZ`,
    /// `DL1XYZ AGN` → the exchange again, `ZN?` → `14 14`.
    mutating func repeatSegment(using rng: inout some RandomNumberGenerator) -> [Message] {
        let caller = newCaller(using: &rng)
        let me = run.station.call
        let call = caller.station.call
        var messages: [Message]
        switch Draw.int(0...9, using: &rng) {
        case 0...4:
            // The caller asks for part of the run's exchange again.
            let exchange = run.exchange()
            let askable = exchange.elements.filter { $0.key != "rst" }
            let element = (askable.isEmpty ? exchange.elements : askable).pick(using: &rng)
            let question = ContestExchange.request(for: element.key, using: &rng)
            var forms: [([String], Double)] = [
                ([question], 3), ([question, question], 2), (["AGN?"], 1), (["AGN"], 1),
            ]
            if phrasing.abbreviates(using: &rng) {
                forms += [(["PSE", "AGN"], 2), (["PSE", question], 2), (["PSE", "RPT"], 1)]
            }
            var words = WeightedChoice(forms).draw(using: &rng)
            if let bk = phrasing.prosign("BK", probability: 0.1, using: &rng) { words = [bk] + words + [bk] }
            let request = Message(
                kind: .repeatRequest, preferred: Variant(words: words), alternatives: [Variant(words: [question])])
            // The answer repeats the element asked for, or the whole exchange after AGN.
            let reply =
                words.contains(question)
                ? Variant(words: [element.keyed, element.keyed], fields: [element.key: element.value])
                : Variant(
                    words: exchange.words + [exchange.words[exchange.words.count - 1]], exchanges: [exchange.record])
            messages = [
                request,
                Message(
                    kind: .repeatRequest, preferred: reply,
                    alternatives: [Variant(words: exchange.words, exchanges: [exchange.record])]),
            ]
        case 5...6:
            // The run station did not catch who called.
            let forms: [([String], Double)] = [(["QRZ?", "DE", me], 2), (["QRZ?"], 2), (["CL?"], 1), (["?"], 1)]
            let request = Message(
                kind: .repeatRequest, preferred: Variant(words: WeightedChoice(forms).draw(using: &rng)),
                alternatives: [Variant(words: ["QRZ?"]), Variant(words: ["?"])])
            messages = [request, Message(kind: .repeatRequest, words: [call, call])]
        default:
            // The run station asks a known caller for its exchange again.
            let forms: [([String], Double)] = [([call, "AGN"], 3), (["AGN"], 1), (["NR?", "NR?"], 1), (["AGN?"], 1)]
            var words = WeightedChoice(forms).draw(using: &rng)
            if phrasing.abbreviates(using: &rng) { words = ["PSE"] + words }
            let request = Message(
                kind: .repeatRequest, preferred: Variant(words: words), alternatives: [Variant(words: ["AGN"])])
            messages = [request, acknowledgement(from: caller, using: &rng)]
        }
        run.advance()
        return messages
    }

    /// A run station asks the pileup to wait (`<AS>`), when AS is allowed.
    func wait(using rng: inout some RandomNumberGenerator) -> Message? {
        guard let wait = phrasing.prosign("AS", probability: 1, using: &rng) else { return nil }
        return Message(kind: .multiTransmission, words: Draw.chance(0.5, using: &rng) ? [wait] : [wait, wait])
    }
}
