/// How an operator's key shapes the timing: the four classic kinds of key.
public enum FistKind: String, CaseIterable, Codable, Sendable {
    /// Electronic keyer: exact elements, tiny jitter in the spacing the operator controls.
    case keyer
    /// Iambic paddle: keyer elements, human spacing between characters and words.
    case paddle
    /// Semi-automatic bug: machine dits, human dahs (typically heavy) and spacing.
    case bug
    /// Straight key: every element and gap human.
    case straight
}

/// One operator's keying style: a kind of key and how sloppy the hand is.
///
/// Human timing is not white noise. Each operator has persistent habits (long dahs, short gaps…)
/// drawn once per transmission, a speed that wanders slowly, and jitter that is correlated from
/// element to element. ``sloppiness`` scales all three; at zero every kind keys exactly.
public struct Fist: Hashable, Sendable, Codable {
    public var kind: FistKind
    /// Overall sloppiness, 0 (exact) ... 1 (very sloppy but still readable).
    public var sloppiness: Double

    public init(kind: FistKind = .keyer, sloppiness: Double = 0.3) {
        self.kind = kind
        self.sloppiness = sloppiness
    }

    /// An exact electronic keyer.
    public static let exact = Fist(kind: .keyer, sloppiness: 0)

    /// Which timing classes this kind of key leaves to the human hand.
    func isHuman(_ element: TimingClass) -> Bool {
        switch kind {
        case .keyer, .paddle: element == .characterGap || element == .wordGap
        case .bug: element != .dit && element != .ditGap
        case .straight: true
        }
    }

    /// Spread of the short-term jitter (relative) for the human parts.
    var jitterSpread: Double {
        switch kind {
        case .keyer: 0.02
        case .paddle: 0.08
        case .bug, .straight: 0.10
        }
    }

    /// Typical persistent bias (relative) of each class for this kind of key, at full sloppiness.
    func typicalBias(_ element: TimingClass) -> Double {
        switch (kind, element) {
        case (.bug, .dah): 0.25            // bug operators swing heavy dahs
        case (.bug, .dahGap): -0.10
        case (.straight, .dah): 0.10
        case (.straight, .ditGap), (.straight, .dahGap): -0.10
        case (.paddle, .characterGap): -0.10  // paddle operators often run characters together
        default: 0
        }
    }
}

/// The classes of durations a fist can distort independently.
enum TimingClass: Int, CaseIterable {
    case dit, dah, ditGap, dahGap, characterGap, wordGap
}
