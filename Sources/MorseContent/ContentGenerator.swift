/// Writes the text of clips — callsigns, contest exchanges, QSOs, practice text — from the
/// caller's seeded generator and a `ContentConfiguration`, with metadata that says what each is.
///
/// Only the generator passed in is used for randomness, so the same generator state and
/// configuration give the same `ClipContent`.
public struct ContentGenerator: Sendable {
    /// The validated configuration in use.
    public let configuration: ContentConfiguration
    let calls: CallsignGenerator
    let phrasing: Phrasing

    /// Creates a generator for a configuration.
    /// - Throws: `ContentError` when the configuration is not valid (see `ContentConfiguration.validated()`).
    public init(_ configuration: ContentConfiguration) throws(ContentError) {
        let checked = try configuration.validated()
        self.configuration = checked
        calls = CallsignGenerator(
            countryWeights: checked.countryWeights, portableRate: checked.portableRate,
            specialRate: checked.specialRate)
        phrasing = Phrasing(abbreviationRate: checked.abbreviationRate, prosigns: Set(checked.prosigns))
    }

    /// A callsign of a country drawn by `composition_weights.countries`, special at
    /// `include_special` and portable at `include_portable`; the country is where it operates.
    public func callsign(using rng: inout some RandomNumberGenerator) -> (call: String, country: Country) {
        ForwardingGenerator.forward(&rng) { rng in
            let station = calls.station(using: &rng)
            return (station.call, station.country)
        }
    }

    /// Short text for an interfering station on the band: a CQ, an exchange or a call.
    public func interfererText(using rng: inout some RandomNumberGenerator) -> String {
        ForwardingGenerator.forward(&rng) { interfererText(drawingFrom: &$0) }
    }

    private func interfererText(drawingFrom rng: inout ForwardingGenerator) -> String {
        var script = ContestScript(
            contest: configuration.contestTypes.pick(using: &rng), phrasing: phrasing, calls: calls,
            cutNumberRate: configuration.cutNumberRate, using: &rng)
        let caller = script.newCaller(using: &rng)
        let message: Message =
            switch Draw.int(0...3, using: &rng) {
            case 0: script.cq(using: &rng)
            case 1: script.runExchange(to: caller, using: &rng)
            case 2: script.acknowledgement(from: caller, using: &rng)
            default: script.answer(from: caller, using: &rng)
            }
        return message.variants[0].words.joined(separator: " ")
    }

    /// The sample type for a clip with `budget` seconds of keyed Morse (see `CONTENT.md`):
    /// under 10 s one transmission, drawn by weight among the types that have one; from 10 s all
    /// types by weight; from 20 s contest traffic becomes a full QSO with `qso_probability`, else
    /// several transmissions.
    public func sampleType(forBudget budget: Double, using rng: inout some RandomNumberGenerator) -> SampleType {
        ForwardingGenerator.forward(&rng) { sampleType(forBudget: budget, drawingFrom: &$0) }
    }

    private func sampleType(forBudget budget: Double, drawingFrom rng: inout ForwardingGenerator) -> SampleType {
        let weights = configuration.sampleTypeWeights
        let all = WeightedChoice(SampleType.allCases.map { ($0, weights[$0] ?? 0) })
        let single = WeightedChoice(SampleType.allCases.filter(\.fitsOneTransmission).map { ($0, weights[$0] ?? 0) })
        var type = budget < 10 && !single.isEmpty ? single.draw(using: &rng) : all.draw(using: &rng)
        if budget >= 20, type.isContestTraffic, type != .pileup {
            type = Draw.chance(configuration.qsoProbability, using: &rng) ? .fullQSO : .multiTransmission
        }
        return type
    }

    /// Text for one clip whose keyed length fits `maxKeyedDuration` seconds.
    ///
    /// Every candidate is measured with `keyedDuration`, the exact keyed length of a text in
    /// seconds; the result never exceeds the budget. Longer budgets get more messages (more CQs,
    /// exchanges, QSOs, overs), never padding; shortening drops whole transmissions, then chooses
    /// shorter wordings (whole words), never characters. When nothing of the drawn type fits, the
    /// clip falls back to the longest of a callsign alone, a partial call, `QRZ?`, `AGN?` or `?`
    /// that fits; the text is empty only when even `?` does not fit.
    /// - Parameters:
    ///   - maxKeyedDuration: seconds of keyed Morse available (silence before and after excluded).
    ///   - rng: the clip's seeded generator.
    ///   - keyedDuration: the exact keyed length in seconds of a candidate text.
    public func clip(
        maxKeyedDuration: Double, using rng: inout some RandomNumberGenerator, keyedDuration: (String) -> Double
    ) -> ClipContent {
        ForwardingGenerator.forward(&rng) { clip(maxKeyedDuration: maxKeyedDuration, drawingFrom: &$0, keyedDuration) }
    }

    private func clip(
        maxKeyedDuration: Double, drawingFrom rng: inout ForwardingGenerator, _ keyedDuration: (String) -> Double
    ) -> ClipContent {
        let type = sampleType(forBudget: maxKeyedDuration, drawingFrom: &rng)
        var fit = DurationFit(budget: maxKeyedDuration)
        switch type {
        case .ragchew:
            let a = Ragchew.Ham(station: calls.station(using: &rng), using: &rng)
            let b = Ragchew.Ham(station: calls.station(using: &rng) { $0.call != a.station.call }, using: &rng)
            let ragchew = Ragchew(
                phrasing: phrasing, cutNumberRate: configuration.cutNumberRate, caller: a, answerer: b)
            let fields = ragchew.fit(ragchew.overs(using: &rng), into: &fit, measure: keyedDuration)
            if !fit.isEmpty {
                // The main station is the one whose details `fields` holds: the answerer, whose over
                // comes first after the CQ; the CQing station when only its CQ fits.
                let main = fit.words.first == "CQ" && fields.isEmpty ? a.station : b.station
                return content(
                    fit, type: .ragchew, contest: nil, country: main.country, stations: [a.station, b.station],
                    fields: fields)
            }
        case .practiceGroups:
            PracticeText.fitGroups(into: &fit, using: &rng, measure: keyedDuration)
            if !fit.isEmpty { return content(fit, type: type, contest: nil, country: nil, stations: [], fields: [:]) }
        case .plainText:
            PracticeText.fitLines(configuration.plainTextLines, into: &fit, using: &rng, measure: keyedDuration)
            if !fit.isEmpty { return content(fit, type: type, contest: nil, country: nil, stations: [], fields: [:]) }
        default:
            break
        }
        return contestClip(type, fit: DurationFit(budget: maxKeyedDuration), using: &rng, measure: keyedDuration)
    }

    /// Contest traffic of `type` (or of a shorter type when it does not fit).
    private func contestClip(
        _ requested: SampleType, fit start: DurationFit, using rng: inout some RandomNumberGenerator,
        measure: (String) -> Double
    ) -> ClipContent {
        var fit = start
        let contest = configuration.contestTypes.pick(using: &rng)
        var script = ContestScript(
            contest: contest, phrasing: phrasing, calls: calls,
            cutNumberRate: configuration.cutNumberRate, using: &rng)
        let first = requested.isContestTraffic ? requested : singleTransmissionType(using: &rng)
        var type = fill(first, &fit, script: &script, using: &rng, measure: measure)
        if type == .multiTransmission, fit.kinds.count == 1 {
            // One transmission is not "several": keep it under its own type, or if it is only part of a
            // QSO (a lone answer or completion), use a one-transmission type instead.
            type = fit.kinds[0]
            if type == .fullQSO || type == .multiTransmission {
                fit = start
                type = fill(singleTransmissionType(using: &rng), &fit, script: &script, using: &rng, measure: measure)
            }
        }
        // Nothing of that type fits: the one-transmission types with the shortest forms, then the
        // shortest messages of all.
        for shorter in [SampleType.cqCall, .partialCopy, .repeatRequest] where fit.isEmpty {
            type = fill(shorter, &fit, script: &script, using: &rng, measure: measure)
        }
        if fit.isEmpty {
            type = fallback(&fit, script: &script, using: &rng, measure: measure)
        }
        var callers: [String] = []
        if type == .pileup {
            // 2–6 callers, each sending its call once or (less often) twice.
            for _ in 0..<Draw.int(2...6, using: &rng) {
                let call = script.newCaller(using: &rng).station.call
                callers.append(Draw.chance(0.3, using: &rng) ? call + " " + call : call)
            }
        }
        let main = script.run.station.call
        var fields = (fit.exchanges.first { $0.sender == main } ?? fit.exchanges.first)?.fields ?? [:]
        fields.merge(fit.extraFields) { old, _ in old }
        var made = content(
            fit, type: type, contest: contest, country: script.run.station.country,
            stations: script.stations, fields: fields)
        made.callers = callers
        return made
    }

    /// A one-transmission contest type drawn by the sample-type weights (exchange only if all are 0).
    private func singleTransmissionType(using rng: inout some RandomNumberGenerator) -> SampleType {
        let single: [SampleType] = [.cqCall, .exchangeOnly, .partialCopy, .repeatRequest]
        let weights = configuration.sampleTypeWeights
        let table = WeightedChoice(single.map { ($0, weights[$0] ?? 0) })
        return table.isEmpty ? .exchangeOnly : table.draw(using: &rng)
    }

    /// Fills `fit` with contest traffic of `type`; returns the type the clip turned out to be.
    private func fill(
        _ type: SampleType, _ fit: inout DurationFit, script: inout ContestScript,
        using rng: inout some RandomNumberGenerator,
        measure: (String) -> Double
    ) -> SampleType {
        switch type {
        case .cqCall:
            let cq = script.cq(using: &rng)
            while fit.append(cq, measure: measure) {}
        case .pileup:
            // One CQ: the callers answer it (if it does not fit, a shorter type is tried).
            fit.append(script.cq(using: &rng), measure: measure)
        case .exchangeOnly:
            let searchAndPounce = Draw.chance(0.4, using: &rng)
            while fit.appendLeading(
                script.exchangeSegment(searchAndPounce: searchAndPounce, using: &rng), measure: measure) == 1
            {}
        case .partialCopy, .repeatRequest:
            // Whole exchanges of question and answer while they fit, then the question alone.
            var misses = 0
            while misses < 2, !fit.isFull {
                let segment =
                    type == .partialCopy ? script.partialSegment(using: &rng) : script.repeatSegment(using: &rng)
                if fit.appendWhole(segment, measure: measure) { continue }
                misses += 1
                if fit.isEmpty { fit.appendLeading(segment, measure: measure) }
            }
        case .fullQSO:
            let first = script.qso(withCQ: Draw.chance(0.7, using: &rng), using: &rng)
            guard fit.appendWhole(first, measure: measure) else {
                // A QSO does not fit: as much of it as fits, then more of the run (a partial QSO).
                fit.appendLeading(first, measure: measure)
                fillRun(&fit, script: &script, using: &rng, measure: measure)
                return .multiTransmission
            }
            while fit.appendWhole(script.qso(withCQ: false, using: &rng), measure: measure) {}
            fit.append(script.cq(using: &rng), measure: measure)
        default:
            fillRun(&fit, script: &script, using: &rng, measure: measure)
            return .multiTransmission
        }
        return type
    }

    /// Several transmissions from a run, each segment drawn by the contest sample-type weights.
    private func fillRun(
        _ fit: inout DurationFit, script: inout ContestScript, using rng: inout some RandomNumberGenerator,
        measure: (String) -> Double
    ) {
        let weights = configuration.sampleTypeWeights
        let kinds: [SampleType] = [.cqCall, .exchangeOnly, .partialCopy, .repeatRequest, .fullQSO]
        var table = WeightedChoice(kinds.map { ($0, weights[$0] ?? 0) })
        if table.isEmpty { table = WeightedChoice(kinds.map { ($0, 1.0) }) }
        var misses = 0
        while misses < 2, !fit.isFull {
            var segment: [Message]
            if Draw.chance(0.08, using: &rng), let wait = script.wait(using: &rng) {
                segment = [wait]
            } else {
                switch table.draw(using: &rng) {
                case .cqCall: segment = [script.cq(using: &rng)]
                case .exchangeOnly: segment = script.exchangeSegment(searchAndPounce: false, using: &rng)
                case .partialCopy: segment = script.partialSegment(using: &rng)
                case .repeatRequest: segment = script.repeatSegment(using: &rng)
                default: segment = script.qso(withCQ: fit.isEmpty, using: &rng)
                }
            }
            if fit.appendLeading(segment, measure: measure) < segment.count { misses += 1 }
        }
    }

    /// The longest short message that fits: a callsign alone, a partial call, `QRZ?`, `AGN?` or `?`.
    private func fallback(
        _ fit: inout DurationFit, script: inout ContestScript, using rng: inout some RandomNumberGenerator,
        measure: (String) -> Double
    ) -> SampleType {
        let me = script.run.station.call
        let candidates: [(SampleType, [String])] = [
            (.cqCall, [me]), (.repeatRequest, ["QRZ?"]), (.partialCopy, [script.partial(of: me, using: &rng) + "?"]),
            (.repeatRequest, ["AGN?"]), (.repeatRequest, ["?"]),
        ]
        var best: (type: SampleType, words: [String], seconds: Double)?
        for (type, words) in candidates {
            if let seconds = fit.durationIfFits(words, measure: measure), seconds > (best?.seconds ?? -1) {
                best = (type, words, seconds)
            }
        }
        guard let best else { return .repeatRequest }
        fit.appendChecked(best.words, seconds: best.seconds, kind: best.type)
        if best.type == .partialCopy { fit.addFields(["partial": String(best.words[0].dropLast())]) }
        return best.type
    }

    private func content(
        _ fit: DurationFit, type: SampleType, contest: ContestType?, country: Country?, stations: [Station],
        fields: [String: String]
    ) -> ClipContent {
        var callsigns: [String] = []
        let known = Set(stations.map(\.call))
        for word in fit.words where known.contains(word) && !callsigns.contains(word) { callsigns.append(word) }
        return ClipContent(
            text: fit.text, contestType: contest, sampleType: type, country: country,
            callsigns: callsigns, fields: fields, exchanges: fit.exchanges)
    }
}
