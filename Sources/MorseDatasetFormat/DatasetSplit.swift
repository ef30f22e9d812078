/// The three splits of a dataset, in the order of `split_ratios`.
public enum DatasetSplit: Int, CaseIterable, Sendable, Codable, CustomStringConvertible {
    case train, validation, test

    public var name: String {
        switch self {
        case .train: "train"
        case .validation: "validation"
        case .test: "test"
        }
    }

    public var description: String { name }

    public init?(name: String) {
        guard let split = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = split
    }
}
