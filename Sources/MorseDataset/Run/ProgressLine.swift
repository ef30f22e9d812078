/// The text of one progress redraw, fitted to a terminal width.
///
/// The richest form that fits is chosen: a bar of 10 to 30 cells with the full statistics, then
/// shorter statistics beside a bar, then statistics alone, down to the percentage; a terminal
/// narrower than that gets the percentage cut to fit. The line stays one column short of the
/// width, because writing the last column makes some terminals wrap before the next redraw.
struct ProgressLine: Sendable {
    var done: Int
    var total: Int
    var failed: Int
    /// Clips made per second of this run.
    var rate: Double
    /// Audio seconds made per second of this run.
    var audioRate: Double
    /// Seconds left at the current rate.
    var remaining: Double

    static let widestBar = 30
    static let narrowestBar = 10

    var fraction: Double { total == 0 ? 1 : min(1, max(0, Double(done) / Double(total))) }

    /// Statistics from the fullest to the shortest.
    var statistics: [String] {
        let percent = "\(Int(fraction * 100))%"
        let failures = failed > 0 ? ", \(failed) failed" : ""
        let eta = "ETA \(Self.clock(remaining))"
        return [
            "\(done)/\(total) clips \(percent)\(failures), \(Int(rate)) clips/s, \(Int(audioRate)) audio-s/s, \(eta)",
            "\(done)/\(total) \(percent)\(failures), \(Int(rate)) clips/s, \(eta)",
            "\(done)/\(total) \(percent)\(failures), \(eta)",
            "\(done)/\(total) \(percent)\(failures)",
            percent,
        ]
    }

    /// The plain form for logs: the full statistics, no bar.
    var plain: String { statistics[0] }

    /// The bar form in at most `columns − 1` characters (each character one column wide).
    func fitted(columns: Int) -> String {
        let room = max(0, columns - 1)
        let forms = statistics
        for text in forms.prefix(3) {
            let cells = min(Self.widestBar, room - text.count - 3)  // "[" + bar + "] "
            if cells >= Self.narrowestBar { return "[\(bar(cells: cells))] \(text)" }
        }
        if let text = forms.first(where: { $0.count <= room }) { return text }
        return String(forms[forms.count - 1].prefix(room))
    }

    func bar(cells: Int) -> String {
        let filled = Int(fraction * Double(cells))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: cells - filled)
    }

    static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "--:--" }
        let s = Int(min(seconds, 359_999).rounded())
        return s >= 3600 ? "\(s / 3600):\(pad2((s / 60) % 60)):\(pad2(s % 60))" : "\(s / 60):\(pad2(s % 60))"
    }

    private static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
