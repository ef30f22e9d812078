import MorseCode
import MorseDatasetFormat
import MorseDecoder

/// Distributions over a dataset's clips, gathered in one streaming pass over `metadata.csv`.
public struct DatasetProfile: Sendable {
    public private(set) var clips = 0
    public private(set) var noiseOnly = 0
    /// Total audio in seconds.
    public private(set) var totalDuration = 0.0
    var duration = BinnedCounts(width: 2)
    var wpm = BinnedCounts(width: 5)
    var snr = BinnedCounts(width: 5)
    var tone = BinnedCounts(width: 50)
    var conditions = NamedCounts()
    var contests = NamedCounts()
    var sampleTypes = NamedCounts()
    var fists = NamedCounts()
    var splits = NamedCounts()
    var symbols = NamedCounts()
    /// Symbols in every transcript (characters, prosigns and word spaces not counted).
    public private(set) var symbolCount = 0

    public init() {}

    /// Adds one clip.
    public mutating func add(_ row: MetadataRow) {
        clips += 1
        totalDuration += row.duration
        duration.add(row.duration)
        splits.add(row.split)
        conditions.add(row.condition)
        if row.isNoiseOnly {
            noiseOnly += 1
            return
        }
        wpm.add(row.wpm)
        if let snr500 = row.snr500 { snr.add(snr500) }
        if let frequency = row.tone { tone.add(frequency) }
        contests.add(row.contestType)
        sampleTypes.add(row.sampleType)
        fists.add(row.fist)
        for symbol in CharacterErrorRate.symbols(row.text) where symbol != " " {
            symbols.add(symbol)
            symbolCount += 1
        }
    }

    /// Every distribution, in the order the report shows them.
    public var distributions: [Distribution] {
        [
            splits.distribution("Split sizes (clips)", order: DatasetSplit.allCases.map(\.name)),
            duration.distribution("Duration (s)"),
            wpm.distribution("Character speed (WPM)"),
            snr.distribution("SNR in 500 Hz (dB)"),
            tone.distribution("Tone (Hz)"),
            conditions.distribution("Condition"),
            contests.distribution("Contest"),
            sampleTypes.distribution("Sample type"),
            fists.distribution("Fist", order: FistKind.allCases.map(\.rawValue)),
            symbols.distribution("Symbols (frequency of every character and prosign)", order: Self.symbolOrder),
        ]
    }

    /// Letters, digits, punctuation, then prosigns, as the alphabet lists them (canonical spellings).
    static let symbolOrder: [String] = {
        var order: [String] = []
        for (character, pattern) in MorseAlphabet.characters {
            let text = MorseAlphabet.symbol(matching: MorsePattern(pattern))?.text ?? String(character)
            if !order.contains(text) { order.append(text) }
        }
        for (name, _) in MorseAlphabet.prosigns where !order.contains("<\(name)>") { order.append("<\(name)>") }
        return order
    }()

    /// Reads `metadata.csv` of the dataset at `root`; also returns the rows `survey` selects.
    public static func read(root: String, survey: DecoderSurvey?) throws(InspectionError) -> (
        DatasetProfile, [MetadataRow]
    ) {
        let files = DatasetLayout(reading: root)
        var profile = DatasetProfile()
        var selected: [MetadataRow] = []
        var bad: (Int, String)?
        let result = forEachMetadataRow(path: files.metadataCSV) { line, parsed in
            switch parsed {
            case let .success(row):
                profile.add(row)
                if survey?.selects(row) == true { selected.append(row) }
            case let .failure(problem):
                if bad == nil { bad = (line, problem.description) }
            }
        }
        if case let .failure(problem) = result {
            throw .unreadableManifest(path: files.metadataCSV, problem: problem.description)
        }
        if let bad { throw .malformedRow(path: files.metadataCSV, line: bad.0, problem: bad.1) }
        return (profile, selected)
    }

    /// The summary lines and text histograms for a terminal.
    public func lines(width: Int = 30) -> [String] {
        var out = [
            "Clips: \(clips) (\(clips - noiseOnly) Morse, \(noiseOnly) noise-only), \(NumberFormat.decimal(totalDuration / 3600, places: 2)) h of audio, \(symbolCount) symbols"
        ]
        for distribution in distributions where !distribution.bins.isEmpty {
            out.append("")
            out.append(contentsOf: distribution.lines(width: width))
        }
        return out
    }
}

/// Why a dataset cannot be inspected.
public enum InspectionError: Error, Equatable, CustomStringConvertible {
    case unreadableManifest(path: String, problem: String)
    case malformedRow(path: String, line: Int, problem: String)
    /// `listed` clips are in the manifest, with ids in `ids`.
    case unknownClip(id: Int, path: String, listed: Int, ids: ClosedRange<Int>?)
    case unreadableAudio(path: String, problem: String)
    case cannotWrite(path: String, problem: String)

    public var description: String {
        switch self {
        case let .unreadableManifest(path, problem): "\(path) \(problem); is this the output folder of a generate run?"
        case let .malformedRow(path, line, problem):
            "\(path):\(line): row \(problem); run `morse-dataset validate` for a full report"
        case let .unknownClip(id, path, listed, ids):
            if let ids, ids.count == listed {
                "no clip with id \(id) in \(path); valid ids are \(ids.lowerBound) to \(ids.upperBound) (\(listed) clip\(listed == 1 ? "" : "s"))"
            } else if let ids {
                "no clip with id \(id) in \(path); its \(listed) clips have ids from \(ids.lowerBound) to \(ids.upperBound), with gaps (clips that failed are left out)"
            } else {
                "no clip with id \(id): \(path) lists no clips"
            }
        case let .unreadableAudio(path, problem): "cannot read audio \(path): \(problem)"
        case let .cannotWrite(path, problem): "cannot write \(path): \(problem)"
        }
    }
}
