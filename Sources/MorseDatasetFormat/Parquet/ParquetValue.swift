/// One value of a row to write to Parquet, shaped like its column's ``ClipFeature``.
public indirect enum ParquetValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int64(Int64)
    case uint64(UInt64)
    case double(Double)
    case string(String)
    /// A list's elements (an empty list is not null: its column says "present, no elements").
    case list([ParquetValue])
    /// A struct's fields, in the order its ``ClipFeature/structure(_:)`` declares them.
    case record([ParquetValue])
}

/// Why a Parquet file could not be written.
public enum ParquetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A column whose type Parquet metadata here cannot hold (audio is a file, not a value).
    case unsupportedType(column: String, type: String)
    /// A row's value does not have its column's declared shape.
    case typeMismatch(column: String, expected: String, found: String)
    /// A row with the wrong number of columns.
    case columnCount(expected: Int, found: Int)
    /// Nesting deeper than the level encoding allows.
    case tooDeep(column: String)

    public var description: String {
        switch self {
        case .unsupportedType(let column, let type):
            "column \(column) has type \(type), which the Parquet metadata cannot hold; declare it as a string"
        case .typeMismatch(let column, let expected, let found):
            "column \(column) holds \(found) where its declared type is \(expected); the record does not match the "
                + "dataset's declared features (regenerate the dataset or fix its journal)"
        case .columnCount(let expected, let found):
            "a row has \(found) columns where the schema has \(expected)"
        case .tooDeep(let column):
            "column \(column) is nested deeper than Parquet levels of 0...255 allow"
        }
    }
}

extension ParquetValue {
    /// What the value is, for error messages.
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int64: "an integer"
        case .uint64: "an unsigned integer"
        case .double: "a number"
        case .string: "a string"
        case .list: "a list"
        case .record: "an object"
        }
    }
}
