import RealModule
/// Keys text with a timing and a fist, producing the ``KeyedTimeline`` that is the clip's ground truth.
///
/// Human parts of a fist follow
/// `length = nominal × tempo × (1 + habit) × (1 + jitter)`, where `habit` is drawn once per
/// transmission, `tempo` drifts slowly (AR(1) in log space, ρ = 0.99 per element) and `jitter` is
/// correlated from element to element (AR(1), ρ = 0.5). Every length is then kept inside the band
/// that reads back as the same element, so the transcript stays exact at any sloppiness.
public struct Keyer: Sendable, Hashable {
    public var timing: MorseTiming
    public var fist: Fist

    public init(timing: MorseTiming, fist: Fist = .exact) {
        self.timing = timing
        self.fist = fist
    }

    static let tempoCorrelation = 0.99
    static let tempoSpread = 0.06
    static let jitterCorrelation = 0.5
    static let habitSpread = 0.08

    /// Keys `text`; the first mark starts at time 0.
    public func key(_ text: MorseText, using rng: inout some RandomNumberGenerator) -> KeyedTimeline {
        var hand = Hand(fist: fist, timing: timing, rng: &rng)
        var marks: [KeyedTimeline.Interval] = []
        var characters: [KeyedTimeline.Span] = []
        var words: [KeyedTimeline.Span] = []
        marks.reserveCapacity(text.symbolCount * 4)
        characters.reserveCapacity(text.symbolCount)
        words.reserveCapacity(text.words.count)
        var time = 0.0
        for (wordIndex, word) in text.words.enumerated() {
            if wordIndex > 0 { time += hand.length(.wordGap, rng: &rng) }
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
                    marks.append(.init(start: time, end: time + length))
                    time += length
                }
                characters.append(.init(text: symbol.text, start: characterStart, end: time))
            }
            words.append(.init(text: word.map(\.text).joined(), start: wordStart, end: time))
        }
        return KeyedTimeline(marks: marks, characters: characters, words: words)
    }

    /// The exact keyed length in seconds of `text` with this timing and fist.
    public func duration(of text: MorseText, using rng: inout some RandomNumberGenerator) -> Double {
        key(text, using: &rng).duration
    }
}

/// The state of one operator's hand while keying a transmission.
struct Hand {
    let fist: Fist
    let nominal: [Double]
    let allowed: [ClosedRange<Double>]
    let habits: [Double]
    let human: [Bool]
    var logTempo = 0.0
    var jitter = 0.0

    init(fist: Fist, timing: MorseTiming, rng: inout some RandomNumberGenerator) {
        self.fist = fist
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
        human = TimingClass.allCases.map(fist.isHuman)
        let s = max(0, min(1, fist.sloppiness))
        if s > 0 && fist.kind != .keyer {
            habits = TimingClass.allCases.map { fist.typicalBias($0) * s + rng.nextGaussian() * Keyer.habitSpread * s }
            logTempo = rng.nextGaussian() * Keyer.tempoSpread * s
        } else {
            habits = Array(repeating: 0, count: TimingClass.allCases.count)
        }
    }

    mutating func length(_ element: TimingClass, rng: inout some RandomNumberGenerator) -> Double {
        let base = nominal[element.rawValue]
        let s = max(0, min(1, fist.sloppiness))
        guard human[element.rawValue], s > 0 else { return base }
        let rho = Keyer.jitterCorrelation
        jitter = rho * jitter + (1 - rho * rho).squareRoot() * rng.nextGaussian() * fist.jitterSpread * s
        var tempo = 1.0
        if fist.kind != .keyer {
            let r = Keyer.tempoCorrelation
            logTempo = r * logTempo + (1 - r * r).squareRoot() * rng.nextGaussian() * Keyer.tempoSpread * s
            tempo = Double.exp(logTempo)
        }
        let length = base * tempo * (1 + habits[element.rawValue]) * (1 + jitter)
        let band = allowed[element.rawValue]
        return min(max(length, band.lowerBound), band.upperBound)
    }
}
