import MorseCode
import MorseSignal
import Testing

@testable import MorseChannel

/// The SNR is measured from the rendered wanted signal and the rendered noise, apart.
@Suite struct SNRTests {
    static let sampleRate = 16_000.0

    @Test(arguments: [-10.0, -5, 0, 5, 10, 20, 30, 40], [NoiseColour.white, .pink])
    func measuredSNRMatchesRequest(snr: Double, colour: NoiseColour) {
        var chain = ReceiverChain(sampleRate: Self.sampleRate)
        var rng = SeededGenerator(seed: UInt64(1000 + snr + (colour == .pink ? 100 : 0)))
        let parameters = plainParameters(snr: snr, colour: colour, tone: 650)
        let wanted = parameters.wantedStation(timeline: carrier(from: 0.2, to: 3.9))
        let stages = chain.renderStages(
            wanted: wanted, interferers: [], parameters: parameters, sampleCount: 65_536, using: &rng)
        // Carrier power from the steady key-down part of the wanted signal alone.
        let carrierPower = meanSquare(stages.wanted[Int(0.5 * Self.sampleRate)..<Int(3.5 * Self.sampleRate)])
        let expectedCarrier = ReceiverChain.referenceCarrierAmplitude * ReceiverChain.referenceCarrierAmplitude / 2
        #expect(abs(dB(carrierPower / expectedCarrier)) < 0.05)
        // Noise power by FFT in 500 Hz and 2500 Hz about the tone (the 2500 Hz band slides to 0–2500 Hz).
        let noise500 = Spectrum.bandPower(stages.noise, band: 400...900, sampleRate: Self.sampleRate)
        let noise2500 = Spectrum.bandPower(stages.noise, band: 0...2500, sampleRate: Self.sampleRate)
        let measured500 = dB(carrierPower / noise500), measured2500 = dB(carrierPower / noise2500)
        #expect(abs(measured500 - snr) < 0.5, "500 Hz: expected \(snr), measured \(measured500)")
        #expect(
            abs(measured2500 - stages.report.snr2500) < 0.5,
            "2500 Hz: expected \(stages.report.snr2500), measured \(measured2500)")
        #expect(stages.report.snr500 == snr)
        if colour == .white {
            #expect(abs(stages.report.snr2500 - (snr - dB(5))) < 0.01)
        } else {
            // Pink noise is heavier below the tone, so the 0–2500 Hz band holds relatively more.
            #expect(stages.report.snr2500 < snr - dB(5) - 1)
        }
    }

    @Test func antennaIsTheSumOfItsParts() {
        var chain = ReceiverChain(sampleRate: Self.sampleRate)
        var rng = SeededGenerator(seed: 5)
        var parameters = plainParameters(snr: 10)
        parameters.qrnRate = 2
        parameters.qrnStrength = 15
        parameters.interferers = [InterfererParameters(toneOffset: 150, level: -6)]
        var keyRandom = SeededGenerator(seed: 6)
        let qrm = parameters.interferingStations(texts: [morse("CQ TEST DE K1ABC")], using: &keyRandom)
        let stages = chain.renderStages(
            wanted: parameters.wantedStation(timeline: carrier(from: 0.1, to: 1.5)), interferers: qrm,
            parameters: parameters, sampleCount: 32_000, using: &rng)
        var worst: Float = 0
        for n in 0..<stages.antenna.count {
            let sum = stages.wanted[n] + stages.interference[n] + stages.noise[n] + stages.qrn[n]
            worst = max(worst, abs(sum - stages.antenna[n]))
        }
        #expect(worst < 1e-5)
        #expect(meanSquare(stages.interference[...]) > 0)
        #expect(meanSquare(stages.qrn[...]) > 0)
    }

    @Test func interfererLevelIsRelativeToTheWantedCarrier() {
        var chain = ReceiverChain(sampleRate: Self.sampleRate)
        var rng = SeededGenerator(seed: 8)
        let parameters = plainParameters(snr: 15)
        let station = StationSignal(
            timeline: carrier(from: 0.1, to: 1.9), tone: ToneParameters(frequency: 900), fading: .none, level: -9)
        let stages = chain.renderStages(
            wanted: parameters.wantedStation(timeline: carrier(from: 0.1, to: 1.9)), interferers: [station],
            parameters: parameters, sampleCount: 32_000, using: &rng)
        let ratio = dB(meanSquare(stages.interference[8000..<24000]) / meanSquare(stages.wanted[8000..<24000]))
        #expect(abs(ratio - -9) < 0.05)
    }
}
