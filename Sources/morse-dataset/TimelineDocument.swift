import MorseCode

/// The JSON form of a rendered clip's timeline; times are seconds from the start of the WAV file.
struct TimelineDocument: Encodable {
    var text: String
    var seed: UInt64
    var wpm: Double
    var effectiveWPM: Double?
    var fist: String
    var sloppiness: Double
    var tone: Double
    var sampleRate: Int
    var duration: Double
    var timeline: KeyedTimeline

    enum CodingKeys: String, CodingKey {
        case text, seed, wpm, effectiveWPM = "effective_wpm", fist, sloppiness, tone, sampleRate, duration
        case characters, words, marks
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(seed, forKey: .seed)
        try container.encode(wpm, forKey: .wpm)
        try container.encodeIfPresent(effectiveWPM, forKey: .effectiveWPM)
        try container.encode(fist, forKey: .fist)
        try container.encode(sloppiness, forKey: .sloppiness)
        try container.encode(tone, forKey: .tone)
        try container.encode(sampleRate, forKey: .sampleRate)
        try container.encode(duration, forKey: .duration)
        try container.encode(timeline.characters, forKey: .characters)
        try container.encode(timeline.words, forKey: .words)
        try container.encode(timeline.marks, forKey: .marks)
    }
}
