import MorseCode
import Testing

@testable import MorseChannel

/// The span mixer skips key-up stretches; it must add exactly what the whole-range mixer adds.
@Suite("Path mixing")
struct PathMixerTests {
    @Test("mixing only over the marks equals mixing the whole stretch", arguments: [false, true])
    func spansEqualWholeRange(real: Bool) {
        let total = 6_000, pad = 64, block = 32, quarter = 5.7
        let spans = [300..<900, 960..<1_010, 2_500..<2_600, 4_000..<5_200]
        var seed = SeededGenerator(seed: 11)
        var random = FastRandom(seededFrom: &seed)
        var source = [Float](repeating: 0, count: total + pad)
        for span in spans { for n in span { source[n + pad] = Float(random.unit()) * 2 - 1 } }
        let controls = total / block + 2
        var gains = [Float](repeating: 0, count: 3 * 2 * controls)
        for index in gains.indices { gains[index] = Float(random.unit()) * 2 - 1 }
        let delays = [0, 17, 40]
        var whole = [Float](repeating: 0, count: total), mixed = whole
        source.withUnsafeBufferPointer { src in
            gains.withUnsafeBufferPointer { g in
                let base = g.baseAddress!
                var paths: [MixPath] = []
                for (p, delay) in delays.enumerated() {
                    let re: UnsafePointer<Float> = base + 2 * p * controls
                    let im: UnsafePointer<Float> = base + (2 * p + 1) * controls
                    paths.append(MixPath(delay: delay, real: real, gainsRe: re, gainsIm: im))
                }
                let limit = 0..<total
                whole.withUnsafeMutableBufferPointer { out in
                    PathMixer.addPaths(
                        paths, source: src.baseAddress! + pad, quarter: quarter, block: block,
                        range: limit, into: out.baseAddress!)
                }
                mixed.withUnsafeMutableBufferPointer { out in
                    PathMixer.addPaths(
                        paths, source: src.baseAddress! + pad, quarter: quarter, block: block,
                        spans: spans, reach: Int(quarter) + 2, limit: limit, into: out.baseAddress!)
                }
            }
        }
        let worst = zip(whole, mixed).map { abs($0 - $1) }.max() ?? 0
        #expect(worst < 1e-5, "largest difference \(worst)")
        #expect(whole.contains { $0 != 0 })
    }
}
