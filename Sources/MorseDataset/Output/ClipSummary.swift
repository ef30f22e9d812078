import MorseDatasetFormat

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
    /// CRC-32C of the WAV bytes (8 hex digits); nil in records written before checksums.
    public var checksum: String?

    public init(from decoder: any Decoder) throws {
        let record = try decoder.container(keyedBy: ClipField.self)
        id = try record.decode(Int.self, forKey: .id)
        split = try record.decode(String.self, forKey: .split)
        audioFile = try record.decode(String.self, forKey: .audioFile)
        text = try record.decode(String.self, forKey: .text)
        duration = try record.decode(Double.self, forKey: .duration)
        numSamples = try record.decode(Int.self, forKey: .numSamples)
        isNoiseOnly = try record.decode(Bool.self, forKey: .isNoiseOnly)
        contestType = try record.decode(String.self, forKey: .contestType)
        sampleType = try record.decode(String.self, forKey: .sampleType)
        condition = try record.decode(String.self, forKey: .condition)
        wpm = try record.decode(Double.self, forKey: .wpm)
        effectiveWPM = try record.decodeIfPresent(Double.self, forKey: .effectiveWPM)
        fist = try record.decode(String.self, forKey: .fist)
        sloppiness = try record.decode(Double.self, forKey: .sloppiness)
        tone = try record.decode(Double.self, forKey: .tone)
        snr500 = try record.decodeIfPresent(Double.self, forKey: .snr500)
        snr2500 = try record.decodeIfPresent(Double.self, forKey: .snr2500)
        filter = try record.decode(String.self, forKey: .filter)
        country = try record.decode(String.self, forKey: .country)
        callsigns = try record.decode([String].self, forKey: .callsigns)
        seed = try record.decode(UInt64.self, forKey: .seed)
        checksum = try record.decodeIfPresent(String.self, forKey: .checksum)
    }

    /// This clip as a row of `metadata.csv` (no newline), in the columns of ``ClipField/csvColumns``.
    public var csvRow: String {
        let number = { (value: Double, decimals: Int) in NumberFormat.decimal(value, places: decimals) }
        return [
            String(id), CSV.field(audioFile), CSV.field(text), contestType, sampleType, number(wpm, 1), condition,
            number(duration, 6), isNoiseOnly ? "True" : "False",
            split, effectiveWPM.map { number($0, 1) } ?? "", fist, number(sloppiness, 3), number(tone, 1),
            snr500.map { number($0, 2) } ?? "", snr2500.map { number($0, 2) } ?? "", filter, country,
            CSV.field(callsigns.joined(separator: " ")), String(seed), checksum ?? "",
        ].joined(separator: ",")
    }
}
