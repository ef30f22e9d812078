/// Nominal element and gap lengths for a speed, following the PARIS standard.
///
/// One unit lasts `1.2 / wpm` seconds; a dit is 1 unit, a dah `dashRatio` units, and the gaps
/// between elements, characters and words 1, 3 and 7 units. Farnsworth timing keys characters at
/// ``wpm`` but stretches only the gaps between characters and words so that the text as a whole
/// runs at ``effectiveWPM`` (ARRL formula: `ta = (60c − 37.2s)/(cs)` seconds of delay per word,
/// split 3/19 to each character gap and 7/19 to each word gap). Weighting lengthens every mark
/// and shortens the gap after it by the same amount, so speed does not change.
public struct MorseTiming: Hashable, Sendable, Codable {
    /// Character speed in words per minute (5...60).
    public var wpm: Double
    /// Overall (Farnsworth) speed in words per minute, at most ``wpm``; nil means no Farnsworth spacing.
    public var effectiveWPM: Double?
    /// Dah length in dits (2.5...4.5; standard 3).
    public var dashRatio: Double
    /// Mark/space weighting in percent (30...70; standard 50). At 60 every mark is 0.2 units longer.
    public var weighting: Double

    public static let speedRange: ClosedRange<Double> = 5...60
    public static let dashRatioRange: ClosedRange<Double> = 2.5...4.5
    public static let weightingRange: ClosedRange<Double> = 30...70

    public init(wpm: Double, effectiveWPM: Double? = nil, dashRatio: Double = 3, weighting: Double = 50) {
        self.wpm = wpm
        self.effectiveWPM = effectiveWPM
        self.dashRatio = dashRatio
        self.weighting = weighting
    }

    /// The timing itself, or an error naming the value out of range.
    public func validated() throws(MorseTimingError) -> MorseTiming {
        guard Self.speedRange.contains(wpm) else { throw .outOfRange("wpm", wpm, Self.speedRange) }
        if let effectiveWPM {
            guard Self.speedRange.contains(effectiveWPM) else {
                throw .outOfRange("Farnsworth speed", effectiveWPM, Self.speedRange)
            }
            guard effectiveWPM <= wpm else {
                throw .farnsworthFasterThanCharacters(effective: effectiveWPM, character: wpm)
            }
        }
        guard Self.dashRatioRange.contains(dashRatio) else {
            throw .outOfRange("dash ratio", dashRatio, Self.dashRatioRange)
        }
        guard Self.weightingRange.contains(weighting) else {
            throw .outOfRange("weighting", weighting, Self.weightingRange)
        }
        return self
    }

    /// One unit in seconds at the character speed.
    public var unit: Double { 1.2 / wpm }
    /// Mark lengthening from weighting, in seconds.
    var weightShift: Double { (weighting - 50) / 50 * unit }

    /// Dit length in seconds.
    public var dit: Double { unit + weightShift }
    /// Dah length in seconds.
    public var dah: Double { dashRatio * unit + weightShift }
    /// Gap between elements of one character, in seconds.
    public var elementGap: Double { unit - weightShift }
    /// Gap between characters of a word, in seconds (Farnsworth-stretched if set).
    public var characterGap: Double { 3 * farnsworthGapUnit - weightShift }
    /// Gap between words, in seconds (Farnsworth-stretched if set).
    public var wordGap: Double { 7 * farnsworthGapUnit - weightShift }

    /// The unit used for character and word gaps: `ta / 19` under Farnsworth, the plain unit otherwise.
    var farnsworthGapUnit: Double {
        guard let effectiveWPM, effectiveWPM < wpm else { return unit }
        let delayPerWord = (60 * wpm - 37.2 * effectiveWPM) / (wpm * effectiveWPM)
        return delayPerWord / 19
    }
}

/// Why a timing cannot be used.
public enum MorseTimingError: Error, Equatable, CustomStringConvertible {
    case outOfRange(String, Double, ClosedRange<Double>)
    case farnsworthFasterThanCharacters(effective: Double, character: Double)

    public var description: String {
        switch self {
        case let .outOfRange(name, value, range):
            return
                "\(name) \(formatNumber(value)) is out of range; use a value from \(formatNumber(range.lowerBound)) to \(formatNumber(range.upperBound))"
        case let .farnsworthFasterThanCharacters(effective, character):
            return
                "Farnsworth speed \(formatNumber(effective)) WPM is faster than the character speed \(formatNumber(character)) WPM; it must be lower or equal"
        }
    }
}

/// A number without a needless `.0`.
func formatNumber(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
