/// CW abbreviations that `prosigns.use_abbreviations` governs, with the plain words used instead.
///
/// Contest vocabulary that every contest message needs (`CQ`, `TEST`, `DE`, `TU`, `R`, `K`,
/// `QRZ?`, `AGN`, `NR?`) is always used and is not governed by the rate.
public enum Abbreviations {
    /// Abbreviation → plain words, for every abbreviation the generator may write.
    public static let plainForms: [String: String] = [
        "TNX": "THANKS", "FB": "FINE", "OM": "FRIEND", "UR": "YOUR", "ES": "AND", "HR": "HERE",
        "WX": "WEATHER", "FER": "FOR THE", "RPT": "REPORT", "PSE": "PLEASE", "CU": "SEE YOU",
        "GL": "GOOD LUCK", "73": "BEST REGARDS", "VY": "VERY", "GUD": "GOOD", "ANT": "ANTENNA",
        "PWR": "POWER", "GM": "GOOD MORNING", "GA": "GOOD AFTERNOON", "GE": "GOOD EVENING",
        "DR": "DEAR", "HW?": "HOW COPY?", "SIGS": "SIGNALS", "TEMP": "TEMPERATURE", "OP": "OPERATOR",
        "HPE": "HOPE",
    ]

    /// Every abbreviation word the rate governs.
    public static let words: [String] = plainForms.keys.sorted()
}

/// How a clip phrases things: abbreviations at the configured rate, prosigns from the configured list.
struct Phrasing: Sendable {
    var abbreviationRate: Double
    var prosigns: Set<String>

    /// Whether this slot uses abbreviations.
    func abbreviates(using rng: inout some RandomNumberGenerator) -> Bool {
        Draw.chance(abbreviationRate, using: &rng)
    }

    /// `abbreviation` (e.g. `TNX FER`) at the rate, otherwise the plain words of each of its words.
    func phrase(_ abbreviation: String, using rng: inout some RandomNumberGenerator) -> [String] {
        let words = abbreviation.split(separator: " ").map(String.init)
        if abbreviates(using: &rng) { return words }
        return words.flatMap { (Abbreviations.plainForms[$0] ?? $0).split(separator: " ").map(String.init) }
    }

    /// `abbreviation` at the rate, otherwise `plain`.
    func phrase(_ abbreviation: String, plain: String, using rng: inout some RandomNumberGenerator) -> [String] {
        (abbreviates(using: &rng) ? abbreviation : plain).split(separator: " ").map(String.init)
    }

    /// The bracketed prosign when it is allowed and a draw with probability `p` succeeds.
    func prosign(_ name: String, probability p: Double, using rng: inout some RandomNumberGenerator) -> String? {
        guard prosigns.contains(name), Draw.chance(p, using: &rng) else { return nil }
        return TextNotation.prosign(name)
    }

    /// `<KN>` at the rate `p` when allowed, otherwise `K`: the end of an over to one station.
    func overEnd(probability p: Double, using rng: inout some RandomNumberGenerator) -> String {
        prosign("KN", probability: p, using: &rng) ?? "K"
    }
}
