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

    /// How the bounds read in the key tables of docs/config.md: "0 … 1", "> 0 … 50".
    var documented: String {
        let low = (lowerInclusive ? "" : "> ") + String(ConfigNumber.format(lower).map { $0 == "-" ? "−" : $0 })
        return upper.isInfinite ? "≥ " + low : "\(low) … \(ConfigNumber.format(upper))"
    }

    static let fraction = ConfigBounds(lower: 0, upper: 1)
    /// Relative weights: finite and small enough that sums of them stay exact enough to draw from.
    static let weight = ConfigBounds(lower: 0, upper: 1_000_000)
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
