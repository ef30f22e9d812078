import Foundation
import MorseCode
import Testing

@testable import MorseChannel

/// The Watterson / ITU-R F.1487 channel against its design: Gaussian Doppler spectra of the
/// stated 2σ spread, independent Rayleigh taps of the stated powers, paths at the stated delays.
@Suite struct WattersonTests {
    /// F.1487 Table 1 (differential delay ms, frequency spread Hz) and CCIR 520 flutter, as cited.
    @Test func presetsAreTheRecommendationsTable() {
        let expected: [(WattersonProfile, Double, Double)] = [
            (.lowLatitudeQuiet, 0.5, 0.5), (.lowLatitudeModerate, 2, 1.5), (.lowLatitudeDisturbed, 6, 10),
            (.midLatitudeQuiet, 0.5, 0.1), (.midLatitudeModerate, 1, 0.5), (.midLatitudeDisturbed, 2, 1),
            (.midLatitudeDisturbedNVIS, 7, 1), (.highLatitudeQuiet, 1, 0.5), (.highLatitudeModerate, 3, 10),
            (.highLatitudeDisturbed, 7, 30), (.flutter, 0.5, 10),
        ]
        #expect(WattersonProfile.standard.count == expected.count)
        for (profile, delayMs, spread) in expected {
            #expect(profile.pathDelays == [0, delayMs / 1000], "\(profile.name)")
            #expect(profile.dopplerSpread == spread, "\(profile.name)")
            #expect(profile.pathPowers == [0.5, 0.5], "\(profile.name): two paths of equal mean power")
        }
    }

    /// A carrier through one fading path: the spectrum around it is the tap's Doppler spectrum.
    /// Its standard deviation is spread/2 (F.1487's 2σ), its kurtosis 3 (Gaussian; a Jakes
    /// spectrum gives 1.5, a flat one 1.8), and the mean power is kept.
    @Test(arguments: [0.5, 1.0, 10.0])
    func dopplerSpectrumIsGaussianWithTheDesignedSpread(spread: Double) {
        let sampleRate = 256.0, carrier = 64.0
        let segment = 16_384, segments = 24
        let count = segment * segments
        let input = (0..<count).map { Float(cos(2 * Double.pi * carrier * Double($0) / sampleRate)) }
        var channel = WattersonChannel(
            profile: WattersonProfile(name: "one path", pathDelays: [0], dopplerSpread: spread),
            sampleRate: sampleRate, lowestFrequency: 16)
        var rng = SeededGenerator(seed: 1487)
        let output = channel.apply(input, using: &rng)
        var density = [Double](repeating: 0, count: segment / 2 + 1)
        for s in 0..<segments {
            let bins = Spectrum.bins(Array(output[(s * segment)..<((s + 1) * segment)])).power
            for k in density.indices { density[k] += bins[k] / Double(segments) }
        }
        let binWidth = sampleRate / Double(segment)
        let sigma = spread / 2
        let halfWindow = min(5 * sigma, carrier - 2)
        var m0 = 0.0, m1 = 0.0
        for (k, p) in density.enumerated() where abs(Double(k) * binWidth - carrier) <= halfWindow {
            m0 += p
            m1 += p * Double(k) * binWidth
        }
        let centre = m1 / m0
        var m2 = 0.0, m4 = 0.0
        for (k, p) in density.enumerated() where abs(Double(k) * binWidth - carrier) <= halfWindow {
            let d = Double(k) * binWidth - centre
            m2 += p * d * d
            m4 += p * d * d * d * d
        }
        let measured = (m2 / m0).squareRoot()
        let kurtosis = (m4 / m0) / ((m2 / m0) * (m2 / m0))
        #expect(abs(centre - carrier) < 0.15 * sigma, "Doppler centre \(centre) Hz, carrier \(carrier) Hz")
        #expect(abs(2 * measured / spread - 1) < 0.1, "measured spread 2σ = \(2 * measured) Hz, designed \(spread) Hz")
        #expect(abs(kurtosis - 3) < 0.5, "spectral kurtosis \(kurtosis), Gaussian 3")
        let inputPower = 0.5, outputPower = output.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(count)
        #expect(abs(outputPower / inputPower - 1) < 0.12, "mean power kept: ratio \(outputPower / inputPower)")
    }

    /// Taps are independent complex Gaussian (Rayleigh) processes with the designed mean powers.
    @Test(arguments: [[1.0, 1.0], [3.0, 1.0]])
    func tapsAreIndependentRayleighWithTheDesignedPowers(relativePowers: [Double]) {
        let profile = WattersonProfile(
            name: "test", pathDelays: [0, 0.002], dopplerSpread: 1, pathPowers: relativePowers)
        var channel = WattersonChannel(profile: profile, sampleRate: 8000)
        var rng = SeededGenerator(seed: 520)
        let taps = channel.tapGains(points: 40_000, using: &rng)
        let total = relativePowers.reduce(0, +)
        var powers: [[Double]] = []
        for (path, tap) in taps.enumerated() {
            var power = [Double](repeating: 0, count: tap.re.count)
            for n in power.indices {
                let re = Double(tap.re[n]), im = Double(tap.im[n])
                power[n] = re * re + im * im
            }
            let mean = power.reduce(0, +) / Double(power.count)
            let designed = relativePowers[path] / total
            #expect(abs(mean / designed - 1) < 0.08, "path \(path): mean power \(mean), designed \(designed)")
            // Rayleigh: |g|² exponential, so P(|g|² < 0.1·mean) = 1 − e^{−0.1}.
            let deep = Double(power.filter { $0 < 0.1 * mean }.count) / Double(power.count)
            #expect(abs(deep - (1 - exp(-0.1))) < 0.02, "path \(path): fraction 10 dB down \(deep)")
            powers.append(power)
        }
        // Independence: complex cross-correlation and the correlation of the two powers near 0.
        let a = taps[0], b = taps[1]
        var cr = 0.0, ci = 0.0
        for n in a.re.indices {
            let ar = Double(a.re[n]), ai = Double(a.im[n]), br = Double(b.re[n]), bi = Double(b.im[n])
            cr += ar * br + ai * bi
            ci += ai * br - ar * bi
        }
        let norm = Double(a.re.count) * (mean(powers[0]) * mean(powers[1])).squareRoot()
        #expect(
            (cr * cr + ci * ci).squareRoot() / norm < 0.05,
            "tap cross-correlation \((cr * cr + ci * ci).squareRoot() / norm)")
        #expect(abs(correlation(powers[0], powers[1])) < 0.05, "power correlation \(correlation(powers[0], powers[1]))")
    }

    /// The power of the impulse response, averaged over realisations, peaks at the designed path
    /// delays with half the path's power there (the in-phase part; the quadrature part spreads over
    /// the Hilbert FIR's odd neighbours), nothing far from any path, and unit total energy.
    @Test func impulseResponseHasPathsAtTheDesignedDelays() {
        let sampleRate = 8000.0
        let profile = WattersonProfile(
            name: "three paths", pathDelays: [0, 0.002, 0.005], dopplerSpread: 1, pathPowers: [0.5, 0.3, 0.2])
        var channel = WattersonChannel(profile: profile, sampleRate: sampleRate)
        let length = 600, at = 150
        var input = [Float](repeating: 0, count: length)
        input[at] = 1
        var profilePower = [Double](repeating: 0, count: length)
        let realisations = 3000
        for seed in 0..<realisations {
            var rng = SeededGenerator(seed: UInt64(seed), stream: 1487)
            let output = channel.apply(input, using: &rng)
            for n in 0..<length { profilePower[n] += Double(output[n]) * Double(output[n]) / Double(realisations) }
        }
        let delays = [0, 16, 40]
        for (path, delay) in delays.enumerated() {
            let peak = profilePower[at + delay]
            #expect(abs(peak / (profile.pathPowers[path] / 2) - 1) < 0.1, "path \(path) at \(delay) samples: \(peak)")
            for offset in 1...3 {
                #expect(profilePower[at + delay + offset] < peak && profilePower[at + delay - offset] < peak)
            }
        }
        let far = (0..<length).filter { n in delays.allSatisfy { abs(n - at - $0) > 60 } }
        #expect(far.allSatisfy { profilePower[$0] < 1e-3 }, "energy away from every path")
        let energy = profilePower.reduce(0, +)
        #expect(abs(energy - 1) < 0.06, "total energy \(energy)")
    }

    /// The quadrature is the Hilbert transform across the audio band: cos in, sin out.
    @Test(arguments: [300.0, 700.0, 1500.0, 3500.0])
    func quadratureOfACosineIsTheSine(frequency: Double) {
        let sampleRate = 8000.0, count = 4000
        let channel = WattersonChannel(profile: .midLatitudeModerate, sampleRate: sampleRate)
        let x = (0..<count).map { Float(cos(2 * Double.pi * frequency * Double($0) / sampleRate)) }
        var q = [Float](repeating: 0, count: count)
        x.withUnsafeBufferPointer { source in
            q.withUnsafeMutableBufferPointer {
                WattersonChannel.hilbertTransform(
                    source.baseAddress!, count: count, taps: channel.hilbert, into: $0.baseAddress!)
            }
        }
        let middle = 1000..<3000
        let error =
            middle.map { abs(Double(q[$0]) - sin(2 * Double.pi * frequency * Double($0) / sampleRate)) }.max() ?? 1
        #expect(error < 0.01, "largest quadrature error at \(frequency) Hz: \(error)")
    }

    /// Nonsense parameters (NaN delay and power, negative spread, zero rate) give finite output
    /// instead of a trap: the stage never takes a clip down.
    @Test func nonsenseParametersGiveFiniteOutput() {
        let profile = WattersonProfile(
            name: "bad", pathDelays: [0, .nan, 1e9], dopplerSpread: -3, pathPowers: [1, .nan, 1])
        var channel = WattersonChannel(profile: profile, sampleRate: 0, lowestFrequency: .nan)
        var rng = SeededGenerator(seed: 1)
        let output = channel.apply((0..<2000).map { Float(sin(Double($0))) }, using: &rng)
        #expect(output.count == 2000 && output.allSatisfy(\.isFinite))
    }

    /// A realisation is a pure function of the generator; another generator gives another one.
    @Test func sameGeneratorSameRealisation() {
        var channel = WattersonChannel(profile: .midLatitudeDisturbed, sampleRate: 8000)
        let input = (0..<8000).map { Float(sin(Double($0) * 0.5)) }
        var a = SeededGenerator(seed: 3), b = SeededGenerator(seed: 3), c = SeededGenerator(seed: 4)
        let first = channel.apply(input, using: &a)
        #expect(first == channel.apply(input, using: &b))
        #expect(first != channel.apply(input, using: &c))
    }
}

private func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(max(1, x.count)) }

private func correlation(_ a: [Double], _ b: [Double]) -> Double {
    let ma = mean(a), mb = mean(b)
    var ab = 0.0, aa = 0.0, bb = 0.0
    for i in 0..<min(a.count, b.count) {
        ab += (a[i] - ma) * (b[i] - mb)
        aa += (a[i] - ma) * (a[i] - ma)
        bb += (b[i] - mb) * (b[i] - mb)
    }
    return ab / (aa * bb).squareRoot()
}
