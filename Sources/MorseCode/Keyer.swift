import RealModule

/// Keys text with a timing and a fist, producing the ``KeyedTimeline`` that is the clip's ground truth.
///
/// A human class's length is `nominal × exp(s·ln median + habit + tempo + s·σ·z) + weight`, a
/// log-normal around the published median of its kind of key (``FistTiming``), where `s` is the
/// sloppiness, `habit` is drawn once per transmission, `tempo` drifts slowly (AR(1) in log space,
/// ρ = 0.99 per element), `z` is unit jitter correlated from element to element (AR(1), ρ = 0.5)
/// and `weight` lengthens every mark and shortens every gap by the same per-transmission amount.
/// Machine-timed classes get only the weight. A length that would read back as another element is
/// drawn again (at most 8 times, then clamped), so the log-normal is truncated to the band that
/// keeps the transcript exact at any sloppiness.
public struct Keyer: Sendable, Hashable {
    public var timing: MorseTiming
    public var fist: Fist

    public init(timing: MorseTiming, fist: Fist = .exact) {
        self.timing = timing
        self.fist = fist
    }

    static let tempoCorrelation = 0.99
    static let jitterCorrelation = 0.5
    /// Draws of a human length before it is clamped into its band.
    static let maximumDraws = 8

    /// Keys `text`; the first mark starts at time 0.
    public func key(_ text: MorseText, using rng: inout some RandomNumberGenerator) -> KeyedTimeline {
        key(text, table: fist.timing, using: &rng)
    }

    /// Keys `text` with the generator clips use. Concrete, so that callers in other modules run
    /// keying specialised for it here rather than through the generic entry point.
    public func key(_ text: MorseText, using rng: inout SeededGenerator) -> KeyedTimeline {
        key(text, table: fist.timing, using: &rng)
    }

    /// Keys `text` with `table` in place of the fist's published timing (tests vary one part of it).
    func key(_ text: MorseText, table: FistTiming, using rng: inout some RandomNumberGenerator) -> KeyedTimeline {
        var hand = Hand(fist: fist, table: table, timing: timing, rng: &rng)
        var timeline = TimelineRecorder(reserving: text)
        var time = 0.0
        Self.key(text.words, after: false, hand: &hand, time: &time, using: &rng, into: &timeline)
        return KeyedTimeline(marks: timeline.marks, characters: timeline.characters, words: timeline.words)
    }

    /// The exact keyed length in seconds of `text` with this timing and fist.
    public func duration(of text: MorseText, using rng: inout some RandomNumberGenerator) -> Double {
        var hand = Hand(fist: fist, table: fist.timing, timing: timing, rng: &rng)
        var length = LengthRecorder()
        var time = 0.0
        Self.key(text.words, after: false, hand: &hand, time: &time, using: &rng, into: &length)
        return length.end
    }

    /// Keys `words` from `time` on, advancing it: the one keying loop behind both the timeline and
    /// the length, so the two can never disagree. `after` says whether a word was keyed before
    /// (then a word gap comes first).
    @inline(__always)
    static func key(
        _ words: [[MorseSymbol]], after: Bool, hand: inout Hand, time: inout Double,
        using rng: inout some RandomNumberGenerator, into recorder: inout some KeyingRecorder
    ) {
        for (wordIndex, word) in words.enumerated() {
            if wordIndex > 0 || after { time += hand.length(.wordGap, rng: &rng) }
            let wordStart = time
            for (symbolIndex, symbol) in word.enumerated() {
                if symbolIndex > 0 { time += hand.length(.characterGap, rng: &rng) }
                let characterStart = time
                let pattern = symbol.pattern
                for element in 0..<pattern.count {
                    let dah = pattern.isDah(element)
                    if element > 0 {
                        // A gap touching a dah is shaped by the hand on a bug; between dits it is the machine's.
                        let touchesDah = dah || pattern.isDah(element - 1)
                        time += hand.length(touchesDah ? .dahGap : .ditGap, rng: &rng)
                    }
                    let length = hand.length(dah ? .dah : .dit, rng: &rng)
                    recorder.mark(start: time, end: time + length)
                    time += length
                }
                recorder.character(symbol, start: characterStart, end: time)
            }
            recorder.word(word, start: wordStart, end: time)
        }
    }
}

/// What keying writes down as it goes.
protocol KeyingRecorder {
    mutating func mark(start: Double, end: Double)
    mutating func character(_ symbol: MorseSymbol, start: Double, end: Double)
    mutating func word(_ symbols: [MorseSymbol], start: Double, end: Double)
}

/// Records the whole timeline: marks, character and word spans.
struct TimelineRecorder: KeyingRecorder {
    var marks: [KeyedTimeline.Interval] = []
    var characters: [KeyedTimeline.Span] = []
    var words: [KeyedTimeline.Span] = []

    init(reserving text: MorseText) {
        marks.reserveCapacity(text.symbolCount * 4)
        characters.reserveCapacity(text.symbolCount)
        words.reserveCapacity(text.words.count)
    }

    mutating func mark(start: Double, end: Double) { marks.append(.init(start: start, end: end)) }
    mutating func character(_ symbol: MorseSymbol, start: Double, end: Double) {
        characters.append(.init(text: symbol.text, start: start, end: end))
    }
    mutating func word(_ symbols: [MorseSymbol], start: Double, end: Double) {
        words.append(.init(text: symbols.map(\.text).joined(), start: start, end: end))
    }
}

/// Records only where the last mark ends (a timeline's ``KeyedTimeline/duration``): measuring a
/// text's length builds no spans and no strings.
struct LengthRecorder: KeyingRecorder {
    var end = 0.0
    mutating func mark(start: Double, end: Double) { self.end = end }
    func character(_ symbol: MorseSymbol, start: Double, end: Double) {}
    func word(_ symbols: [MorseSymbol], start: Double, end: Double) {}
}

/// The state of one operator's hand while keying a transmission.
struct Hand {
    let nominal: [Double]
    let allowed: [ClosedRange<Double>]
    let human: [Bool]
    /// Within-operator log spread per class, already scaled by the sloppiness.
    let sigma: [Double]
    /// Log of this operator's median over the nominal length per class (published median and habit).
    let logMedian: [Double]
    /// Stationary log spread of the tempo, scaled by the sloppiness.
    let tempoSpread: Double
    /// Keying-weight shift in seconds: added to marks, taken from gaps.
    let weightShift: Double
    /// False when the fist keys exactly (sloppiness 0 or a keyboard keyer): no draws at all.
    let active: Bool
    var logTempo = 0.0
    var jitter = 0.0

    init(fist: Fist, table published: FistTiming, timing: MorseTiming, rng: inout some RandomNumberGenerator) {
        let thresholds = DecisionThresholds(timing)
        nominal = TimingClass.allCases.map { element in
            switch element {
            case .dit: timing.dit
            case .dah: timing.dah
            case .ditGap, .dahGap: timing.elementGap
            case .characterGap: timing.characterGap
            case .wordGap: timing.wordGap
            }
        }
        allowed = TimingClass.allCases.map(thresholds.allowedRange)
        human = TimingClass.allCases.map(published.isHuman)
        let s = max(0, min(1, fist.sloppiness))
        active = s > 0 && !published.isMachine
        sigma = published.sigma.map { $0 * s }
        tempoSpread = published.tempo * s
        guard active else {
            logMedian = Array(repeating: 0, count: TimingClass.allCases.count)
            weightShift = 0
            return
        }
        let human = self.human
        logMedian = TimingClass.allCases.map { element in
            let habit = human[element.rawValue] ? rng.nextGaussian() * published.habit * s : 0
            return Double.log(published.median[element.rawValue]) * s + habit
        }
        logTempo = rng.nextGaussian() * tempoSpread
        weightShift = (2 * rng.nextUnit() - 1) * published.weight * s * timing.unit
    }

    mutating func length(_ element: TimingClass, rng: inout some RandomNumberGenerator) -> Double {
        let index = element.rawValue
        let base = nominal[index]
        guard active else { return base }
        let band = allowed[index]
        let shift = element.isMark ? weightShift : -weightShift
        guard human[index] else { return min(max(base + shift, band.lowerBound), band.upperBound) }
        let r = Keyer.tempoCorrelation
        logTempo = r * logTempo + (1 - r * r).squareRoot() * rng.nextGaussian() * tempoSpread
        let rho = Keyer.jitterCorrelation
        var length = base
        for draw in 1...Keyer.maximumDraws {
            let z = rho * jitter + (1 - rho * rho).squareRoot() * rng.nextGaussian()
            length = base * Double.exp(logMedian[index] + logTempo + sigma[index] * z) + shift
            if band.contains(length) || draw == Keyer.maximumDraws {
                jitter = z
                break
            }
        }
        return min(max(length, band.lowerBound), band.upperBound)
    }
}
