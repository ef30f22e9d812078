import MorseCode
import RealModule
import Testing

@testable import MorseChannel

/// The label-time search's shortcuts give the same bits as the operations they replace, so labels
/// stay byte-identical (a shortcut that rounded differently would move label times by an ulp).
@Suite struct ExactShortcutTests {
    @Test func roundedToIntMatchesTheLibraryRounding() {
        var values: [Double] = [
            0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994,
            4_503_599_627_370_495.5, -4_503_599_627_370_495.5, 7.999999999999999, 1e15 + 0.5,
        ]
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<5000 {
            values.append(Double.random(in: -1e6...1e6, using: &rng))
            values.append(Double(Int.random(in: -1000...1000, using: &rng)) + 0.5)
        }
        let wrong = values.filter { roundedToInt($0) != Int($0.rounded()) }
        #expect(wrong.isEmpty, "roundedToInt differs from rounded() at \(wrong.prefix(5))")
    }

    /// At 8 and 16 kHz the AGC block is a power of two and the gain is read by shift and
    /// reciprocal; at 22.05 and 48 kHz by division. Both equal the plain formula bit for bit.
    @Test(arguments: [8000.0, 16_000, 22_050, 48_000])
    func gainTrackEqualsTheDivisionFormula(sampleRate: Double) {
        let agc = AutomaticGainControl(parameters: .standard, sampleRate: sampleRate)
        let preroll = 100, total = 5000
        let track = GainTrack(agc: agc, total: total, preroll: preroll)
        #expect((track.blockShift != nil) == (sampleRate == 8000 || sampleRate == 16_000))
        var work = (0..<(2 * track.blocks + 4)).map { Float(0.5 + 0.37 * Double.sin(Double($0))) }
        let mismatches = work.withUnsafeMutableBufferPointer { buffer -> Int in
            guard let base = buffer.baseAddress else { return -1 }
            let gains = base + track.blocks + 1
            var mismatches = 0
            for n in -200..<(total + 50) {
                let m = min(max(0, preroll + n), track.blocks * track.blockLength - 1)
                let b = m / track.blockLength, i = m % track.blockLength
                let previous = Double(gains[max(0, b - 1)]), current = Double(gains[b])
                let expected = previous + (current - previous) * Double(i) / Double(track.blockLength)
                if track.gain(at: n, work: base) != expected { mismatches += 1 }
            }
            return mismatches
        }
        #expect(mismatches == 0, "\(mismatches) gains differ from the division formula at \(sampleRate) Hz")
    }
}
