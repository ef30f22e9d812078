/// A Parquet schema built from declared features: every column optional (as `datasets` declares
/// them: nullable), lists in the three-level form with the element named `item` so pyarrow reads
/// `list<item: …>` exactly as `datasets.Features(...).arrow_schema` writes it, strings as UTF-8.
///
/// For `callsigns: list<string>` the tree is
/// ```
/// optional group callsigns (LIST) {      definition level 1 when the list is there
///   repeated group list {                 2 and repetition level 1 for each element
///     optional binary item (STRING);      3 when the element is not null
///   }
/// }
/// ```
public struct ParquetSchema: Sendable {
    /// Physical types (parquet.thrift `Type`).
    enum PhysicalType: Int32 {
        case boolean = 0, int64 = 2, double = 5, byteArray = 6
    }

    /// What a leaf holds: its physical type and the annotation that makes pyarrow read it as
    /// `datasets` declares it (`uint64`, `string`).
    enum Leaf: Sendable {
        case boolean, int64, uint64, double, string

        var physicalType: PhysicalType {
            switch self {
            case .boolean: .boolean
            case .int64, .uint64: .int64
            case .double: .double
            case .string: .byteArray
            }
        }
    }

    /// One node of the tree.
    struct Node: Sendable {
        enum Kind: Sendable {
            case leaf(Leaf)
            case structure([Node])
            /// The optional `LIST` group; its repeated `list` group is implied, its element is the node.
            case list(element: [Node])
        }
        let name: String
        let kind: Kind
        /// The leaf columns under this node: `columns.lowerBound` is the first, in schema order.
        let columns: Range<Int>
        /// The repetition level of this list's elements (lists only): the number of repeated
        /// groups from the root down to and including its own.
        let elementRepetition: UInt8
    }

    /// One leaf column: where its values live and the largest levels it can have.
    struct Column: Sendable {
        let path: [String]
        let type: PhysicalType
        let maxDefinition: UInt8
        let maxRepetition: UInt8
    }

    let fields: [Node]
    let columns: [Column]
    let names: [String]

    /// The schema of `features`, in order. Audio columns are refused (they are files, not values).
    public init(_ features: [(String, ClipFeature)]) throws(ParquetError) {
        var columns: [Column] = []
        var nodes: [Node] = []
        for (name, feature) in features {
            nodes.append(try Self.node(name, feature, path: [], definition: 0, repetition: 0, columns: &columns))
        }
        fields = nodes
        self.columns = columns
        names = features.map(\.0)
    }

    /// The node for `feature` named `name` under `path`, whose parent has levels
    /// (`definition`, `repetition`); its leaves are appended to `columns`.
    static func node(
        _ name: String, _ feature: ClipFeature, path: [String], definition: Int, repetition: Int,
        columns: inout [Column]
    ) throws(ParquetError) -> Node {
        let path = path + [name]
        let first = columns.count
        // Optional: one definition level more than the parent.
        let present = definition + 1
        guard present + 2 <= Int(UInt8.max) else { throw .tooDeep(column: path.joined(separator: ".")) }
        func leaf(_ kind: Leaf) -> Node {
            columns.append(
                Column(
                    path: path, type: kind.physicalType, maxDefinition: UInt8(present),
                    maxRepetition: UInt8(repetition)))
            return Node(name: name, kind: .leaf(kind), columns: first..<columns.count, elementRepetition: 0)
        }
        switch feature {
        case .string: return leaf(.string)
        case .int64: return leaf(.int64)
        case .uint64: return leaf(.uint64)
        case .float64: return leaf(.double)
        case .bool: return leaf(.boolean)
        case .audio:
            throw .unsupportedType(column: path.joined(separator: "."), type: "audio")
        case .structure(let fields):
            var children: [Node] = []
            for (childName, child) in fields {
                children.append(
                    try node(
                        childName, child, path: path, definition: present, repetition: repetition, columns: &columns))
            }
            return Node(name: name, kind: .structure(children), columns: first..<columns.count, elementRepetition: 0)
        case .list(let element):
            // The repeated `list` group adds a definition and a repetition level.
            let item = try node(
                "item", element, path: path + ["list"], definition: present + 1, repetition: repetition + 1,
                columns: &columns)
            return Node(
                name: name, kind: .list(element: [item]), columns: first..<columns.count,
                elementRepetition: UInt8(repetition + 1))
        }
    }
}

extension ParquetSchema {
    /// The footer's flattened schema (parquet.thrift `SchemaElement`s, depth first after the root).
    func writeElements(_ out: inout ThriftCompactWriter) {
        var count = 1
        func countNodes(_ node: Node) {
            count += 1
            switch node.kind {
            case .leaf: break
            case .structure(let children): children.forEach(countNodes)
            case .list(let element):
                count += 1  // the repeated `list` group
                element.forEach(countNodes)
            }
        }
        fields.forEach(countNodes)
        out.beginList(2, of: .structure, count: count)
        out.beginElement()
        out.field(4, string: "schema")
        out.field(5, i32: Int32(fields.count))
        out.endStruct()
        for field in fields { Self.writeElement(field, repetition: .optional, into: &out) }
    }

    enum Repetition: Int32 { case required = 0, optional = 1, repeated = 2 }

    /// One node's `SchemaElement` and its children's.
    static func writeElement(_ node: Node, repetition: Repetition, into out: inout ThriftCompactWriter) {
        out.beginElement()
        switch node.kind {
        case .leaf(let kind):
            out.field(1, i32: kind.physicalType.rawValue)
            out.field(3, i32: repetition.rawValue)
            out.field(4, string: node.name)
            switch kind {
            case .string:
                out.field(6, i32: 0)  // ConvertedType UTF8
                out.beginStruct(10)  // LogicalType
                out.beginStruct(1)  // STRING: StringType {}
                out.endStruct()
                out.endStruct()
            case .uint64:
                out.field(6, i32: 14)  // ConvertedType UINT_64
                out.beginStruct(10)  // LogicalType
                out.beginStruct(10)  // INTEGER: IntType
                out.field(1, byte: 64)  // bitWidth
                out.field(2, bool: false)  // isSigned
                out.endStruct()
                out.endStruct()
            case .boolean, .int64, .double: break
            }
            out.endStruct()
        case .structure(let children):
            out.field(3, i32: repetition.rawValue)
            out.field(4, string: node.name)
            out.field(5, i32: Int32(children.count))
            out.endStruct()
            for child in children { writeElement(child, repetition: .optional, into: &out) }
        case .list(let element):
            out.field(3, i32: repetition.rawValue)
            out.field(4, string: node.name)
            out.field(5, i32: 1)
            out.field(6, i32: 3)  // ConvertedType LIST
            out.beginStruct(10)  // LogicalType
            out.beginStruct(3)  // LIST: ListType {}
            out.endStruct()
            out.endStruct()
            out.endStruct()
            out.beginElement()
            out.field(3, i32: Repetition.repeated.rawValue)
            out.field(4, string: "list")
            out.field(5, i32: 1)
            out.endStruct()
            for item in element { writeElement(item, repetition: .optional, into: &out) }
        }
    }
}
