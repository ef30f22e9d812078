/// How an operator's key shapes the timing: the four classic kinds of key.
public enum FistKind: String, CaseIterable, Codable, Sendable {
    /// Keyboard or memory keyer: every element and gap timed by the machine (ITU-R M.1677).
    case keyer
    /// Iambic paddle: the keyer times elements and the gaps inside a character; the hand spaces
    /// characters and words.
    case paddle
    /// Semi-automatic bug: machine dits and the gaps between them; dahs (heavy) and every gap
    /// touching a dah, character and word gaps are the hand's.
    case bug
    /// Straight key: every element and gap human, with long dahs.
    case straight
}

/// One operator's keying style: a kind of key and how sloppy the hand is.
///
/// Human timing follows the published measurements in ``FistTiming`` (see CONTENT.md, "Fists"):
/// log-normal lengths per class around a kind-specific median, a keying weight per transmission,
/// persistent habits, a slowly wandering speed and element-to-element correlated jitter.
/// ``sloppiness`` scales every deviation from the standard timing: 0 keys exactly, 1 keys like the
/// measured operators.
public struct Fist: Hashable, Sendable, Codable {
    public var kind: FistKind
    /// Overall sloppiness, 0 (exact) ... 1 (like the measured operators; still reads back exactly).
    public var sloppiness: Double

    public init(kind: FistKind = .keyer, sloppiness: Double = 0.3) {
        self.kind = kind
        self.sloppiness = sloppiness
    }

    /// An exact electronic keyer.
    public static let exact = Fist(kind: .keyer, sloppiness: 0)

    /// The published timing of this kind of key.
    var timing: FistTiming { FistTiming.published(kind) }
}

/// The classes of durations a fist can distort independently.
enum TimingClass: Int, CaseIterable {
    case dit, dah, ditGap, dahGap, characterGap, wordGap

    /// True for key-down classes, false for gaps.
    var isMark: Bool { self == .dit || self == .dah }
}
