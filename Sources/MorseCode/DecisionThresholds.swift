/// Where one class of duration ends and the next begins, for a timing.
///
/// Thresholds sit at the geometric mean of neighbouring nominal lengths. The keyer keeps every
/// human duration at least ``margin`` away from them, so reading a timeline back is always exact.
struct DecisionThresholds {
    let ditDah: Double
    let elementCharacter: Double
    let characterWord: Double
    let timing: MorseTiming

    static let margin = 1.12

    init(_ timing: MorseTiming) {
        self.timing = timing
        ditDah = (timing.dit * timing.dah).squareRoot()
        elementCharacter = (timing.elementGap * timing.characterGap).squareRoot()
        characterWord = (timing.characterGap * timing.wordGap).squareRoot()
    }

    /// The range a duration of `element` class may take without being misread.
    func allowedRange(_ element: TimingClass) -> ClosedRange<Double> {
        let m = Self.margin
        switch element {
        case .dit: return (0.5 * timing.dit)...(ditDah / m)
        case .dah: return (ditDah * m)...max(ditDah * m, 2 * timing.dah)
        case .ditGap, .dahGap: return (0.4 * timing.elementGap)...(elementCharacter / m)
        case .characterGap: return (elementCharacter * m)...(characterWord / m)
        case .wordGap: return (characterWord * m)...max(characterWord * m, 2.5 * timing.wordGap)
        }
    }
}
