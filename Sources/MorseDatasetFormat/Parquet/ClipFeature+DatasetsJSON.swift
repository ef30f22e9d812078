extension ClipFeature {
    /// The feature as `datasets` serialises it (`Features.to_dict()`): `{"dtype": "string",
    /// "_type": "Value"}`, `{"feature": …, "_type": "List"}`, a struct as an object of its fields.
    public var datasetsJSON: String {
        switch self {
        case .string, .int64, .uint64, .float64, .bool: "{\"dtype\": \"\(scalarName)\", \"_type\": \"Value\"}"
        case .audio(let rate): "{\"sampling_rate\": \(rate), \"_type\": \"Audio\"}"
        case .list(let element): "{\"feature\": \(element.datasetsJSON), \"_type\": \"List\"}"
        case .structure(let fields): Self.datasetsJSON(fields)
        }
    }

    /// Named features as one object, in order.
    public static func datasetsJSON(_ fields: [(String, ClipFeature)]) -> String {
        "{" + fields.map { quoted($0.0) + ": " + $0.1.datasetsJSON }.joined(separator: ", ") + "}"
    }

    /// The `huggingface` schema metadata `datasets` writes into its Arrow and Parquet files:
    /// `Features.from_arrow_schema` takes each column's feature from it when the column's Arrow type
    /// matches, instead of guessing one from the Arrow type.
    public static func datasetsSchemaMetadata(_ fields: [(String, ClipFeature)]) -> String {
        "{\"info\": {\"features\": " + datasetsJSON(fields) + "}}"
    }

    /// A JSON string literal (names are plain identifiers, but a quote or backslash stays valid JSON).
    static func quoted(_ name: String) -> String {
        var out = "\""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
