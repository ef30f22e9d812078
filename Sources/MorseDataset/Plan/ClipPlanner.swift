import MorseChannel
import MorseCode
import MorseContent
import MorseDatasetFormat
import MorseSignal

/// Decides each clip from (config, seed, id), drawing every random choice from generators derived
/// from those three values alone, one per purpose, so that no choice depends on another clip, on
/// the worker that plans it or on how many clips the dataset has.
public struct ClipPlanner: Sendable {
    public let settings: RunSettings
    let content: ContentGenerator
    let limits: ChannelLimits
    let conditions: [ConditionPreset]
    let fistKinds: [FistKind]
    let fistWeights: [Double]
    let envelopes: [EnvelopeShape]
    /// The persistent operators (nil when `operators.pool_size` is 0).
    let operators: OperatorPool?
    /// With `split_by: operator`: the split of every operator (empty otherwise).
    let operatorSplits: [DatasetSplit]

    /// Independent random streams of one clip.
    enum Purpose: UInt64 {
        case stratum = 1, plan, keying, channel, interferers, render, callers, operatorChoice
    }

    public init(settings: RunSettings) throws(DatasetError) {
        self.settings = settings
        let config = settings.config
        let contentConfiguration = try config.contentConfiguration()
        do {
            content = try ContentGenerator(contentConfiguration)
        } catch {
            throw .invalidOption("config: \(error.description)")
        }
        limits = config.channelLimits
        conditions = config.conditions
        fistKinds = FistKind.allCases.filter { (config.fists[$0] ?? 0) > 0 }
        fistWeights = fistKinds.map { config.fists[$0] ?? 0 }
        envelopes = config.keying.envelopes
        let pool =
            config.operators.poolSize > 0 ? OperatorPool(size: config.operators.poolSize, seed: settings.seed) : nil
        operators = pool
        let ratios = config.splitRatios
        operatorSplits =
            config.splitBy == .operator
            ? pool?.splits(ratios: [ratios.train, ratios.validation, ratios.test]) ?? [] : []
        guard !conditions.isEmpty, !fistKinds.isEmpty, !envelopes.isEmpty else {
            throw .invalidOption("config: conditions, fists and keying.envelopes each need at least one entry")
        }
    }

    func generator(_ id: Int, _ purpose: Purpose) -> SeededGenerator {
        SeededGenerator(seed: settings.seed, stream: UInt64(id), purpose: purpose.rawValue)
    }

    /// Whether clip `id` is noise-only: exactly ⌊N × ratio⌋ of the first N clips are, evenly spread.
    public func isNoiseOnly(_ id: Int) -> Bool {
        let ratio = settings.noiseRatio
        return (Double(id + 1) * ratio).rounded(.down) > (Double(id) * ratio).rounded(.down)
    }

    /// The condition preset of clip `id` (cheap: used to stratify the splits).
    public func condition(_ id: Int) -> ConditionPreset {
        var rng = generator(id, .stratum)
        return conditions[Int.random(in: 0..<conditions.count, using: &rng)]
    }

    /// The stratum of clip `id` for split assignment: noise-only, or its condition.
    public func stratum(_ id: Int) -> Int {
        isNoiseOnly(id) ? conditions.count : conditions.firstIndex(of: condition(id)) ?? 0
    }

    /// The operator who keys clip `id` (nil for noise-only clips and when operators are off; cheap).
    public func operatorID(_ id: Int) -> Int? {
        guard let operators, !isNoiseOnly(id) else { return nil }
        var rng = generator(id, .operatorChoice)
        return operators.operatorID(using: &rng)
    }

    /// With `split_by: operator`, the split of clip `id`'s operator (nil: the clip has none, or
    /// splits are by clip). The operators are divided once, by `split_ratios` with exact quotas
    /// over the pool, so a clip's split then depends on neither the dataset size nor other clips.
    public func operatorSplit(_ id: Int) -> DatasetSplit? {
        guard !operatorSplits.isEmpty, let op = operatorID(id), op < operatorSplits.count else { return nil }
        return operatorSplits[op]
    }

    /// The split of every clip in the dataset, stratified by ``stratum(_:)``; with
    /// `split_by: operator`, every clip with an operator goes where its operator was assigned
    /// (``operatorSplit(_:)``), and noise-only clips keep their stratified split.
    public func splits() -> [DatasetSplit] {
        let ratios = settings.config.splitRatios
        let fractions = [ratios.train, ratios.validation, ratios.test]
        var splits = SplitAssigner.assign(count: settings.numSamples, ratios: fractions, stratum: stratum)
        if !operatorSplits.isEmpty {
            for id in splits.indices {
                if let split = operatorSplit(id) { splits[id] = split }
            }
        }
        return splits
    }

    /// The split of every clip, computed lazily: what ``splits()`` gives, in constant memory.
    public func splitTable() -> SplitTable {
        let ratios = settings.config.splitRatios
        let planner = self
        return SplitTable(
            count: settings.numSamples, ratios: [ratios.train, ratios.validation, ratios.test],
            stratum: { planner.stratum($0) }, override: { planner.operatorSplit($0) })
    }

    /// Plans clip `id`.
    public func plan(_ id: Int) throws -> ClipPlan {
        let config = settings.config
        let sampleRate = Double(settings.sampleRate)
        let noiseOnly = isNoiseOnly(id)
        let condition = condition(id)
        var rng = generator(id, .plan)

        let target = targetDuration(using: &rng)
        var lead = Double.random(in: config.silenceRange, using: &rng)
        var trail = Double.random(in: config.silenceRange, using: &rng)
        if lead + trail > target / 2 {  // short clips: Morse gets at least half
            let scale = target / 2 / (lead + trail)
            lead *= scale
            trail *= scale
        }

        var timing = drawTiming(using: &rng)
        var fist = Fist(
            kind: fistKinds[weightedIndex(fistWeights, using: &rng)],
            sloppiness: min(1, Double.random(in: config.timing.variationPercent, using: &rng) / 10))
        var tone = ToneParameters(
            frequency: roundTo(Double.random(in: config.audio.toneFrequencyRange, using: &rng), 0.1),
            amplitude: 0.5,
            riseTime: Double.random(in: config.keying.riseTimeMs, using: &rng) / 1000,
            shape: envelopes[Int.random(in: 0..<envelopes.count, using: &rng)])
        if Double.random(in: 0..<1, using: &rng) < config.keying.chirpProbability {
            tone.chirpOffset = roundTo(Double.random(in: config.keying.chirpHz, using: &rng), 0.1)
            tone.chirpTimeConstant = roundTo(Double.random(in: 0.004...0.015, using: &rng), 0.0001)
        }

        // A persistent operator replaces the clip's own fist, speed and pitch with its habits
        // (the clip's draws above are still made, so every other draw stays where it was).
        let clipOperator = operatorID(id)
        if let operators, let clipOperator {
            let identity = operators.identity(clipOperator, planner: self)
            var habits = generator(id, .operatorChoice)
            _ = operators.operatorID(using: &habits)
            fist = identity.fist
            let wpm = identity.wpm(in: config.wpmRange, using: &habits)
            let ratio = timing.effectiveWPM.map { $0 / timing.wpm }
            let effective = ratio.map { min(wpm, max(MorseTiming.speedRange.lowerBound, roundTo(wpm * $0, 0.1))) }
            timing = MorseTiming(wpm: wpm, effectiveWPM: effective, dashRatio: timing.dashRatio)
            tone.frequency = identity.tone(in: config.audio.toneFrequencyRange, using: &habits)
        }

        var clipContent: ClipContent?
        var timeline = KeyedTimeline(marks: [], characters: [], words: [])
        var clipSeconds = target
        var callers: [PlannedStation] = []
        if !noiseOnly {
            let keyer = Keyer(timing: timing, fist: fist)
            let keying = generator(id, .keying)
            // Each candidate keyed with a fresh copy of the keying generator (the clip keys its text
            // with one too); the meter re-keys only the words a candidate adds to an earlier one.
            var meter = KeyedLengthMeter(keyer: keyer, generator: keying)
            let keyedDuration = { (text: String) -> Double in meter.duration(of: text) ?? .infinity }
            var budget = target - lead - trail
            var drawn = content.clip(maxKeyedDuration: budget, using: &rng, keyedDuration: keyedDuration)
            if drawn.text.isEmpty {
                // A short target at a slow speed (10 WPM, Farnsworth) may not hold even the
                // shortest text beside the drawn silence: give the Morse all but 0.1 s each side.
                lead = min(lead, 0.1)
                trail = min(trail, 0.1)
                budget = target - lead - trail
                drawn = content.clip(maxKeyedDuration: budget, using: &rng, keyedDuration: keyedDuration)
            }
            guard !drawn.text.isEmpty else { throw ClipPlanError.nothingFits(budget: budget, wpm: timing.wpm) }
            let parsed: MorseText
            do { parsed = try MorseText(drawn.text) } catch {
                throw ClipPlanError.unkeyable(drawn.text, reason: error.description)
            }
            var copy = keying
            timeline = keyer.key(parsed, using: &copy).shifted(by: lead)
            clipContent = drawn
            clipSeconds = lead + timeline.duration + trail
            if !drawn.callers.isEmpty {
                var callerRNG = generator(id, .callers)
                callers = pileupCallers(
                    drawn.callers, after: timeline.duration, tone: tone.frequency, using: &callerRNG)
                let lastEnd = callers.compactMap { $0.signal.timeline.marks.last?.end }.max() ?? 0
                clipSeconds = max(clipSeconds, lastEnd + trail)
            }
        }
        let sampleCount = min(
            Int((clipSeconds * sampleRate).rounded()), Int((settings.maxDuration * sampleRate).rounded(.down)))

        var channelRNG = generator(id, .channel)
        var channel = condition.draw(
            limits: limits, noiseOnly: noiseOnly, clipDuration: Double(sampleCount) / sampleRate, using: &channelRNG)
        if !noiseOnly { channel.tone = tone.frequency }  // the receiver is tuned to the wanted station
        tone.driftRate = channel.driftRate
        var interfererRNG = generator(id, .interferers)
        let others = channel.interferers.compactMap { parameters -> PlannedStation? in
            let text = content.interfererText(using: &interfererRNG)
            guard let parsed = try? MorseText(text) else { return nil }
            let keyer = parameters.keyer
            return PlannedStation(
                role: .qrm, timing: keyer.timing, fist: keyer.fist,
                signal: parameters.station(text: parsed, wantedTone: tone.frequency, using: &interfererRNG))
        }
        return ClipPlan(
            id: id, isNoiseOnly: noiseOnly, condition: condition, sampleCount: sampleCount,
            sampleRate: settings.sampleRate,
            leadingSilence: lead, content: clipContent, timing: timing, fist: fist, tone: tone, timeline: timeline,
            channel: channel, others: others + callers, operatorID: clipOperator)
    }

    /// The callers of a pileup, keyed: each answers the CQ that ends at `cqEnd` (clip seconds) with
    /// its own speed, fist, pitch within ±300 Hz of the wanted tone and level, the first 0.2–0.8 s
    /// after the CQ and each later one 0.1–0.9 s after the one before, so their calls overlap as
    /// in a real pileup.
    func pileupCallers(
        _ texts: [String], after cqEnd: Double, tone: Double, using rng: inout SeededGenerator
    ) -> [PlannedStation] {
        let config = settings.config
        let highest = Double(settings.sampleRate) / 2 - 300
        var start = cqEnd + Double.random(in: 0.2...0.8, using: &rng)
        var callers: [PlannedStation] = []
        for text in texts {
            let wpm = roundTo(Double.random(in: config.wpmRange, using: &rng), 0.1)
            let fist = Fist(
                kind: fistKinds[weightedIndex(fistWeights, using: &rng)],
                sloppiness: min(1, Double.random(in: config.timing.variationPercent, using: &rng) / 10))
            let pitch = min(max(tone + Double.random(in: -300...300, using: &rng), 150), max(150, highest))
            let level = roundTo(Double.random(in: -15...3, using: &rng), 0.01)
            let parameters = InterfererParameters(
                toneOffset: pitch - tone, level: level, wpm: wpm, fist: fist.kind, sloppiness: fist.sloppiness,
                startTime: start, riseTime: Double.random(in: 0.003...0.008, using: &rng))
            guard let parsed = try? MorseText(text) else { continue }
            let signal = parameters.station(text: parsed, wantedTone: tone, using: &rng)
            let call = String(text.prefix { $0 != " " })
            callers.append(
                PlannedStation(
                    role: .caller, callsign: call, timing: parameters.keyer.timing, fist: fist, signal: signal))
            start += Double.random(in: 0.1...0.9, using: &rng)
        }
        return callers
    }

    /// A target clip length: a duration band by weight (bands above the maximum left out, a band
    /// across it cut at it), then a uniform length within it.
    func targetDuration(using rng: inout SeededGenerator) -> Double {
        let maximum = settings.maxDuration
        let bands = settings.config.durationBands.filter { $0.weight > 0 && $0.range.lowerBound <= maximum }
        guard !bands.isEmpty else { return maximum }
        let band = bands[weightedIndex(bands.map(\.weight), using: &rng)]
        return Double.random(in: band.range.lowerBound...min(band.range.upperBound, maximum), using: &rng)
    }

    func drawTiming(using rng: inout SeededGenerator) -> MorseTiming {
        let config = settings.config
        let wpm = roundTo(Double.random(in: config.wpmRange, using: &rng), 0.1)
        var effective: Double?
        if Double.random(in: 0..<1, using: &rng) < config.farnsworth.probability {
            let value = roundTo(wpm * Double.random(in: config.farnsworth.effectiveRatio, using: &rng), 0.1)
            effective = min(wpm, max(MorseTiming.speedRange.lowerBound, value))
        }
        let ratio = roundTo(Double.random(in: config.timing.weightRatio, using: &rng), 0.01)
        return MorseTiming(wpm: wpm, effectiveWPM: effective, dashRatio: ratio)
    }
}

/// An index drawn with probability proportional to its weight.
func weightedIndex(_ weights: [Double], using rng: inout SeededGenerator) -> Int {
    let total = weights.reduce(0, +)
    guard total > 0 else { return 0 }
    var pick = Double.random(in: 0..<total, using: &rng)
    for (index, weight) in weights.enumerated() {
        if pick < weight { return index }
        pick -= weight
    }
    return weights.count - 1
}

func roundTo(_ value: Double, _ step: Double) -> Double {
    (value / step).rounded() * step
}
