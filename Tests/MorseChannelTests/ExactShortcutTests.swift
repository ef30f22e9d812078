import MorseCode
import MorseSignal
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
    /// reciprocal; at 22.05 and 48 kHz by division. Both equal the plain formula bit for bit, read
    /// directly or through the per-block ramps (``GainRamps``).
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
            let ramps = GainRamps(track, work: base)
            var mismatches = 0
            for n in -200..<(total + 50) {
                let m = min(max(0, preroll + n), track.blocks * track.blockLength - 1)
                let b = m / track.blockLength, i = m % track.blockLength
                let previous = Double(gains[max(0, b - 1)]), current = Double(gains[b])
                let expected = previous + (current - previous) * Double(i) / Double(track.blockLength)
                if track.gain(at: n, work: base) != expected { mismatches += 1 }
                if ramps.gain(at: n) != expected { mismatches += 1 }
            }
            return mismatches
        }
        #expect(mismatches == 0, "\(mismatches) gains differ from the division formula at \(sampleRate) Hz")
    }

    /// The filtered mark, skipping the work where the envelope is flat, equals the mark computed
    /// at every sample the plain way (the shape evaluated everywhere, cosines and sines of zeros).
    @Test(arguments: ReceiverFilterKind.allCases, EnvelopeShape.allCases)
    func filteredMarkEqualsThePlainComputation(kind: ReceiverFilterKind, shape: EnvelopeShape) {
        for (sampleRate, tone, riseTime) in [(16_000.0, 612.3, 0.0047), (8000, 455, 0.003), (22_050, 980.1, 0.0081)] {
            let filter = ReceiverFilter(kind: kind, centre: tone, sampleRate: sampleRate)
            let mark = filter.filteredMark(tone: tone, riseTime: riseTime, shape: shape)
            let rise = max(riseTime, 1 / sampleRate)
            let keyDown = rise / 2 + 0.004, keyUp = keyDown + 0.060
            let count = Int(((keyUp + rise / 2 + 0.040) * sampleRate).rounded(.up))
            let omega = 2 * Double.pi * tone / sampleRate
            var inPhase = [Float](repeating: 0, count: count), quadrature = inPhase
            for n in 0..<count {
                let t = Double(n) / sampleRate
                let envelope =
                    shape.value(at: (t - keyDown + rise / 2) / rise) - shape.value(at: (t - keyUp + rise / 2) / rise)
                inPhase[n] = Float(envelope * Double.cos(omega * Double(n)))
                quadrature[n] = Float(envelope * Double.sin(omega * Double(n)))
            }
            inPhase.withUnsafeMutableBufferPointer { filter.process($0) }
            quadrature.withUnsafeMutableBufferPointer { filter.process($0) }
            let plain = (0..<count).map {
                Double(inPhase[$0] * inPhase[$0] + quadrature[$0] * quadrature[$0]).squareRoot()
            }
            #expect(mark.envelope == plain, "\(kind) \(shape) at \(sampleRate) Hz")
            #expect(plain.contains { $0 > 0.5 })
        }
    }

    /// A filtered mark, the edge search's range and step at `sampleRate`, and its grid.
    func searchSetup(
        kind: ReceiverFilterKind, tone: Double, rise: Double, shape: EnvelopeShape, sampleRate: Double
    ) -> (mark: FilteredMark, grid: EdgeGrid, from: Double, to: Double, step: Double) {
        let filter = ReceiverFilter(kind: kind, centre: tone, sampleRate: sampleRate)
        let mark = filter.filteredMark(tone: tone, riseTime: rise, shape: shape)
        let from = -rise / 2 - 0.002, to = rise / 2 + 0.010, step = 1 / sampleRate
        return (mark, EdgeGrid(from: from, to: to, step: step, mark: mark), from, to, step)
    }

    /// The edge search over the precomputed grid visits the same offsets and reads the same
    /// envelope values as ``EdgeSearch``, so it finds the same crossing to the bit.
    @Test(arguments: [8000.0, 16_000, 22_050])
    func edgeGridMatchesTheEdgeSearch(sampleRate: Double) {
        let (mark, grid, from, to, step) = searchSetup(
            kind: .cwNarrow, tone: 700, rise: 0.0053, shape: .raisedCosine, sampleRate: sampleRate)
        var expectedOffsets: [Double] = []
        _ = EdgeSearch.crossing(from: from, to: to, step: step, level: .infinity, rising: true) {
            expectedOffsets.append($0)
            return 0
        }
        #expect(grid.offsets == expectedOffsets)
        #expect(grid.rising == grid.offsets.map { mark.value(after: $0, rising: true) })
        #expect(grid.falling == grid.offsets.map { mark.value(after: $0, rising: false) })
        #expect(grid.offsets.count > Int((to - from) * sampleRate) - 2)
    }

    /// Spans find their mark's time by binary search: the last mark with an equal time, as the
    /// dictionary it replaces found it, and the dictionary again when the times are out of order.
    @Test func markTimesFindTheLastEqualTime() {
        let sorted = MarkTimes([0.1, 0.2, 0.2, 0.35, 0.5])
        #expect(sorted.index(of: 0.1) == 0)
        #expect(sorted.index(of: 0.2) == 2)
        #expect(sorted.index(of: 0.5) == 4)
        #expect(sorted.index(of: 0.3) == nil)
        #expect(sorted.index(of: 0.6) == nil)
        #expect(sorted.index(of: 0.0) == nil)
        #expect(sorted.index(of: .nan) == nil)
        let unsorted = MarkTimes([0.5, 0.1, 0.5, 0.3])
        #expect(unsorted.index(of: 0.5) == 2)
        #expect(unsorted.index(of: 0.1) == 1)
        #expect(unsorted.index(of: 0.2) == nil)
        #expect(MarkTimes([]).index(of: 0) == nil)
    }

    /// The edge search that skips the steps which cannot cross finds exactly what the full search
    /// finds (``EdgeSearch`` over every step), for rising and falling edges, over AGC gains that
    /// jump and ramp, at levels that cross early, late, in the middle or never.
    @Test(arguments: [8000.0, 16_000, 22_050])
    func edgeSearchWithSkipsEqualsTheFullSearch(sampleRate: Double) {
        let (mark, grid, from, to, step) = searchSetup(
            kind: .cwWide, tone: 650, rise: 0.0047, shape: .blackmanHarris, sampleRate: sampleRate)
        let agc = AutomaticGainControl(parameters: .standard, sampleRate: sampleRate)
        let preroll = 300, total = Int(2 * sampleRate)
        let track = GainTrack(agc: agc, total: total, preroll: preroll)
        var rng = SeededGenerator(seed: 9)
        var level = 1.0
        var work = (0..<(2 * track.blocks + 4)).map { _ in
            // Steps between levels (a mark after a gap) with small wobbles.
            if Double.random(in: 0..<1, using: &rng) < 0.05 { level = Double.random(in: 0.2...3, using: &rng) }
            return Float(level * Double.random(in: 0.97...1.03, using: &rng))
        }
        var found = 0, compared = 0
        work.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let ramps = GainRamps(track, work: base)
            for trial in 0..<400 {
                let time = Double.random(in: 0.02...1.9, using: &rng)
                let target =
                    mark.steady * [0.01, 0.3, 0.5, 0.9, 2, 5][trial % 6] * Double.random(in: 0.5...1.5, using: &rng)
                for rising in [true, false] {
                    let expected = EdgeSearch.crossing(
                        from: from, to: to, step: step, level: target, rising: rising
                    ) { ramps.gain(at: roundedToInt((time + $0) * sampleRate)) * mark.value(after: $0, rising: rising) }
                    .map { time + $0 }
                    let skipping = grid.crossing(
                        at: time, level: target, rising: rising, step: step, sampleRate: sampleRate, gains: ramps)
                    compared += 1
                    if expected != nil { found += 1 }
                    #expect(skipping == expected, "\(rising ? "rising" : "falling") at \(time), level \(target)")
                }
            }
        }
        #expect(compared == 800)
        #expect(found > 200 && found < 780, "\(found) crossings: the levels should both cross and miss")
    }
}
