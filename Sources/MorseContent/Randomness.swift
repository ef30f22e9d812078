/// Draws from the caller's generator only, so that the same generator state gives the same content.
enum Draw {
    /// True with probability `p` (always false for 0, always true for 1, and then without using `rng`).
    static func chance(_ p: Double, using rng: inout some RandomNumberGenerator) -> Bool {
        if p <= 0 { return false }
        if p >= 1 { return true }
        return Double.random(in: 0..<1, using: &rng) < p
    }

    /// A uniform integer in `range`.
    static func int(_ range: ClosedRange<Int>, using rng: inout some RandomNumberGenerator) -> Int {
        Int.random(in: range, using: &rng)
    }
}

extension Array {
    /// A uniformly drawn element; the array must not be empty.
    func pick(using rng: inout some RandomNumberGenerator) -> Element {
        precondition(!isEmpty, "cannot pick from an empty list")
        return self[Int.random(in: 0..<count, using: &rng)]
    }
}

/// A table of items with relative weights, drawn in the table's own (stable) order.
struct WeightedChoice<Item: Sendable>: Sendable {
    private let items: [Item]
    private let cumulative: [Double]

    /// Keeps the items with a positive weight, in the order given.
    init(_ entries: [(Item, Double)]) {
        var items: [Item] = []
        var cumulative: [Double] = []
        var total = 0.0
        for (item, weight) in entries where weight > 0 && weight.isFinite {
            total += weight
            items.append(item)
            cumulative.append(total)
        }
        self.items = items
        self.cumulative = cumulative
    }

    var isEmpty: Bool { items.isEmpty }

    /// An item drawn with probability proportional to its weight; the table must not be empty.
    func draw(using rng: inout some RandomNumberGenerator) -> Item {
        precondition(!items.isEmpty, "cannot draw from a table without positive weights")
        let total = cumulative[cumulative.count - 1]
        let x = Double.random(in: 0..<total, using: &rng)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > x { high = mid } else { low = mid + 1 }
        }
        return items[low]
    }
}

/// The caller's generator behind one concrete type, for the public entry points to hand on.
///
/// Callers in other modules reach this module's generic code unspecialised, where every draw goes
/// through witness tables (some 2,000 instructions for a `Draw.chance`). Forwarding `next()` to the
/// caller's generator keeps every draw and its order, so the content is the same, while the code
/// behind the entry points is specialised for this type.
struct ForwardingGenerator: RandomNumberGenerator {
    let source: () -> UInt64

    mutating func next() -> UInt64 { source() }

    /// Runs `body` with a generator that draws from `rng`.
    static func forward<Result>(
        _ rng: inout some RandomNumberGenerator, _ body: (inout ForwardingGenerator) -> Result
    ) -> Result {
        withoutActuallyEscaping(
            { rng.next() },
            do: { next in
                var generator = ForwardingGenerator(source: next)
                return body(&generator)
            })
    }
}
