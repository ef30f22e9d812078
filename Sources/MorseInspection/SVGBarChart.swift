import MorseDatasetFormat

/// A vertical bar chart as inline SVG: no scripts, no external files, so any browser shows it.
struct SVGBarChart {
    var title: String
    var bars: [(label: String, value: Double)]
    /// How a value is written above its bar.
    var format: (Double) -> String = { NumberFormat.decimal($0, places: 0) }
    /// Bar fill colour (CSS).
    var colour = "#3b6ea5"

    var svg: String {
        let barWidth = bars.count > 30 ? 16.0 : 28.0
        let gap = 4.0
        let rotate = bars.count > 10 || (bars.map(\.label.count).max() ?? 0) > 4
        let labelSpace = rotate ? 12 + 6.5 * Double(min(18, bars.map(\.label.count).max() ?? 0)) * 0.72 : 18
        let left = 44.0, top = 28.0, plotHeight = 160.0
        let width = max(360, left + Double(bars.count) * (barWidth + gap) + 16)
        let height = top + plotHeight + labelSpace + 8
        let highest = max(bars.map(\.value).max() ?? 0, 1e-12)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(escapeXML(title))\">"
        out += "<title>\(escapeXML(title))</title>"
        out += "<text x=\"\(Int(left))\" y=\"16\" font-size=\"13\" font-family=\"sans-serif\" font-weight=\"bold\">\(escapeXML(title))</text>"
        let base = top + plotHeight
        out += "<line x1=\"\(Int(left) - 2)\" y1=\"\(base)\" x2=\"\(Int(width) - 8)\" y2=\"\(base)\" stroke=\"#444\"/>"
        out += "<text x=\"\(Int(left) - 6)\" y=\"\(top + 4)\" font-size=\"10\" font-family=\"sans-serif\" text-anchor=\"end\">\(escapeXML(format(highest)))</text>"
        out += "<text x=\"\(Int(left) - 6)\" y=\"\(base)\" font-size=\"10\" font-family=\"sans-serif\" text-anchor=\"end\">0</text>"
        for (index, bar) in bars.enumerated() {
            let x = left + Double(index) * (barWidth + gap)
            let h = bar.value / highest * plotHeight
            out += "<rect class=\"bar\" x=\"\(NumberFormat.decimal(x, places: 1))\" y=\"\(NumberFormat.decimal(base - h, places: 1))\" width=\"\(NumberFormat.decimal(barWidth, places: 1))\" height=\"\(NumberFormat.decimal(h, places: 1))\" fill=\"\(colour)\">"
            out += "<title>\(escapeXML(bar.label)): \(escapeXML(format(bar.value)))</title></rect>"
            if bars.count <= 30 && bar.value > 0 {
                out += "<text x=\"\(NumberFormat.decimal(x + barWidth / 2, places: 1))\" y=\"\(NumberFormat.decimal(base - h - 3, places: 1))\" font-size=\"9\" font-family=\"sans-serif\" text-anchor=\"middle\">\(escapeXML(format(bar.value)))</text>"
            }
            let cx = x + barWidth / 2
            if rotate {
                out += "<text x=\"\(NumberFormat.decimal(cx, places: 1))\" y=\"\(NumberFormat.decimal(base + 10, places: 1))\" font-size=\"10\" font-family=\"monospace\" text-anchor=\"end\" transform=\"rotate(-45 \(NumberFormat.decimal(cx, places: 1)) \(NumberFormat.decimal(base + 10, places: 1)))\">\(escapeXML(bar.label))</text>"
            } else {
                out += "<text x=\"\(NumberFormat.decimal(cx, places: 1))\" y=\"\(NumberFormat.decimal(base + 13, places: 1))\" font-size=\"10\" font-family=\"monospace\" text-anchor=\"middle\">\(escapeXML(bar.label))</text>"
            }
        }
        return out + "</svg>"
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
