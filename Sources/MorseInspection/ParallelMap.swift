import Foundation
import Synchronization

/// `items.map(body)` on up to `workers` threads; results come back in the order of `items`.
///
/// Workers take the next item from a shared counter, so slow items do not hold others up.
func parallelMap<Item: Sendable, Output: Sendable>(
    _ items: [Item], workers: Int, _ body: @Sendable (Item) -> Output
) -> [Output] {
    guard workers > 1, items.count > 1 else { return items.map(body) }
    let next = Atomic<Int>(0)
    let results = Mutex<[Output?]>(Array(repeating: nil, count: items.count))
    DispatchQueue.concurrentPerform(iterations: min(workers, items.count)) { _ in
        while true {
            let index = next.add(1, ordering: .relaxed).oldValue
            guard index < items.count else { return }
            let output = body(items[index])
            results.withLock { $0[index] = output }
        }
    }
    return results.withLock { $0.compactMap { $0 } }
}
