import MorseCode
import MorseSignal

/// The decoder's character error rate on clean renders (no channel): every speed and fist.
///
/// Each cell keys the same texts (contest-style, with prosigns and punctuation) with a fresh
/// operator per text, renders them with ``ToneRenderer`` at 16 kHz with a tone between 500 and
/// 900 Hz, and decodes them without telling the decoder the tone or the speed.
public struct DecoderBenchmark: Sendable {
    /// The texts keyed in every cell.
    public static let texts = [
        "CQ TEST DE K1ABC K1ABC <KN>", "5NN 14 DL1XYZ TU", "QRZ? W1AW/P 599 MA <AR>", "VK2DEF JA1ZZ 73 <SK>",
        "R 5NN 0123 ? AGN NR? = <BT> 12/3", "TEST G4ABC G4ABC", "UR RST 579 579 NAME JIM JIM", "F5XYZ 5NN 28 <BK>",
        "CQ CQ DE VE3ABC VE3ABC K", "TU 73 GL ES HPE CUAGN",
    ]

    /// One cell: a speed and a kind of fist.
    public struct Cell: Sendable, Hashable {
        public var wpm: Double
        public var fist: FistKind
        public var errors: Int
        public var symbols: Int
        public var cer: Double { Double(errors) / Double(max(1, symbols)) }
    }

    public let sloppiness: Double

    public init(sloppiness: Double = 0.5) {
        self.sloppiness = sloppiness
    }

    /// Decodes every text at `wpm` with `fist` and counts the errors.
    public func cell(wpm: Double, fist: FistKind) -> Cell {
        var errors = 0, symbols = 0
        for (index, text) in Self.texts.enumerated() {
            guard let parsed = try? MorseText(text) else { continue }
            var rng = SeededGenerator(seed: UInt64(index), stream: UInt64(wpm * 10))
            let timeline = Keyer(timing: MorseTiming(wpm: wpm), fist: Fist(kind: fist, sloppiness: sloppiness)).key(
                parsed, using: &rng)
            let tone = ToneParameters(frequency: 500 + 40 * Double(index), amplitude: 0.5, riseTime: 0.005)
            let samples = ToneRenderer(sampleRate: 16_000).render(timeline, tone: tone)
            let decoded = CWDecoder().decode(samples)
            let counted = CharacterErrorRate.errors(reference: text, hypothesis: decoded.text)
            errors += counted.errors
            symbols += counted.length
        }
        return Cell(wpm: wpm, fist: fist, errors: errors, symbols: symbols)
    }

    /// A Markdown table: one row per speed, one column per fist, CER in percent.
    public func table(speeds: [Double] = [15, 20, 25, 30, 35, 40], fists: [FistKind] = FistKind.allCases) -> [String] {
        var lines = [
            "| WPM | " + fists.map(\.rawValue).joined(separator: " | ") + " |",
            "| ---: |" + String(repeating: " ---: |", count: fists.count),
        ]
        var total = (errors: 0, symbols: 0)
        for wpm in speeds {
            let cells = fists.map { cell(wpm: wpm, fist: $0) }
            for cell in cells { total.errors += cell.errors; total.symbols += cell.symbols }
            lines.append(
                "| \(Int(wpm)) | "
                    + cells.map { percentText($0.cer) + " (\($0.errors)/\($0.symbols))" }.joined(separator: " | ")
                    + " |")
        }
        lines.append("")
        lines.append(
            "Overall: \(total.errors) errors in \(total.symbols) symbols (CER \(percentText(Double(total.errors) / Double(max(1, total.symbols))))), sloppiness \(sloppiness)."
        )
        return lines
    }

    func percentText(_ fraction: Double) -> String {
        let tenths = Int((fraction * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10) %"
    }
}
