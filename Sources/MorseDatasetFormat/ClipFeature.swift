/// The declared type of each metadata field, as the dataset card's Hugging Face
/// `dataset_info.features` states it. Declaring every column means `datasets` infers nothing from
/// the rows: a split whose clips all have an empty `callsigns` list still reads as a list of strings
/// (inferred from data, it became `list<null>` and broke loading).
public indirect enum ClipFeature: Sendable {
    case string, int64, float64, bool
    /// An unsigned 64-bit integer: the dataset seed, which may be anything up to 2^64 − 1.
    case uint64
    /// Audio at the dataset's sample rate (the clip's WAV).
    case audio(sampleRate: Int)
    case list(ClipFeature)
    /// Named fields in order.
    case structure([(String, ClipFeature)])

    /// One timed span of `characters` or `words`: its text and start and end in seconds.
    public static let span = ClipFeature.structure([("text", .string), ("start", .float64), ("end", .float64)])
    /// One keyed station of a clip (the record's `stations` objects, docs/stations.md).
    public static let station = ClipFeature.structure([
        ("role", .string), ("callsign", .string), ("text", .string), ("partial", .bool), ("tone", .float64),
        ("wpm", .float64), ("effective_wpm", .float64), ("fist", .string), ("sloppiness", .float64),
        ("level_db", .float64), ("start", .float64), ("end", .float64), ("characters", .list(.span)),
        ("words", .list(.span)),
    ])

    /// The feature as one entry of the card's YAML feature list, in the form `datasets` writes
    /// itself (`Features._to_yaml_list`): `- name: x` then `dtype:`, `list:` or `struct:`.
    public func yaml(name: String, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        return pad + "- name: " + name + "\n" + body(indent: indent + 2)
    }

    /// The lines after `- name:`, at `indent`.
    func body(indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        switch self {
        case .string, .int64, .uint64, .float64, .bool: return pad + "dtype: " + scalarName + "\n"
        case .audio(let rate): return pad + "dtype:\n" + pad + "  audio:\n" + pad + "    sampling_rate: \(rate)\n"
        case .list(let element):
            switch element {
            case .string, .int64, .uint64, .float64, .bool: return pad + "list: " + element.scalarName + "\n"
            case .structure(let fields):
                return pad + "list:\n" + fields.map { $0.1.yaml(name: $0.0, indent: indent) }.joined()
            case .audio, .list:
                return pad + "list:\n" + pad + "  " + element.body(indent: indent + 2).dropFirst(indent + 2)
            }
        case .structure(let fields):
            return pad + "struct:\n" + fields.map { $0.1.yaml(name: $0.0, indent: indent) }.joined()
        }
    }

    var scalarName: String {
        switch self {
        case .string: "string"
        case .int64: "int64"
        case .uint64: "uint64"
        case .float64: "float64"
        case .bool: "bool"
        default: ""
        }
    }
}

extension ClipField {
    /// The field's declared type. `exchangeKeys` and `evaluationKeys` are the keys the record's
    /// `exchange` and `evaluation` objects hold (the same keys in every row of a dataset);
    /// `fileName` is the clip's audio in the audiofolder layout.
    ///
    /// A new field must say its type here (the switch is exhaustive), so the card types it.
    public func feature(sampleRate: Int, exchangeKeys: [String], evaluationKeys: [String]) -> ClipFeature {
        switch self {
        case .fileName: .audio(sampleRate: sampleRate)
        case .id, .numSamples, .sampleRate, .numInterferers, .multipathPaths, .operator: .int64
        case .seed: .uint64
        case .duration, .wpm, .effectiveWPM, .sloppiness, .dashRatio, .tone, .riseTimeMS, .chirpHz, .driftHzPerSecond,
            .snr500, .snr2500, .fadingRate, .fadingDepth, .qrnRate:
            .float64
        case .isNoiseOnly, .farnsworth, .agc: .bool
        case .audioFile, .split, .text, .contestType, .sampleType, .condition, .fist, .envelope, .filter, .noiseColour,
            .fading, .country, .exchanges, .channel, .whisperText, .checksum:
            .string
        case .callsigns: .list(.string)
        case .characters, .words: .list(.span)
        case .stations: .list(.station)
        case .exchange: .structure(exchangeKeys.map { ($0, .string) })
        case .evaluation: .structure(evaluationKeys.map { ($0, .string) })
        }
    }
}
