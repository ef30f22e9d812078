import Foundation
import MorseDatasetFormat
import Testing

@testable import MorseInspection

@Suite("HTML chart axes, preview font, clip lookup")
struct ChartAndLookupTests {
    /// Gridlines at 1, 2 or 5 × 10ⁿ from 0 to the first at or above the maximum; counts never get
    /// fractional steps.
    @Test(
        arguments: [
            (160.0, 1.0, [0.0, 50, 100, 150, 200]), (3, 1, [0, 1, 2, 3]), (1, 1, [0, 1]),
            (47, 1, [0, 10, 20, 30, 40, 50]),
            (17.6, 0, [0, 5, 10, 15, 20]), (100, 0, [0, 20, 40, 60, 80, 100]), (0.37, 0, [0, 0.1, 0.2, 0.3, 0.4]),
            (0, 1, [0, 1]),
        ] as [(Double, Double, [Double])])
    func niceTicks(highest: Double, smallestStep: Double, expected: [Double]) {
        let ticks = SVGBarChart.ticks(upTo: highest, smallestStep: smallestStep)
        #expect(ticks.count == expected.count && zip(ticks, expected).allSatisfy { abs($0 - $1) < 1e-9 }, "\(ticks)")
    }

    /// The y-axis has a label per tick; a 0 bar is a visible mark; the chart scales to the page.
    @Test func chartHasTicksZeroMarksAndFillsThePage() throws {
        let chart = SVGBarChart(title: "t", bars: [("a", 160), ("b", 0), ("c", 20)])
        let svg = chart.svg
        let labels = svg.components(separatedBy: "class=\"tick\"").dropFirst().map {
            $0.split(separator: ">")[1].split(separator: "<")[0]
        }
        #expect(labels == ["0", "50", "100", "150", "200"])
        #expect(svg.contains("width=\"100%\"") && svg.contains("viewBox=\"0 0 960 "))
        let zero = try #require(svg.range(of: "<rect class=\"zero\""))
        let height = svg[zero.upperBound...].split(separator: "height=\"")[1].split(separator: "\"")[0]
        #expect((Double(height) ?? 0) >= 1, "a 0 bar is \(height) units high")
        // Bars spread over the width: the last bar's centre is in the right third of the drawing.
        let lastBar = try #require(svg.ranges(of: "<rect class=").last)
        let x = Double(svg[lastBar.upperBound...].split(separator: "x=\"")[1].split(separator: "\"")[0]) ?? 0
        #expect(x > 640, "the last bar starts at \(x) of 960")
    }

    /// Lower-case letters have their own glyphs, so titles and paths keep their case.
    @Test func lowerCaseGlyphs() {
        for scalar in UnicodeScalar("a").value...UnicodeScalar("z").value {
            let character = Character(UnicodeScalar(scalar) ?? "a")
            let lower = BitmapFont.glyphs[character]
            #expect(lower != nil, "no glyph for \(character)")
            #expect(
                lower != BitmapFont.glyphs[Character(character.uppercased())], "\(character) is drawn as upper case")
        }
        var image = RGBImage(width: 12, height: 8, colour: RGB(0, 0, 0))
        var upper = image
        image.draw("a", x: 0, y: 0, colour: RGB(255, 255, 255))
        upper.draw("A", x: 0, y: 0, colour: RGB(255, 255, 255))
        #expect(image != upper)
    }

    /// An id that is not in the dataset is refused with the range of valid ids.
    @Test(arguments: [9999, -1, 16])
    func unknownIdStatesTheValidRange(id: Int) throws {
        let clips = try metadataLines(Fixture.dataset).count
        #expect(
            throws: InspectionError.unknownClip(
                id: id, path: Fixture.dataset + "/metadata.csv", listed: clips, ids: 0...(clips - 1))
        ) {
            try LabelledClip.find(id: id, root: Fixture.dataset)
        }
        do {
            _ = try LabelledClip.find(id: id, root: Fixture.dataset)
        } catch {
            #expect(
                error.description.contains("valid ids are 0 to \(clips - 1) (\(clips) clips)"), "\(error.description)")
        }
        #expect(try LabelledClip.find(id: clips - 1, root: Fixture.dataset).row.id == clips - 1)
    }
}
