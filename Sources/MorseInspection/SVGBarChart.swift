import Foundation
import MorseDatasetFormat

/// A vertical bar chart as inline SVG: no scripts, no external files, so any browser shows it.
///
/// The chart is drawn in a fixed coordinate space (``designWidth`` units wide) and scaled to the
/// page width (`width="100%"`), so a few bars do not leave most of the page empty. The y-axis has
/// gridlines at nice numbers (1, 2 or 5 × 10ⁿ) and bars of value 0 are drawn as a thin
/// mark on the baseline, so an empty bin reads as 0 rather than as missing.
struct SVGBarChart {
    var title: String
    var bars: [(label: String, value: Double)]
    /// How a value is written above its bar.
    var format: (Double) -> String = { NumberFormat.decimal($0, places: 0) }
    /// Bar fill colour (CSS).
    var colour = "#3b6ea5"
    /// The smallest step between gridlines: 1 for counts, so no tick reads 0.5 clips.
    var smallestStep = 1.0

    /// Width of the drawing in SVG units; the page scales it to its own width.
    static let designWidth = 960.0
    static let plotHeight = 170.0
    /// Height of the mark drawn for a bar of value 0 (SVG units).
    static let zeroMark = 2.0

    var svg: String {
        let ticks = Self.ticks(upTo: bars.map(\.value).max() ?? 0, smallestStep: smallestStep)
        let axisTop = ticks.last ?? 1
        let tickLabels = ticks.map(tickLabel)
        let left = max(40, 12 + 6.2 * Double(tickLabels.map(\.count).max() ?? 1))
        let right = 12.0, top = 30.0, plotHeight = Self.plotHeight
        // Bars share the whole plot width (a slot each, the bar centred in it, at most 120 units
        // wide); with very many bars the drawing grows wider than the design width instead.
        let slot = max(4, (Self.designWidth - left - right) / Double(max(1, bars.count)))
        let barWidth = max(3, min(120, slot * 0.75))
        let width = max(Self.designWidth, left + right + slot * Double(bars.count))
        let longestLabel = Double(bars.map(\.label.count).max() ?? 0)
        let rotate = longestLabel * 6.1 > slot - 4
        let labelSpace = rotate ? 14 + 6.1 * min(18, longestLabel) * 0.72 : 18
        let height = top + plotHeight + labelSpace + 8
        let base = top + plotHeight
        func y(_ value: Double) -> Double { base - value / axisTop * plotHeight }
        let sans = "font-family=\"sans-serif\""

        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" style=\"max-width: \(Int(width * 1.5))px; height: auto\" role=\"img\" aria-label=\"\(escapeXML(title))\">"
        out += "<title>\(escapeXML(title))</title>"
        out +=
            "<text x=\"\(NumberFormat.decimal(left, places: 1))\" y=\"16\" font-size=\"13\" \(sans) font-weight=\"bold\">\(escapeXML(title))</text>"
        for (tick, label) in zip(ticks, tickLabels) {
            let ty = NumberFormat.decimal(y(tick), places: 1)
            if tick > 0 {
                out +=
                    "<line class=\"grid\" x1=\"\(NumberFormat.decimal(left, places: 1))\" y1=\"\(ty)\" x2=\"\(NumberFormat.decimal(width - right, places: 1))\" y2=\"\(ty)\" stroke=\"#ddd\"/>"
            }
            out +=
                "<line x1=\"\(NumberFormat.decimal(left - 4, places: 1))\" y1=\"\(ty)\" x2=\"\(NumberFormat.decimal(left, places: 1))\" y2=\"\(ty)\" stroke=\"#444\"/>"
            out +=
                "<text class=\"tick\" x=\"\(NumberFormat.decimal(left - 6, places: 1))\" y=\"\(NumberFormat.decimal(y(tick) + 3.5, places: 1))\" font-size=\"10\" \(sans) text-anchor=\"end\">\(escapeXML(label))</text>"
        }
        out +=
            "<line x1=\"\(NumberFormat.decimal(left, places: 1))\" y1=\"\(NumberFormat.decimal(top - 4, places: 1))\" x2=\"\(NumberFormat.decimal(left, places: 1))\" y2=\"\(NumberFormat.decimal(base, places: 1))\" stroke=\"#444\"/>"
        out +=
            "<line x1=\"\(NumberFormat.decimal(left, places: 1))\" y1=\"\(NumberFormat.decimal(base, places: 1))\" x2=\"\(NumberFormat.decimal(width - right, places: 1))\" y2=\"\(NumberFormat.decimal(base, places: 1))\" stroke=\"#444\"/>"
        for (index, bar) in bars.enumerated() {
            let x = left + Double(index) * slot + (slot - barWidth) / 2
            let value = bar.value.isFinite ? max(0, bar.value) : 0
            let tip = "<title>\(escapeXML(bar.label)): \(escapeXML(format(bar.value)))</title>"
            if value > 0 {
                let h = max(base - y(value), 0.5)
                out +=
                    "<rect class=\"bar\" x=\"\(NumberFormat.decimal(x, places: 1))\" y=\"\(NumberFormat.decimal(base - h, places: 1))\" width=\"\(NumberFormat.decimal(barWidth, places: 1))\" height=\"\(NumberFormat.decimal(h, places: 1))\" fill=\"\(colour)\">\(tip)</rect>"
            } else {
                // A bar of 0: a thin dark mark on the baseline, so the bin visibly exists.
                out +=
                    "<rect class=\"zero\" x=\"\(NumberFormat.decimal(x, places: 1))\" y=\"\(NumberFormat.decimal(base - Self.zeroMark, places: 1))\" width=\"\(NumberFormat.decimal(barWidth, places: 1))\" height=\"\(NumberFormat.decimal(Self.zeroMark, places: 1))\" fill=\"#222\">\(tip)</rect>"
            }
            let cx = x + barWidth / 2
            let valueText = format(bar.value)
            if bars.count <= 40 && Double(valueText.count) * 5.4 <= slot {
                let vy = value > 0 ? y(value) - 3 : base - Self.zeroMark - 3
                out +=
                    "<text class=\"value\" x=\"\(NumberFormat.decimal(cx, places: 1))\" y=\"\(NumberFormat.decimal(vy, places: 1))\" font-size=\"9\" \(sans) text-anchor=\"middle\">\(escapeXML(valueText))</text>"
            }
            if rotate {
                out +=
                    "<text x=\"\(NumberFormat.decimal(cx, places: 1))\" y=\"\(NumberFormat.decimal(base + 10, places: 1))\" font-size=\"10\" font-family=\"monospace\" text-anchor=\"end\" transform=\"rotate(-45 \(NumberFormat.decimal(cx, places: 1)) \(NumberFormat.decimal(base + 10, places: 1)))\">\(escapeXML(bar.label))</text>"
            } else {
                out +=
                    "<text x=\"\(NumberFormat.decimal(cx, places: 1))\" y=\"\(NumberFormat.decimal(base + 13, places: 1))\" font-size=\"10\" font-family=\"monospace\" text-anchor=\"middle\">\(escapeXML(bar.label))</text>"
            }
        }
        return out + "</svg>"
    }

    /// A tick value as text: as many decimals as the step between ticks needs.
    func tickLabel(_ value: Double) -> String {
        let ticks = Self.ticks(upTo: bars.map(\.value).max() ?? 0, smallestStep: smallestStep)
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        let decimals = step >= 1 ? 0 : min(6, Int((-log10(step)).rounded(.up)))
        return NumberFormat.decimal(value, places: decimals)
    }

    /// Gridline values from 0 to the first nice number at or above `highest`: a step of 1, 2 or
    /// 5 × 10ⁿ (at least `smallestStep`) giving two to five intervals, or fewer when the smallest
    /// step already reaches a small maximum.
    static func ticks(upTo highest: Double, smallestStep: Double = 0) -> [Double] {
        guard highest.isFinite, highest > 0 else { return [0, max(1, smallestStep)] }
        let rough = max(highest / 5, smallestStep)
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough * (1 - 1e-9) } ?? 10 * magnitude
        let intervals = Int((highest / step * (1 - 1e-12)).rounded(.up))
        return (0...max(1, intervals)).map { Double($0) * step }
    }
}

/// Text safe inside XML/HTML elements and attribute values.
func escapeXML(_ text: String) -> String {
    var out = ""
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(character)
        }
    }
    return out
}
