import Testing

@testable import MorseDataset

@Suite("Spelling suggestions")
struct ConfigEditDistanceTests {
    @Test(
        "distance counts edits and neighbour swaps, ignoring case",
        arguments: [
            ("noise", "noise", 0), ("nosie", "noise", 1), ("Noise", "noise", 0), ("snr_rnage", "snr_range", 1),
            ("", "abc", 3), ("kitten", "sitting", 3),
        ] as [(String, String, Int)])
    func distance(a: String, b: String, expected: Int) {
        #expect(EditDistance.distance(a, b) == expected)
        #expect(EditDistance.distance(b, a) == expected)
    }

    @Test(
        "suggestions only for near misses",
        arguments: [
            ("nosie", ["seed", "noise"], "noise"),
            ("NOISE", ["noise"], "noise"),
            ("contest_great", ["clean", "contest_good"], "contest_good"),
            ("speed", ["seed", "noise"], "seed"),
            ("zzz", ["noise", "seed"], nil),
            ("XX", ["AR", "AS"], nil),
            ("timing_variation", ["timing", "noise"], nil),
        ] as [(String, [String], String?)])
    func nearest(word: String, candidates: [String], expected: String?) {
        #expect(EditDistance.nearest(to: word, among: candidates) == expected)
    }
}
