import MorseDatasetFormat

/// A self-contained HTML report of a dataset: summary, every distribution as an inline SVG bar
/// chart, and the reference decoder's character error rate by SNR band. No scripts or external
/// files, so it opens offline in any browser.
public struct HTMLReport: Sendable {
    public var title: String
    public var profile: DatasetProfile
    public var decoder: DecoderSurveyResult?

    public init(title: String, profile: DatasetProfile, decoder: DecoderSurveyResult?) {
        self.title = title
        self.profile = profile
        self.decoder = decoder
    }

    public var html: String {
        var body = "<h1>\(escapeXML(title))</h1>\n"
        body += "<table class=\"summary\">"
        body += row("Clips", "\(profile.clips)")
        body += row("Morse clips", "\(profile.clips - profile.noiseOnly)")
        body += row("Noise-only clips", "\(profile.noiseOnly)")
        body += row("Audio", NumberFormat.decimal(profile.totalDuration / 3600, places: 3) + " h")
        body += row("Symbols in transcripts", "\(profile.symbolCount)")
        body += "</table>\n"
        if let decoder {
            body += "<h2>Reference decoder: character error rate by SNR</h2>\n"
            body +=
                "<p>The classical decoder (<code>morse-dataset decode</code>) on \(decoder.overall.clips) clips: CER \(escapeXML(percent(decoder.overall.cer))). A trained model must beat this baseline.</p>\n"
            body +=
                "<table class=\"cer\"><tr><th>SNR (500 Hz)</th><th>clips</th><th>symbols</th><th>errors</th><th>CER</th></tr>"
            for (band, tally) in decoder.bySNRBand {
                body +=
                    "<tr><td>\(escapeXML(band))</td><td>\(tally.clips)</td><td>\(tally.symbols)</td><td>\(tally.errors)</td><td>\(escapeXML(percent(tally.cer)))</td></tr>"
            }
            body += "</table>\n"
            let chart = SVGBarChart(
                title: "Decoder CER by SNR band (%)", bars: decoder.bySNRBand.map { ($0.band, $0.tally.cer * 100) },
                format: { NumberFormat.decimal($0, places: 1) }, colour: "#b5523b", smallestStep: 0)
            body += "<figure>\(chart.svg)</figure>\n"
        }
        body += "<h2>Distributions</h2>\n"
        for distribution in profile.distributions where !distribution.bins.isEmpty {
            let chart = SVGBarChart(
                title: "\(distribution.title), n = \(distribution.total)",
                bars: distribution.bins.map { ($0.label, Double($0.count)) })
            body += "<figure>\(chart.svg)</figure>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(escapeXML(title))</title>
            <style>
            body { font-family: sans-serif; margin: 2em; color: #222; }
            figure { margin: 1em 0; overflow-x: auto; }
            figure svg { display: block; width: 100%; min-width: 640px; height: auto; }
            table { border-collapse: collapse; margin: 0.5em 0; }
            td, th { border: 1px solid #ccc; padding: 2px 8px; text-align: right; }
            td:first-child, th:first-child { text-align: left; }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    private func row(_ name: String, _ value: String) -> String {
        "<tr><td>\(escapeXML(name))</td><td>\(escapeXML(value))</td></tr>"
    }
}
