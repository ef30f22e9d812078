import MorseCode
import Testing

@testable import MorseContent

@Suite("Keying with MorseCode")
struct MorseCodeCompatibilityTests {
    @Test("Every generated text parses as MorseText and round-trips unchanged")
    func parses() throws {
        let config = Fixture.config {
            $0.sampleTypeWeights[.ragchew] = 20
            $0.sampleTypeWeights[.practiceGroups] = 5
            $0.portableRate = 0.3
            $0.specialRate = 0.2
        }
        let generator = try ContentGenerator(config)
        var rng = SplitMix64(seed: 1234)
        for (clip, _, _) in try Fixture.clips(config, count: 1500, seed: 4321) where !clip.text.isEmpty {
            let parsed = try MorseText(clip.text)
            #expect(parsed.description == clip.text)
        }
        for _ in 0..<500 {
            #expect(try MorseText(generator.interfererText(using: &rng)).description.isEmpty == false)
        }
        for name in TextNotation.prosignNames {
            #expect(try MorseText("<\(name)>").words.count == 1, "\(name)")
        }
    }
}
