import MorseDatasetFormat

/// Counts of a dataset's clips (or symbols) per bin or category, ready to print or plot.
public struct Distribution: Sendable, Hashable {
    /// What is counted, e.g. `Duration (s)`.
    public var title: String
    /// Bins in display order, each with its label and count.
    public var bins: [(label: String, count: Int)]

    public init(title: String, bins: [(label: String, count: Int)]) {
        self.title = title
        self.bins = bins
    }

    public var total: Int { bins.reduce(0) { $0 + $1.count } }

    /// A compact text histogram: one line per bin, bars of at most `width` blocks (more than 24
    /// bins are listed as `label count` cells, several per line).
    public func lines(width: Int = 30) -> [String] {
        let widest = max(1, bins.map(\.count).max() ?? 1)
        let labelWidth = min(24, bins.map(\.label.count).max() ?? 0)
        let countWidth = String(widest).count
        var out = ["\(title) (\(total))"]
        if bins.count > 24 {
            // Many bins (the symbols): several `label count` cells per line.
            let cell = labelWidth + countWidth + 3
            let perLine = max(1, 72 / cell)
            for start in stride(from: 0, to: bins.count, by: perLine) {
                out.append(
                    "  "
                        + bins[start..<min(bins.count, start + perLine)].map {
                            NumberFormat.pad($0.label, labelWidth) + " "
                                + NumberFormat.pad(String($0.count), countWidth, left: true)
                        }.joined(separator: "  "))
            }
            return out
        }
        for bin in bins {
            let length = Int((Double(bin.count) / Double(widest) * Double(width)).rounded())
            let bar = String(repeating: "█", count: length) + (length == 0 && bin.count > 0 ? "▏" : "")
            out.append(
                "  " + NumberFormat.pad(bin.label, labelWidth) + " "
                    + NumberFormat.pad(String(bin.count), countWidth, left: true) + " " + bar)
        }
        return out
    }

    public static func == (lhs: Distribution, rhs: Distribution) -> Bool {
        lhs.title == rhs.title && lhs.bins.map(\.label) == rhs.bins.map(\.label)
            && lhs.bins.map(\.count) == rhs.bins.map(\.count)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(title)
        for bin in bins { hasher.combine(bin.label); hasher.combine(bin.count) }
    }
}

/// Counts per numeric bin of fixed width, starting at the lowest value seen.
struct BinnedCounts: Sendable {
    /// Bin width in the value's unit.
    let width: Double
    /// Decimals in bin labels.
    let decimals: Int
    private(set) var counts: [Int: Int] = [:]

    init(width: Double, decimals: Int = 0) {
        self.width = width
        self.decimals = decimals
    }

    mutating func add(_ value: Double) {
        guard value.isFinite else { return }
        counts[Int((value / width).rounded(.down)), default: 0] += 1
    }

    /// Every bin from the lowest to the highest seen (empty ones included), labelled `lo–hi`.
    func distribution(_ title: String) -> Distribution {
        guard let low = counts.keys.min(), let high = counts.keys.max() else {
            return Distribution(title: title, bins: [])
        }
        return Distribution(
            title: title,
            bins: (low...high).map { bin in
                (
                    NumberFormat.decimal(Double(bin) * width, places: decimals) + "–"
                        + NumberFormat.decimal(Double(bin + 1) * width, places: decimals), counts[bin] ?? 0
                )
            })
    }
}

/// Counts per name, shown most frequent first (or in a given order).
struct NamedCounts: Sendable {
    private(set) var counts: [String: Int] = [:]

    mutating func add(_ name: String, count: Int = 1) { counts[name, default: 0] += count }

    func distribution(_ title: String, order: [String]? = nil) -> Distribution {
        let names: [String]
        if let order {
            names = order.filter { counts[$0] != nil } + counts.keys.filter { !order.contains($0) }.sorted()
        } else {
            names = counts.keys.sorted { (counts[$0] ?? 0, $1) > (counts[$1] ?? 0, $0) }
        }
        return Distribution(title: title, bins: names.map { ($0, counts[$0] ?? 0) })
    }
}
