import MorseCode
import RealModule

/// The shape of a keying edge, from key-up (0) to key-down (1).
///
/// Both shapes are point-symmetric about their midpoint, where they pass 0.5, so a mark measured
/// between the 50 % points of its envelope is exactly as long as the timeline says.
public enum EnvelopeShape: String, CaseIterable, Codable, Sendable {
    /// `0.5 − 0.5 cos(πx)`: the usual shaped keying.
    case raisedCosine = "raised-cosine"
    /// The running integral of a 4-term Blackman–Harris window: a softer edge with less splatter.
    case blackmanHarris = "blackman-harris"

    /// Envelope value at `x` in [0, 1] of the edge.
    public func value(at x: Double) -> Double {
        let x = min(max(x, 0), 1)
        switch self {
        case .raisedCosine:
            return 0.5 - 0.5 * Double.cos(Double.pi * x)
        case .blackmanHarris:
            let (a0, a1, a2, a3) = (0.35875, 0.48829, 0.14128, 0.01168)
            let w = 2 * Double.pi * x
            let integral =
                a0 * x - a1 * Double.sin(w) / (2 * .pi) + a2 * Double.sin(2 * w) / (4 * .pi) - a3 * Double.sin(3 * w)
                / (6 * .pi)
            return integral / a0
        }
    }

    /// A table of the edge sampled at `count` + 1 evenly spaced points, for fast interpolation.
    func table(count: Int) -> [Float] {
        (0...count).map { Float(value(at: Double($0) / Double(count))) }
    }
}
