/// A content configuration that cannot be used; each description names the field, the value and the fix.
public enum ContentError: Error, CustomStringConvertible, Equatable, Sendable {
    /// `contest_types` is empty.
    case noContestTypes
    /// A name in the config that is not one of the allowed spellings.
    case unknownName(field: String, value: String, allowed: [String])
    /// A weight that is negative or not finite.
    case invalidWeight(field: String, key: String, value: Double)
    /// All weights of a table are zero.
    case noPositiveWeight(field: String)
    /// A probability outside 0…1.
    case rateOutOfRange(field: String, value: Double)
    /// `plain_text` has a weight but no lines were supplied.
    case plainTextWithoutLines
    /// A plain-text line holds something that cannot be keyed.
    case unkeyablePlainText(line: Int, character: String)

    public var description: String {
        switch self {
        case .noContestTypes:
            "contest_types is empty; list at least one of \(ContestType.allCases.map(\.rawValue).joined(separator: ", "))"
        case let .unknownName(field, value, allowed):
            "\(field): unknown name '\(value)'; use one of \(allowed.joined(separator: ", "))"
        case let .invalidWeight(field, key, value):
            "\(field).\(key) = \(value) is not a weight; use a finite number ≥ 0"
        case let .noPositiveWeight(field):
            "\(field): every weight is 0; give at least one entry a weight above 0"
        case let .rateOutOfRange(field, value):
            "\(field) = \(value) is not a probability; use a number from 0 to 1"
        case .plainTextWithoutLines:
            "composition_weights.sample_types.plain_text is above 0 but no plain-text lines were given; supply a text file with one message a line, or set the weight to 0"
        case let .unkeyablePlainText(line, character):
            "plain-text line \(line): '\(character)' cannot be keyed; use A–Z, 0–9, . , ? / = + - ( ) ' : \" @ ! & ; and prosigns such as <AR>"
        }
    }
}
