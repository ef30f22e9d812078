import Foundation
import MorseCode
import Testing

@testable import MorseInspection

/// The preview's frequency axis: ticks at round frequencies, each on the row where that
/// frequency is drawn, with every label inside the image.
@Suite struct PreviewAxisTests {
    /// One second of a pure tone at `frequency` Hz.
    func tone(_ frequency: Double, sampleRate: Double) -> [Float] {
        (0..<Int(sampleRate)).map { Float(0.5 * sin(2 * Double.pi * frequency * Double($0) / sampleRate)) }
    }

    /// The spectrogram row (image y) with the brightest pixel in `column`, by the colour map's
    /// green channel (viridis rises in green from dark to yellow).
    func brightestRow(_ image: RGBImage, column: Int, preview: ClipPreview) -> Int {
        let rows = ClipPreview.spectrogramTop..<(ClipPreview.spectrogramTop + preview.spectrogramHeight)
        return rows.max { image.pixel(x: column, y: $0).green < image.pixel(x: column, y: $1).green } ?? -1
    }

    /// A tone lands on the row its frequency's tick would have; the tick of a round tone is on
    /// that very row, drawn in ink.
    @Test(arguments: [(16_000.0, 1000.0), (16_000.0, 700.0), (8_000.0, 1200.0), (48_000.0, 2000.0)])
    func aToneLinesUpWithItsTick(sampleRate: Double, frequency: Double) throws {
        let preview = try ClipPreview(sampleRate: sampleRate, tone: frequency)
        let image = try preview.render(tone(frequency, sampleRate: sampleRate), characters: [], title: "")
        let expected = try #require(preview.y(frequency))
        let columns = image.width - ClipPreview.frequencyAxisWidth
        for column in stride(from: columns / 4, to: 3 * columns / 4, by: max(1, columns / 16)) {
            let row = brightestRow(image, column: column, preview: preview)
            #expect(abs(row - expected) <= preview.rowsPerBin, "column \(column): row \(row), tone at \(expected)")
        }
        if let tick = preview.frequencyTicks.first(where: { Double($0.hertz) == frequency }) {
            #expect(tick.y == expected)
            #expect(image.pixel(x: columns, y: tick.y) == ClipPreview.ink)
            #expect(image.pixel(x: columns + 2, y: tick.y) == ClipPreview.ink)
        } else {
            // 700 Hz is between two ticks: its row is between theirs, in proportion.
            let below = try #require(preview.frequencyTicks.last { Double($0.hertz) < frequency })
            let above = try #require(preview.frequencyTicks.first { Double($0.hertz) > frequency })
            let share = (frequency - Double(below.hertz)) / Double(above.hertz - below.hertz)
            let between = Double(below.y) + share * Double(above.y - below.y)
            #expect(abs(Double(expected) - between) <= 1)
        }
    }

    /// Ticks are round (multiples of one step), inside the band, top-to-bottom in falling
    /// frequency, at least 20 rows apart, and the step is the finest that allows that.
    @Test(arguments: [8_000.0, 16_000.0, 22_050.0, 48_000.0])
    func ticksAreRoundAndSpaced(sampleRate: Double) throws {
        for tone in [nil, 300, 700, sampleRate / 2 - 50] as [Double?] {
            let preview = try ClipPreview(sampleRate: sampleRate, tone: tone)
            let ticks = preview.frequencyTicks
            #expect(ticks.count >= 2, "\(sampleRate) Hz, tone \(tone ?? 0): \(ticks.map(\.hertz))")
            let steps = Set(zip(ticks, ticks.dropFirst()).map { $1.hertz - $0.hertz })
            #expect(steps.count == 1)
            let step = try #require(steps.first)
            #expect(ClipPreview.tickSteps.contains(Double(step)))
            #expect(ticks.allSatisfy { $0.hertz % step == 0 && preview.band.contains(Double($0.hertz)) })
            #expect(zip(ticks, ticks.dropFirst()).allSatisfy { $0.y - $1.y >= ClipPreview.tickSpacing })
            let rowsPerHz = Double(preview.rowsPerBin) / preview.spectrogram.binWidth
            if let finer = ClipPreview.tickSteps.last(where: { $0 < Double(step) }) {
                #expect(finer * rowsPerHz < Double(ClipPreview.tickSpacing))
            }
        }
    }

    /// Every tick's label and the unit are drawn whole inside the image, in the axis columns,
    /// and the axis holds ink only at tick rows (± half a glyph) and the unit's rows.
    @Test(arguments: [(8_000.0, 3_950.0), (16_000.0, 100.0), (48_000.0, 23_900.0), (16_000.0, 0.0)])
    func labelsFitInsideTheImage(sampleRate: Double, tone: Double) throws {
        let preview = try ClipPreview(sampleRate: sampleRate, tone: tone)
        let image = try preview.render([Float](repeating: 0, count: Int(sampleRate / 4)), characters: [], title: "")
        let columns = image.width - ClipPreview.frequencyAxisWidth
        var labelled = Set<Int>()
        for tick in preview.frequencyTicks {
            let top = tick.y - BitmapFont.height / 2
            #expect(top >= 0 && top + BitmapFont.height <= image.height)
            #expect(columns + 5 + BitmapFont.width(of: String(tick.hertz)) <= image.width)
            labelled.formUnion(top..<(top + BitmapFont.height))
        }
        let unitTop = ClipPreview.spectrogramTop - BitmapFont.height - 2
        labelled.formUnion(unitTop..<(unitTop + BitmapFont.height))
        let axisRows = 0..<(ClipPreview.spectrogramTop + preview.spectrogramHeight)
        for y in axisRows {
            let inked = (columns..<image.width).contains { image.pixel(x: $0, y: y) == ClipPreview.ink }
            if inked { #expect(labelled.contains(y), "ink at row \(y) away from every tick") }
        }
        #expect(
            labelled.contains { y in (columns..<image.width).contains { image.pixel(x: $0, y: y) == ClipPreview.ink } })
    }

    @Test func frequenciesOutsideTheBandHaveNoRow() throws {
        let preview = try ClipPreview(sampleRate: 16_000, tone: 700)
        #expect(preview.y(.nan) == nil && preview.y(-.infinity) == nil)
        #expect(preview.y(5_000) == nil && preview.y(-10) == nil)
        let rows = ClipPreview.spectrogramTop..<(ClipPreview.spectrogramTop + preview.spectrogramHeight)
        #expect(preview.y(preview.band.upperBound).map(rows.contains) == true)
        #expect(preview.y(preview.band.lowerBound).map(rows.contains) == true)
        let low = try #require(preview.y(preview.band.lowerBound)),
            high = try #require(preview.y(preview.band.upperBound))
        #expect(low > high, "lower frequencies are drawn lower")
    }
}
