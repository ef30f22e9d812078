import MorseCode
import MorseSignal
import RealModule
import Testing

@testable import MorseChannel

/// The receiver filters, measured with swept tones and with noise, against the analytic design.
@Suite struct FilterTests {
    static let sampleRate = 16_000.0

    /// Gain in dB of `filter` for a steady tone at `frequency` (transient discarded).
    static func measuredGain(_ filter: ReceiverFilter, at frequency: Double) -> Double {
        let count = 12_000
        var tone = (0..<count).map { Float(Double.sin(2 * Double.pi * frequency * Double($0) / sampleRate)) }
        tone.withUnsafeMutableBufferPointer { filter.process($0) }
        return dB(meanSquare(tone[6000...]) / 0.5)
    }

    /// Centre, both edges, and stop-band points for each kind (tone at 700 Hz).
    static let probes: [(ReceiverFilterKind, [Double])] = [
        (.cwNarrow, [700, 575, 825, 450, 1000, 300, 1500, 3000]),
        (.cwWide, [700, 450, 950, 250, 1300, 2000, 4000]),
        (.ssb, [1000, 300, 2700, 150, 3500, 80, 5000]),
    ]

    @Test(arguments: ReceiverFilterKind.allCases)
    func sweptToneMatchesDesign(kind: ReceiverFilterKind) {
        let filter = ReceiverFilter(kind: kind, centre: 700, sampleRate: Self.sampleRate)
        let frequencies = Self.probes.first { $0.0 == kind }?.1 ?? []
        for frequency in frequencies {
            let design = 20 * Double.log10(filter.designGain(at: frequency))
            let measured = Self.measuredGain(filter, at: frequency)
            let tolerance = design > -30 ? 0.2 : 1.0
            #expect(
                abs(measured - design) < tolerance,
                "\(kind) at \(frequency) Hz: design \(design) dB, measured \(measured) dB")
        }
        // The design itself: 0 dB at the geometric centre, −3.01 dB at the edges, steep skirts.
        #expect(abs(20 * Double.log10(filter.designGain(at: filter.designCentre))) < 1e-9)
        #expect(abs(20 * Double.log10(filter.designGain(at: filter.lowEdge)) + 3.0103) < 1e-6)
        #expect(abs(20 * Double.log10(filter.designGain(at: filter.highEdge)) + 3.0103) < 1e-6)
        // The implemented sections have exactly the closed-form response.
        for frequency in stride(from: 50.0, to: 7900, by: 97) {
            #expect(abs(filter.gain(at: frequency) - filter.designGain(at: frequency)) < 1e-9)
        }
    }

    @Test func edgesFollowTheWantedTone() {
        for tone in [600.0, 800.0] {
            let narrow = ReceiverFilter(kind: .cwNarrow, centre: tone, sampleRate: Self.sampleRate)
            #expect(narrow.lowEdge == tone - 125 && narrow.highEdge == tone + 125)
            #expect(abs(Self.measuredGain(narrow, at: tone)) < 0.2)
            #expect(Self.measuredGain(narrow, at: tone + 400) < -25)
            let wide = ReceiverFilter(kind: .cwWide, centre: tone, sampleRate: Self.sampleRate)
            #expect(wide.lowEdge == tone - 250 && wide.highEdge == tone + 250)
        }
        let ssb = ReceiverFilter(kind: .ssb, centre: 600, sampleRate: Self.sampleRate)
        #expect(ssb.lowEdge == 300 && ssb.highEdge == 2700)
    }

    /// The chain filters noise and signal together: the output noise spectrum has the filter's shape.
    @Test(arguments: ReceiverFilterKind.allCases)
    func noiseSpectrumThroughTheChainHasTheFilterShape(kind: ReceiverFilterKind) {
        var chain = ReceiverChain(sampleRate: Self.sampleRate)
        var rng = SeededGenerator(seed: 21)
        let parameters = plainParameters(snr: 10, filter: kind, tone: 720)
        let stages = chain.renderStages(
            wanted: nil, interferers: [], parameters: parameters, sampleCount: 131_072, using: &rng)
        let before = Spectrum.bins(stages.noise), after = Spectrum.bins(stages.filtered)
        let binWidth = Self.sampleRate / Double(before.count)
        let filter = ReceiverFilter(kind: kind, centre: 720, sampleRate: Self.sampleRate)
        let probes: [Double] = [
            filter.designCentre, filter.lowEdge, filter.highEdge,
            filter.highEdge + (filter.highEdge - filter.lowEdge),
        ]
        for frequency in probes {
            let ratio =
                Spectrum.density(after.power, at: frequency, halfWidth: 8, binWidth: binWidth)
                / Spectrum.density(before.power, at: frequency, halfWidth: 8, binWidth: binWidth)
            let design = 20 * Double.log10(filter.designGain(at: frequency))
            #expect(
                abs(dB(ratio) - design) < 1.0, "\(kind) at \(frequency) Hz: design \(design), measured \(dB(ratio))")
        }
    }

    /// Narrow filters ring longer on an impulse (a static crash) than wide ones.
    @Test func narrowFiltersRing() {
        func ringTime(_ kind: ReceiverFilterKind) -> Int {
            let filter = ReceiverFilter(kind: kind, centre: 700, sampleRate: Self.sampleRate)
            var impulse = [Float](repeating: 0, count: 4000)
            impulse[0] = 1
            impulse.withUnsafeMutableBufferPointer { filter.process($0) }
            let peak = impulse.map { abs($0) }.max() ?? 0
            return (impulse.lastIndex { abs($0) > peak / 100 } ?? 0)
        }
        let narrow = ringTime(.cwNarrow), wide = ringTime(.cwWide), ssb = ringTime(.ssb)
        #expect(narrow > wide && wide > ssb)
        #expect(Double(narrow) / Self.sampleRate > 0.010)
    }

    /// The lane-parallel run used by the chain equals the serial filter.
    @Test func laneRunEqualsSerialFilter() {
        let filter = ReceiverFilter(kind: .cwNarrow, centre: 700, sampleRate: Self.sampleRate)
        let count = 50_000, front = filter.memory
        var random = SeededGenerator(seed: 3)
        let input = (0..<count).map { _ in Float(random.nextGaussian()) }
        var serial = input
        serial.withUnsafeMutableBufferPointer { filter.process($0) }
        var padded = [Float](repeating: 0, count: front) + input + [Float](repeating: 0, count: 8)
        padded.withUnsafeMutableBufferPointer { buffer in
            filter.processInLanes(buffer.baseAddress! + front, count: count, available: front)
        }
        var worst: Float = 0
        for n in 0..<count { worst = max(worst, abs(padded[front + n] - serial[n])) }
        #expect(worst < 1e-5)
    }
}
