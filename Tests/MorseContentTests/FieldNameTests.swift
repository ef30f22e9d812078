import MorseCode
import Testing

@testable import MorseContent

@Suite struct FieldNameTests {
    /// Datasets give every row the same exchange columns, so no draw may use a key outside the list.
    @Test func everyFieldKeyIsListed() throws {
        var configuration = ContentConfiguration.reference
        configuration.sampleTypeWeights[.ragchew] = 10
        configuration.sampleTypeWeights[.multiTransmission] = 10
        let generator = try ContentGenerator(configuration)
        var rng = SeededGenerator(seed: 8)
        var seen = Set<String>()
        for index in 0..<1500 {
            let clip = generator.clip(maxKeyedDuration: Double(3 + index % 25), using: &rng) { Double($0.count) * 0.12 }
            seen.formUnion(clip.fields.keys)
            for exchange in clip.exchanges { seen.formUnion(exchange.fields.keys) }
        }
        #expect(
            seen.isSubset(of: Set(ClipContent.fieldNames)),
            "unlisted: \(seen.subtracting(ClipContent.fieldNames).sorted())")
        #expect(seen.count >= 12, "the draws should exercise most fields, saw \(seen.sorted())")
        #expect(ClipContent.fieldNames == ClipContent.fieldNames.sorted())
    }
}
