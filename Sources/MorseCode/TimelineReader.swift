extension KeyedTimeline {
    /// Reads the key-down intervals back into text, knowing only the timing they were keyed at.
    ///
    /// Marks are classed as dits or dahs and gaps as element, character or word gaps by thresholds
    /// between the nominal lengths; each pattern is written in its canonical spelling
    /// (``MorseAlphabet``). For any fist this returns ``MorseText/canonical`` of the keyed text.
    /// A pattern no symbol has is written as `*`.
    public func readText(timing: MorseTiming) -> String {
        let thresholds = DecisionThresholds(timing)
        var output = ""
        var pattern = MorsePattern(bits: 0, count: 0)
        func flush() {
            guard pattern.count > 0 else { return }
            output += MorseAlphabet.symbol(matching: pattern)?.text ?? "*"
            pattern = MorsePattern(bits: 0, count: 0)
        }
        for (index, mark) in marks.enumerated() {
            if index > 0 {
                let gap = mark.start - marks[index - 1].end
                if gap > thresholds.characterWord {
                    flush()
                    output += " "
                } else if gap > thresholds.elementCharacter {
                    flush()
                }
            }
            pattern = pattern.appending(dah: mark.length > thresholds.ditDah)
        }
        flush()
        return output
    }
}
