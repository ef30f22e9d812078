import MorseDatasetFormat
import Testing

@testable import MorseDataset

@Suite struct ProgressLineTests {
    static let lines = [
        ProgressLine(done: 412, total: 1000, failed: 0, rate: 651.3, audioRate: 8620.4, remaining: 0.9),
        ProgressLine(
            done: 41_234_567, total: 100_000_000, failed: 12_345, rate: 712, audioRate: 9321, remaining: 82_700),
        ProgressLine(done: 0, total: 0, failed: 0, rate: 0, audioRate: 0, remaining: 0),
        ProgressLine(done: 5, total: 10, failed: 1, rate: 0, audioRate: 0, remaining: .infinity),
    ]

    /// The line never reaches the last column, at any width, for small and huge counts.
    @Test(arguments: lines)
    func neverWiderThanTheTerminal(line: ProgressLine) {
        for columns in 1...200 {
            let text = line.fitted(columns: columns)
            #expect(text.count <= max(0, columns - 1), "\(columns) columns: \(text.count) characters: \(text)")
            #expect(!text.contains("\n") && !text.contains("\r"))
        }
    }

    /// At 80 columns the bar and every statistic fit; at 60 the bar stays with shorter text;
    /// at 120 the bar has its full 30 cells.
    @Test func richestFormThatFits() {
        let line = Self.lines[0]
        let at80 = line.fitted(columns: 80)
        #expect(at80.hasPrefix("[") && at80.contains("audio-s/s") && at80.contains("ETA 0:01"), "\(at80)")
        let at60 = line.fitted(columns: 60)
        #expect(at60.hasPrefix("[") && at60.contains("clips/s") && !at60.contains("audio-s/s"), "\(at60)")
        let at120 = line.fitted(columns: 120)
        #expect(at120.filter { $0 == "█" || $0 == "░" }.count == ProgressLine.widestBar, "\(at120)")
        #expect(line.fitted(columns: 20) == "412/1000 41%")
        #expect(line.fitted(columns: 4) == "41%")
        #expect(line.fitted(columns: 3) == "41")
    }

    /// Failures stay visible as long as any statistics do.
    @Test func failuresAreShownWhileTheyFit() {
        let line = Self.lines[3]
        for columns in [40, 60, 80, 120] { #expect(line.fitted(columns: columns).contains("1 failed"), "\(columns)") }
        #expect(line.fitted(columns: 60).contains("ETA --:--"))
    }

    @Test(arguments: [(0.0, 0), (0.5, 10), (1.0, 20)])
    func barFillsInProportion(fraction: Double, filled: Int) {
        let line = ProgressLine(done: Int(fraction * 100), total: 100, failed: 0, rate: 1, audioRate: 1, remaining: 1)
        let bar = line.bar(cells: 20)
        #expect(bar.filter { $0 == "█" }.count == filled && bar.count == 20)
    }

    @Test func terminalWidthFallsBackToColumnsThen80() {
        // Under `swift test` stderr and stdout are usually pipes; then COLUMNS decides.
        let columns = ProgressReporter.terminalColumns(environment: ["COLUMNS": "97"])
        let fallback = ProgressReporter.terminalColumns(environment: [:])
        if fallback == 80 { #expect(columns == 97) }
        #expect(ProgressReporter.terminalColumns(environment: ["COLUMNS": "junk"]) == fallback)
    }
}
