import MorseDatasetFormat
import Testing

/// The card's declared types, in the YAML form `datasets` itself writes (`Features._to_yaml_list`).
struct ClipFeatureTests {
    @Test func listsOfSpansAndStringsAreDeclaredAsDatasetsWritesThem() {
        let characters = ClipField.characters.feature(sampleRate: 16000, exchangeKeys: [], evaluationKeys: [])
        #expect(
            characters.yaml(name: "characters", indent: 0) == """
                - name: characters
                  list:
                  - name: text
                    dtype: string
                  - name: start
                    dtype: float64
                  - name: end
                    dtype: float64

                """)
        let callsigns = ClipField.callsigns.feature(sampleRate: 16000, exchangeKeys: [], evaluationKeys: [])
        #expect(callsigns.yaml(name: "callsigns", indent: 2) == "  - name: callsigns\n    list: string\n")
        let audio = ClipField.fileName.feature(sampleRate: 8000, exchangeKeys: [], evaluationKeys: [])
        #expect(
            audio.yaml(name: "audio", indent: 0) == "- name: audio\n  dtype:\n    audio:\n      sampling_rate: 8000\n")
    }

    @Test(arguments: [ClipField.exchange, .evaluation])
    func objectsDeclareEveryKeyAsAString(field: ClipField) {
        let feature = field.feature(sampleRate: 16000, exchangeKeys: ["rst", "zone"], evaluationKeys: ["rst", "zone"])
        #expect(
            feature.yaml(name: "x", indent: 0)
                == "- name: x\n  struct:\n  - name: rst\n    dtype: string\n  - name: zone\n    dtype: string\n")
    }
}
