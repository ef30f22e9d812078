import Foundation
import MorseDatasetFormat

/// A clip's JSON record as a row of Parquet values, each shaped by its declared feature: what
/// `audio/{split}/metadata.parquet` holds for Hugging Face audiofolder.
///
/// The record is the journal's line, the one source every sink reads (a resumed or merged run
/// has no other), decoded with the declared features as the guide: a key the record lacks (an
/// older record) is null, a key the features do not name is not read.
struct ParquetRecord: DecodableWithConfiguration {
    let values: [ParquetValue]

    init(from decoder: any Decoder, configuration features: [(String, ClipFeature)]) throws {
        let record = try decoder.container(keyedBy: FieldKey.self)
        values = try features.map { name, feature in
            try record.decodeIfPresent(DeclaredValue.self, forKey: FieldKey(name), configuration: feature)?.value
                ?? .null
        }
    }

    /// `record` decoded against `features`.
    static func row(_ record: Data, features: [(String, ClipFeature)], decoder: JSONDecoder) throws -> [ParquetValue] {
        try decoder.decode(ParquetRecord.self, from: record, configuration: features).values
    }
}

/// One JSON value read as its declared feature says.
struct DeclaredValue: DecodableWithConfiguration {
    let value: ParquetValue

    init(from decoder: any Decoder, configuration feature: ClipFeature) throws {
        if try decoder.singleValueContainer().decodeNil() {
            value = .null
            return
        }
        switch feature {
        case .string: value = .string(try decoder.singleValueContainer().decode(String.self))
        case .int64: value = .int64(try decoder.singleValueContainer().decode(Int64.self))
        case .uint64: value = .uint64(try decoder.singleValueContainer().decode(UInt64.self))
        case .float64: value = .double(try decoder.singleValueContainer().decode(Double.self))
        case .bool: value = .bool(try decoder.singleValueContainer().decode(Bool.self))
        case .audio:
            throw DecodingError.typeMismatch(
                ParquetValue.self,
                .init(codingPath: decoder.codingPath, debugDescription: "an audio column is a file name, not a value"))
        case .list(let element):
            var items = try decoder.unkeyedContainer()
            var values: [ParquetValue] = []
            values.reserveCapacity(items.count ?? 0)
            while !items.isAtEnd { values.append(try items.decode(DeclaredValue.self, configuration: element).value) }
            value = .list(values)
        case .structure(let fields):
            let object = try decoder.container(keyedBy: FieldKey.self)
            value = .record(
                try fields.map { name, field in
                    try object.decodeIfPresent(DeclaredValue.self, forKey: FieldKey(name), configuration: field)?.value
                        ?? .null
                })
        }
    }
}

/// Any key of a JSON object.
struct FieldKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
