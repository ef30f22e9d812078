import MorseCode

/// A picture of one clip: its spectrogram around the tone, with every labelled character's start
/// and end drawn over it and its text written above, so a person can see that labels line up.
///
/// Layout, top to bottom: a title line, two rows of character labels, the spectrogram (highest
/// frequency at the top) and a time axis with a tick every second; right of the spectrogram, a
/// frequency axis with a tick and its value in Hz at round frequencies (``frequencyTicks``). One
/// column is one hop of the spectrogram, so time `t` seconds is at `x = round(t × pixelsPerSecond)`
/// (the axis on the right keeps that true). A character's start is a magenta column and its end
/// a cyan column through the whole spectrogram.
public struct ClipPreview: Sendable {
    public let spectrogram: Spectrogram
    /// Frequencies shown, in Hz.
    public let band: ClosedRange<Double>
    /// Dynamic range of the colour map in dB (the loudest point is yellow, this far below is dark).
    public var dynamicRange: Float = 60
    /// Image rows per frequency bin.
    public var rowsPerBin = 2

    /// Colours of the character markers.
    public static let startColour = RGB(255, 0, 255)
    public static let endColour = RGB(0, 255, 255)
    static let background = RGB(24, 24, 24)
    static let ink = RGB(240, 240, 240)

    /// Rows above the spectrogram: title (10) and two label rows (each 2 × 7 + 4).
    public static let spectrogramTop = 10 + 2 * 18 + 4
    /// Rows below the spectrogram for the time axis.
    static let axisHeight = 14
    /// Columns right of the spectrogram for the frequency axis: a 3-pixel tick, a 2-pixel gap and
    /// up to five digits of 6 pixels (24000 Hz) with room to spare; the unit `Hz` is written at its top.
    public static let frequencyAxisWidth = 40
    /// The least distance between two frequency ticks, in rows (labels are 7 rows high).
    static let tickSpacing = 20
    /// Tick steps in Hz, the finest that leaves ``tickSpacing`` rows between ticks is used.
    static let tickSteps: [Double] = [50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000]

    /// The longest audio drawn, in seconds: our longest clip. At 16 kHz that is 150,000 columns.
    public static let maximumDuration = 600.0

    /// A preview for clips at `sampleRate`, showing `tone ± 600 Hz` (or 0–2000 Hz without a tone,
    /// or with one above the Nyquist frequency, as a hand-edited row may state).
    public init(sampleRate: Double = 16_000, tone: Double? = nil) throws(PreviewError) {
        spectrogram = try Spectrogram(sampleRate: sampleRate)
        let nyquist = sampleRate / 2
        if let tone, !tone.isFinite { throw .tone(tone) }
        if let tone, tone > 0, tone < nyquist {
            band = max(0, tone - 600)...min(nyquist, tone + 600)
        } else {
            band = 0...min(2000, nyquist)
        }
    }

    /// Image columns per second of audio.
    public var pixelsPerSecond: Double { spectrogram.sampleRate / Double(spectrogram.hop) }

    /// The column of time `t` seconds; times far outside the clip (or NaN, from a hand-edited
    /// label) land off the image, where drawing ignores them.
    public func x(_ t: Double) -> Int {
        let column = (t * pixelsPerSecond).rounded()
        let offImage = Double(1 << 30)
        guard column.isFinite else { return column > 0 ? Int(offImage) : -Int(offImage) }
        return Int(max(-offImage, min(offImage, column)))
    }

    /// Rows of the spectrogram.
    public var spectrogramHeight: Int { spectrogram.bins(band).count * rowsPerBin }

    /// The image row of `frequency` (Hz): the middle of its bin's rows, interpolated between bin
    /// centres; nil outside the rows of the spectrogram (or not finite).
    public func y(_ frequency: Double) -> Int? {
        guard frequency.isFinite else { return nil }
        let bins = spectrogram.bins(band)
        let fromTop = (Double(bins.upperBound) - frequency / spectrogram.binWidth) * Double(rowsPerBin)
        let row = (fromTop + Double(rowsPerBin) / 2).rounded(.down)
        guard row >= 0, row < Double(spectrogramHeight) else { return nil }
        return Self.spectrogramTop + Int(row)
    }

    /// The frequency axis: round frequencies in the band (multiples of the finest step in
    /// ``tickSteps`` whose ticks are at least ``tickSpacing`` rows apart) and their rows, lowest first.
    public var frequencyTicks: [(hertz: Int, y: Int)] {
        let rowsPerHz = Double(rowsPerBin) / spectrogram.binWidth
        let step =
            Self.tickSteps.first { $0 * rowsPerHz >= Double(Self.tickSpacing) }
            ?? Self.tickSteps[Self.tickSteps.count - 1]
        var ticks: [(hertz: Int, y: Int)] = []
        var frequency = (band.lowerBound / step).rounded(.up) * step
        while frequency <= band.upperBound {
            if let row = y(frequency) { ticks.append((Int(frequency), row)) }
            frequency += step
        }
        return ticks
    }

    /// Renders the preview.
    /// - Parameters:
    ///   - samples: The clip, mono, at the spectrogram's sample rate.
    ///   - characters: Labelled characters with start and end in seconds from the start of the clip.
    ///   - title: A line drawn at the top (upper-cased; the built-in font has no lower case).
    /// - Throws: ``PreviewError/tooLong(seconds:)`` for audio over ``maximumDuration``, before
    ///   the image is allocated.
    public func render(_ samples: [Float], characters: [KeyedTimeline.Span], title: String) throws(PreviewError)
        -> RGBImage
    {
        let seconds = Double(samples.count) / spectrogram.sampleRate
        guard seconds <= Self.maximumDuration else { throw .tooLong(seconds: seconds) }
        let columns = spectrogram.frameCount(samples: samples.count)
        let top = Self.spectrogramTop
        let height = top + spectrogramHeight + Self.axisHeight
        var image = RGBImage(width: columns + Self.frequencyAxisWidth, height: height, colour: Self.background)
        image.draw(String(title.prefix(max(1, columns / 6))), x: 2, y: 1, colour: Self.ink)

        // Spectrogram, highest frequency on top.
        let powers = spectrogram.powers(samples, band: band)
        let loudest = powers.reduce(-Float.infinity) { max($0, $1.max() ?? -Float.infinity) }
        let bins = spectrogram.bins(band).count
        for (column, spectrum) in powers.enumerated() {
            for (bin, power) in spectrum.enumerated() {
                let level = max(0, min(1, (power - (loudest - dynamicRange)) / dynamicRange))
                let colour = ColourMap.viridis(level)
                let row = top + (bins - 1 - bin) * rowsPerBin
                for r in 0..<rowsPerBin { image.set(x: column, y: row + r, colour) }
            }
        }

        // Character markers and labels (each label in the first row where it does not overlap).
        var rowEnds = [Int.min, Int.min]
        for character in characters {
            let start = x(character.start), end = x(character.end)
            // Markers stay over the spectrogram: a time past the audio's end is not drawn on the axis.
            for y in top..<(top + spectrogramHeight) {
                if start < columns { image.set(x: start, y: y, Self.startColour) }
                if end < columns { image.set(x: end, y: y, Self.endColour) }
            }
            let label = character.text
            let scale = 2
            let labelWidth = BitmapFont.width(of: label) * scale
            let centre = (start + end) / 2
            let left = max(0, min(columns - labelWidth, centre - labelWidth / 2))
            let row = rowEnds[0] < left - 2 ? 0 : (rowEnds[1] < left - 2 ? 1 : (rowEnds[0] <= rowEnds[1] ? 0 : 1))
            let y = 11 + row * 18
            image.draw(label, x: left, y: y, colour: Self.ink, scale: scale)
            // A bracket under the label spanning the character.
            let from = max(0, start), to = min(end, columns - 1)
            if from < columns {
                image.fill(x: from, y: y + 15, width: max(1, to - from + 1), height: 1, colour: Self.startColour)
            }
            rowEnds[row] = left + labelWidth
        }

        // Frequency axis, right of the spectrogram: a tick and the value in Hz, centred on its row.
        for tick in frequencyTicks {
            image.fill(x: columns, y: tick.y, width: 3, height: 1, colour: Self.ink)
            image.draw(String(tick.hertz), x: columns + 5, y: tick.y - BitmapFont.height / 2, colour: Self.ink)
        }
        image.draw("Hz", x: columns + 5, y: top - BitmapFont.height - 2, colour: Self.ink)

        // Time axis: a tick and the number of seconds every second.
        let axis = top + spectrogramHeight
        var second = 0
        while x(Double(second)) < columns {
            let tick = x(Double(second))
            image.fill(x: tick, y: axis, width: 1, height: 4, colour: Self.ink)
            image.draw(String(second), x: tick + 2, y: axis + 5, colour: Self.ink)
            second += 1
        }
        return image
    }
}

/// An approximation of matplotlib's viridis colour map, by linear interpolation of nine stops.
enum ColourMap {
    static let stops: [(Float, Float, Float)] = [
        (68, 1, 84), (72, 40, 120), (62, 74, 137), (49, 104, 142), (38, 130, 142),
        (31, 158, 137), (53, 183, 121), (109, 205, 89), (253, 231, 37),
    ]

    /// The colour for `level` in 0...1 (dark blue-violet to yellow).
    static func viridis(_ level: Float) -> RGB {
        let position = max(0, min(1, level)) * Float(stops.count - 1)
        let index = min(stops.count - 2, Int(position))
        let f = position - Float(index)
        let a = stops[index], b = stops[index + 1]
        return RGB(UInt8(a.0 + (b.0 - a.0) * f), UInt8(a.1 + (b.1 - a.1) * f), UInt8(a.2 + (b.2 - a.2) * f))
    }
}
