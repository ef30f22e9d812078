/// A casual QSO: calls, RST, name, QTH, rig, weather and 73, with the common abbreviations
/// (`TNX FB OM UR ES HR WX`) at the configured rate and prosigns where operators put them
/// (`<BT>` between topics, `<KN>` at the end of an over, `<AR>` before the calls, `<SK>` at the end).
struct Ragchew {
    /// One operator's particulars, fixed for the QSO.
    struct Ham: Sendable {
        var station: Station
        var name: String
        var town: String
        var grid: String
        var rig: String
        var antenna: String
        var watts: Int
        var weather: String
        var temperature: String

        init(station: Station, using rng: inout some RandomNumberGenerator) {
            self.station = station
            name = Geography.names(of: station.country).pick(using: &rng)
            town = Geography.towns(of: station.country).pick(using: &rng)
            let digits = "\(Draw.int(0...9, using: &rng))\(Draw.int(0...9, using: &rng))"
            grid = Geography.gridFields(of: station.country).pick(using: &rng) + digits
            rig = ["IC7300", "IC7610", "IC705", "TS590", "TS890", "FT991", "FTDX10", "FT710", "K3", "K4", "KX3", "K2"]
                .pick(using: &rng)
            antenna = ["DIPOLE", "VERTICAL", "YAGI", "LOOP", "EFHW", "WINDOM", "BEAM", "GP"].pick(using: &rng)
            watts = [5, 10, 50, 100, 100, 100, 200, 500].pick(using: &rng)
            weather = ["SUNNY", "CLOUDY", "RAIN", "SNOW", "WINDY", "FOGGY", "CLEAR", "WARM", "COLD", "HOT"].pick(
                using: &rng)
            // Fahrenheit in the USA, Celsius elsewhere; never 73, which would read as best regards.
            temperature =
                station.country == .USA
                ? "\([20, 35, 48, 55, 61, 68, 72, 77, 84, 90].pick(using: &rng))F"
                : "\(Draw.int(0...35, using: &rng))C"
        }
    }

    /// A topic of an over, with what it means.
    struct Sentence: Sendable {
        var words: [String]
        var fields: [String: String] = [:]
    }

    /// One station's turn: `{to} DE {from}`, topics, then the closing calls and `<KN>`/`<SK>`.
    struct Over: Sendable {
        var header: [String]
        var sentences: [Sentence]
        var separator: String?
        var closer: [String]
        /// The closing words alone (`<KN>`, `K`, `<SK>`), for when the calls do not fit again.
        var shortCloser: [String] = []

        /// The over with the topics chosen, separated as operators separate them.
        func words(with chosen: [Sentence], short: Bool = false) -> [String] {
            var result = header
            for (index, sentence) in chosen.enumerated() {
                if index > 0, let separator { result.append(separator) }
                result += sentence.words
            }
            return result + (short ? shortCloser : closer)
        }
    }

    let phrasing: Phrasing
    let cutNumberRate: Double
    let caller: Ham
    let answerer: Ham

    /// The QSO's overs in order: an optional CQ, then alternate overs, the last two ending it.
    func overs(using rng: inout some RandomNumberGenerator) -> [Over] {
        var overs: [Over] = []
        let a = caller.station.call
        if Draw.chance(0.35, using: &rng) {
            let cq = [
                ["CQ", "CQ", "CQ", "DE", a, a, a, "K"], ["CQ", "CQ", "DE", a, a, "K"], ["CQ", "DE", a, a, "K"],
            ].pick(using: &rng)
            overs.append(Over(header: cq, sentences: [], separator: nil, closer: []))
        }
        overs.append(over(from: answerer, to: caller, first: true, last: false, using: &rng))
        if let bk = phrasing.prosign("BK", probability: 0.2, using: &rng) {
            overs.append(Over(header: [bk, "NAME?", bk], sentences: [], separator: nil, closer: []))
        }
        overs.append(over(from: caller, to: answerer, first: false, last: false, using: &rng))
        if let wait = phrasing.prosign("AS", probability: 0.15, using: &rng) {
            overs.append(Over(header: [wait], sentences: [], separator: nil, closer: []))
        }
        overs.append(over(from: answerer, to: caller, first: false, last: true, using: &rng))
        overs.append(over(from: caller, to: answerer, first: false, last: true, using: &rng))
        return overs
    }

    private func over(from me: Ham, to you: Ham, first: Bool, last: Bool, using rng: inout some RandomNumberGenerator)
        -> Over
    {
        let header = [you.station.call, "DE", me.station.call]
        var sentences: [Sentence] = []
        if last {
            sentences.append(
                Sentence(
                    words: phrasing.phrase("TNX FER QSO", plain: "THANKS FOR THE QSO", using: &rng)
                        + [you.name]))
            sentences.append(Sentence(words: phrasing.phrase("73 ES GL", using: &rng)))
            sentences.append(
                Sentence(words: phrasing.phrase("HPE CU AGN", plain: "HOPE TO SEE YOU AGAIN", using: &rng)))
            var closer: [String] = []
            if let sk = phrasing.prosign("SK", probability: 0.9, using: &rng) { closer.append(sk) }
            closer += [you.station.call, "DE", me.station.call]
            if Draw.chance(0.3, using: &rng) { closer += ["E", "E"] }
            return Over(
                header: header, sentences: sentences, separator: phrasing.prosign("BT", probability: 0.5, using: &rng),
                closer: closer, shortCloser: closer.first.map { $0.hasPrefix("<") ? [$0] : [] } ?? [])
        }
        let greeting =
            phrasing.phrase(["GM", "GA", "GE"].pick(using: &rng), using: &rng)
            + phrasing.phrase(["OM", "DR OM"].pick(using: &rng), using: &rng)
        if first {
            if Draw.chance(0.6, using: &rng) {
                sentences.append(
                    Sentence(
                        words: greeting + phrasing.phrase("TNX FER CALL", plain: "THANKS FOR THE CALL", using: &rng)))
            }
        } else {
            sentences.append(
                Sentence(
                    words: ["R", "R"] + phrasing.phrase("FB", using: &rng) + [you.name]
                        + phrasing.phrase("TNX FER RPT", plain: "THANKS FOR THE REPORT", using: &rng)))
        }
        let rst = [599, 599, 589, 579, 579, 569, 559, 549, 449, 339].pick(using: &rng)
        let keyedRST = CutNumbers.keyedReport(rst, cut: rst == 599 && Draw.chance(cutNumberRate, using: &rng))
        var report = phrasing.phrase("UR", using: &rng) + ["RST", keyedRST]
        if Draw.chance(0.6, using: &rng) { report.append(keyedRST) }
        sentences.append(Sentence(words: report, fields: ["rst": String(rst)]))
        sentences.append(
            Sentence(
                words: ["NAME"] + phrasing.phrase("HR", using: &rng) + [me.name, me.name], fields: ["name": me.name]))
        // In the USA and Canada the state or province alone half the time (towns are not tied to states).
        var qth = ["QTH", me.town]
        var qthFields = ["qth": me.town]
        if let region = me.station.region, Draw.chance(0.5, using: &rng) {
            qth = ["QTH", region]
            qthFields = ["qth": region, "state": region]
        }
        if Draw.chance(0.4, using: &rng) {
            qth += ["GRID", me.grid]
            qthFields["grid"] = me.grid
        }
        sentences.append(Sentence(words: qth, fields: qthFields))
        sentences.append(
            Sentence(
                words: ["RIG", me.rig] + phrasing.phrase("PWR", using: &rng) + ["\(me.watts)W"]
                    + phrasing.phrase("ES ANT", using: &rng) + [me.antenna],
                fields: ["rig": me.rig, "power": String(me.watts)]))
        sentences.append(
            Sentence(
                words: phrasing.phrase("WX", using: &rng) + phrasing.phrase("HR", using: &rng) + [me.weather]
                    + phrasing.phrase("ES", using: &rng) + [me.temperature], fields: ["wx": me.weather]))
        // Operators cover a few topics per over, in the usual order; clips are too short for all of them.
        // (RST, name, QTH, rig, weather follow the greeting; at least one topic stays.)
        let topicStart = sentences.count - 5
        let keep = [0.8, 0.8, 0.8, 0.4, 0.4].map { Draw.chance($0, using: &rng) }
        let topics = (0..<5).filter { keep[$0] }
        sentences = Array(sentences[..<topicStart]) + (topics.isEmpty ? [0] : topics).map { sentences[topicStart + $0] }
        var closer = phrasing.phrase("HW?", using: &rng)
        if let ar = phrasing.prosign("AR", probability: 0.5, using: &rng) { closer.append(ar) }
        let end = phrasing.overEnd(probability: 0.8, using: &rng)
        closer += [you.station.call, "DE", me.station.call, end]
        return Over(
            header: header, sentences: sentences, separator: phrasing.prosign("BT", probability: 0.8, using: &rng),
            closer: closer, shortCloser: [end])
    }

    /// Fits whole overs into `fit`, dropping topics that do not fit (an over keeps at least one),
    /// and returns the meaning of the first over's topics.
    func fit(_ overs: [Over], into fit: inout DurationFit, measure: (String) -> Double) -> [String: String] {
        var fields: [String: String] = [:]
        for over in overs {
            // The full closing calls if the over fits with them, else the closing prosign alone.
            var short = false
            var chosen: [Sentence] = []
            for closing in [false, true] where chosen.isEmpty {
                short = closing
                for sentence in over.sentences
                where fit.durationIfFits(over.words(with: chosen + [sentence], short: short), measure: measure) != nil {
                    chosen.append(sentence)
                }
            }
            if !over.sentences.isEmpty && chosen.isEmpty { break }
            let words = over.words(with: chosen, short: short)
            guard let seconds = fit.durationIfFits(words, measure: measure) else { break }
            fit.appendChecked(words, seconds: seconds, kind: .ragchew)
            if fields.isEmpty { for sentence in chosen { fields.merge(sentence.fields) { old, _ in old } } }
        }
        return fields
    }
}
