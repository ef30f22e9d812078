/// The timing statistics of one kind of key at sloppiness 1: medians from published measurements
/// where they exist; the straight key's dah median and every spread are assumptions, bounded by
/// what keeps labels exact (FistTimingTests checks the bound).
///
/// Each timing class has a median length relative to its standard (ITU-R M.1677) length and a
/// within-operator log-normal spread (`sigma`, natural-log units); a sigma of 0 means the machine
/// times that class. On top, each transmission draws persistent habits (`habit`, log spread of the
/// operator's class medians), a slowly wandering speed (`tempo`, log spread) and a keying weight
/// (`weight`: marks lengthened and the following gaps shortened by up to this many units). Where
/// the values come from, and how a value was chosen where a source gives a range, is in CONTENT.md
/// ("Fists"); FistTimingTests checks that drawn timings match these numbers.
struct FistTiming: Sendable, Hashable {
    /// Median length over the standard length, per ``TimingClass``.
    var median: [Double]
    /// Within-operator log-normal spread per ``TimingClass``; 0 where the machine times the class.
    var sigma: [Double]
    /// Between-operator log spread of each human class's median.
    var habit: Double
    /// Stationary log spread of the operator's speed over a transmission (human classes only).
    var tempo: Double
    /// Largest keying-weight shift of marks (and opposite shift of gaps), in units (dots).
    var weight: Double

    /// True when the hand, not the machine, times `element`.
    func isHuman(_ element: TimingClass) -> Bool { sigma[element.rawValue] > 0 }

    /// True when nothing about this key is random.
    var isMachine: Bool { sigma.allSatisfy { $0 == 0 } && weight == 0 }

    /// The table in CONTENT.md ("Fists"), by kind of key.
    static func published(_ kind: FistKind) -> FistTiming {
        switch kind {
        case .keyer: keyer
        case .paddle: paddle
        case .bug: bug
        case .straight: straight
        }
    }

    // Order of every array: dit, dah, ditGap, dahGap, characterGap, wordGap.

    /// A keyboard or memory keyer: exact ITU-R M.1677 timing.
    static let keyer = FistTiming(
        median: [1, 1, 1, 1, 1, 1], sigma: [0, 0, 0, 0, 0, 0], habit: 0, tempo: 0, weight: 0)

    /// An iambic keyer: machine elements (dah/dit 3.0); the hand's character gaps run a little
    /// short, word gaps vary most.
    static let paddle = FistTiming(
        median: [1, 1, 1, 1, 0.95, 1], sigma: [0, 0, 0, 0, 0.12, 0.18], habit: 0.06, tempo: 0.02, weight: 0.1)

    /// A bug: machine dits and dit gaps; heavy, hand-timed dahs (median 3.75 dots) and variable
    /// spacing around them.
    static let bug = FistTiming(
        median: [1, 1.25, 1, 1, 1, 1], sigma: [0, 0.10, 0, 0.16, 0.14, 0.20], habit: 0.06, tempo: 0.04, weight: 0.1)

    /// A straight key: everything by hand, dahs of about four dots (assumed: no published
    /// measurement; 2.6–4.4 keeps labels exact), the widest spread.
    static let straight = FistTiming(
        median: [1, 4.0 / 3, 1, 1, 1, 1], sigma: [0.16, 0.12, 0.18, 0.18, 0.15, 0.20], habit: 0.06, tempo: 0.05,
        weight: 0.1)
}
