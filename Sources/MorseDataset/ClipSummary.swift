/// The fields of a clip's metadata record that the manifests and statistics need.
public struct ClipSummary: Decodable, Sendable, Hashable {
    public var id: Int
    public var split: String
    public var audioFile: String
    public var text: String
    public var duration: Double
    public var numSamples: Int
    public var isNoiseOnly: Bool
    public var contestType: String
    public var sampleType: String
    public var condition: String
    public var wpm: Double
    public var effectiveWPM: Double?
    public var fist: String
    public var sloppiness: Double
    public var tone: Double
    public var snr500: Double?
    public var snr2500: Double?
    public var filter: String
    public var country: String
    public var callsigns: [String]
    public var seed: UInt64

    enum CodingKeys: String, CodingKey {
        case id, split, text, duration, condition, wpm, fist, sloppiness, tone, filter, country, callsigns, seed
        case audioFile = "audio_file", numSamples = "num_samples", isNoiseOnly = "is_noise_only"
        case contestType = "contest_type", sampleType = "sample_type", effectiveWPM = "effective_wpm"
        case snr500 = "snr_500", snr2500 = "snr_2500"
    }

    /// Columns of `metadata.csv` and `splits/{split}.csv`: the reference's nine, then ours.
    public static let csvHeader = [
        "id", "audio_file", "text", "contest_type", "sample_type", "wpm", "condition", "duration", "is_noise_only",
        "split", "effective_wpm", "fist", "sloppiness", "tone", "snr_500", "snr_2500", "filter", "country", "callsigns", "seed",
    ].joined(separator: ",")

    /// This clip as a CSV row (no newline).
    public var csvRow: String {
        let number = { (value: Double, decimals: Int) in JSONObject.number(value, decimals: decimals) }
        return [
            String(id), csvField(audioFile), csvField(text), contestType, sampleType, number(wpm, 1), condition,
            number(duration, 6), isNoiseOnly ? "True" : "False",
            split, effectiveWPM.map { number($0, 1) } ?? "", fist, number(sloppiness, 3), number(tone, 1),
            snr500.map { number($0, 2) } ?? "", snr2500.map { number($0, 2) } ?? "", filter, country, csvField(callsigns.joined(separator: " ")), String(seed),
        ].joined(separator: ",")
    }
}
