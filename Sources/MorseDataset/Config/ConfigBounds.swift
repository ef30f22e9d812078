/// The closed or half-open interval a numeric config value must lie in, with its unit.
struct ConfigBounds: Sendable {
    var lower: Double
    var upper: Double
    /// `false` when the value must be strictly greater than `lower`.
    var lowerInclusive = true
    var unit = ""

    func contains(_ value: Double) -> Bool {
        value.isFinite && (lowerInclusive ? value >= lower : value > lower) && value <= upper
    }

    /// What is allowed, as the end of an error message: "use values from 5 to 60 WPM".
    var allowed: String {
        let top = upper.isInfinite ? "" : " and at most \(ConfigNumber.format(upper))\(unitSuffix)"
        if lowerInclusive {
            if upper.isInfinite { return "use values of at least \(ConfigNumber.format(lower))\(unitSuffix)" }
            return "use values from \(ConfigNumber.format(lower)) to \(ConfigNumber.format(upper))\(unitSuffix)"
        }
        return "use values greater than \(ConfigNumber.format(lower))\(top)\(upper.isInfinite ? unitSuffix : "")"
    }

    /// Why `value` (not contained) fails: "is above the maximum 60 WPM".
    func problem(with value: Double) -> String {
        if !value.isFinite { return "is not a finite number" }
        if value > upper { return "is above the maximum \(ConfigNumber.format(upper))\(unitSuffix)" }
        if lowerInclusive { return "is below the minimum \(ConfigNumber.format(lower))\(unitSuffix)" }
        return "is not greater than \(ConfigNumber.format(lower))\(unitSuffix)"
    }

    private var unitSuffix: String { unit.isEmpty ? "" : " " + unit }

    static let fraction = ConfigBounds(lower: 0, upper: 1)
    static let weight = ConfigBounds(lower: 0, upper: .infinity)
}

/// The bounds of every numeric key, by key path (list entries use the list's key).
enum ConfigLimits {
    static let wpm = ConfigBounds(lower: 5, upper: 60, unit: "WPM")
    static let sampleRate = ConfigBounds(lower: 8000, upper: 48000, unit: "Hz")
    /// The per-key limit; the top is tightened by the sample rate in the cross-field check.
    static let toneFrequency = ConfigBounds(lower: 100, upper: 48000 / 2 - toneNyquistMargin, unit: "Hz")
    /// How far below the Nyquist frequency the tone must stay, in Hz.
    static let toneNyquistMargin = 100.0
    static let snr = ConfigBounds(lower: -20, upper: 60, unit: "dB")
    static let qrmInterferers = ConfigBounds(lower: 0, upper: 10, unit: "stations")
    static let qrnRate = ConfigBounds(lower: 0, upper: 20, unit: "crashes per s")
    static let fadingRate = ConfigBounds(lower: 0, upper: 50, lowerInclusive: false, unit: "Hz")
    static let driftMax = ConfigBounds(lower: 0, upper: 500, unit: "Hz")
    static let variationPercent = ConfigBounds(lower: 0, upper: 10, unit: "%")
    static let weightRatio = ConfigBounds(lower: 2.5, upper: 4.5)
    static let multipathDelay = ConfigBounds(lower: 0, upper: 20, unit: "ms")
    static let agcAttack = ConfigBounds(lower: 0, upper: 1, lowerInclusive: false, unit: "s")
    static let agcRelease = ConfigBounds(lower: 0, upper: 10, lowerInclusive: false, unit: "s")
    static let effectiveRatio = ConfigBounds(lower: 0.1, upper: 1)
    static let duration = ConfigBounds(lower: 1, upper: 600, unit: "s")
    static let silence = ConfigBounds(lower: 0, upper: 10, unit: "s")
    static let riseTime = ConfigBounds(lower: 1, upper: 50, unit: "ms")
    static let chirp = ConfigBounds(lower: 0, upper: 500, unit: "Hz")
    static let shardSize = ConfigBounds(lower: 1, upper: 1_000_000)
    /// Tolerance of the `split_ratios` sum.
    static let ratioSumTolerance = 1e-6
}

/// Number formatting shared by messages and the YAML writer: shortest text that reads back exactly.
enum ConfigNumber {
    static func format(_ value: Double) -> String {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value > 0 ? ".inf" : "-.inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let text = "\(value)"
        // YAML 1.1 floats need a dot before the exponent ("1e-07" would read as a string elsewhere).
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), !text[..<e].contains(".") {
            return text[..<e] + ".0" + text[e...]
        }
        return text
    }

    static func format(_ range: ClosedRange<Double>) -> String {
        "[\(format(range.lowerBound)), \(format(range.upperBound))]"
    }
}
