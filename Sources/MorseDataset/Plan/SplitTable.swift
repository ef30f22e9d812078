import MorseDatasetFormat
import Synchronization

/// The split of any clip id, computed on demand in blocks, so that neither memory nor start-up
/// time grows with the dataset size (10⁸ clips: a few kilobytes of checkpoints, nothing computed
/// before the first clip is asked for).
///
/// The exact quotas need each stratum's size, so the table counts them once (one pass over the ids,
/// a few integers of memory); then ``SplitAssigner`` decides a clip's split from the clips before
/// it in its stratum, so block b is computed from
/// the assigner's state at its start: those states are kept for every block reached so far
/// (checkpoints), and the splits of the last few blocks are cached. Workers take ids in increasing
/// order, so almost every lookup hits the cache. Gives exactly what ``ClipPlanner/splits()`` gives.
public final class SplitTable: Sendable {
    static let cachedBlocks = 8

    /// Ids per block: 65 536 by default (a few milliseconds to compute, 64 KB cached).
    let blockSize: Int

    public let count: Int
    let stratum: @Sendable (Int) -> Int
    /// A split that takes precedence over the assigner's (an operator's split), or nil.
    let override: @Sendable (Int) -> DatasetSplit?

    struct State {
        /// The assigner as it stands at the start of block k.
        var checkpoints: [SplitAssigner]
        var cache: [Int: [DatasetSplit]] = [:]
        var cacheOrder: [Int] = []
    }
    let state: Mutex<State>

    /// - Parameters:
    ///   - ratios: the split ratios; the quotas are exact for `count` clips (largest remainder).
    ///   - stratum: the stratum of a clip id (cheap: it is asked twice per id).
    ///   - override: a split that wins over the assigner's for some ids (still assigned, so the
    ///     other clips get the same splits as ``ClipPlanner/splits()``).
    public init(
        count: Int, ratios: [Double], blockSize: Int = 1 << 16, stratum: @escaping @Sendable (Int) -> Int,
        override: @escaping @Sendable (Int) -> DatasetSplit? = { _ in nil }
    ) {
        self.count = count
        self.blockSize = max(1, blockSize)
        self.stratum = stratum
        self.override = override
        var sizes: [Int: Int] = [:]
        for id in 0..<max(0, count) { sizes[stratum(id), default: 0] += 1 }
        state = Mutex(State(checkpoints: [SplitAssigner(ratios: ratios, strataSizes: sizes)]))
    }

    /// The split of clip `id` (0 ≤ id < count).
    public func split(_ id: Int) -> DatasetSplit {
        if let split = override(id) { return split }
        let block = id / blockSize
        return state.withLock { state in
            if let splits = state.cache[block] { return splits[id - block * blockSize] }
            while state.checkpoints.count <= block {
                var assigner = state.checkpoints[state.checkpoints.count - 1]
                let splits = run(&assigner, block: state.checkpoints.count - 1)
                remember(splits, block: state.checkpoints.count - 1, in: &state)
                state.checkpoints.append(assigner)
            }
            if let splits = state.cache[block] { return splits[id - block * blockSize] }
            var assigner = state.checkpoints[block]
            let splits = run(&assigner, block: block)
            remember(splits, block: block, in: &state)
            return splits[id - block * blockSize]
        }
    }

    /// The splits of block `block`'s ids, advancing `assigner` over them.
    func run(_ assigner: inout SplitAssigner, block: Int) -> [DatasetSplit] {
        let start = block * blockSize
        let end = min(count, start + blockSize)
        guard start < end else { return [] }
        return (start..<end).map { assigner.next(stratum: stratum($0)) }
    }

    func remember(_ splits: [DatasetSplit], block: Int, in state: inout State) {
        state.cache[block] = splits
        state.cacheOrder.append(block)
        if state.cacheOrder.count > Self.cachedBlocks { state.cache[state.cacheOrder.removeFirst()] = nil }
    }
}
