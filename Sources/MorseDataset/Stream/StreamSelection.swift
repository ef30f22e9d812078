import MorseDatasetFormat

/// Which clip ids a stream delivers, in order, and the split each belongs to.
///
/// Ids run `start`, `start + step`, `start + 2·step`, … : `count` of them, or up to the dataset
/// size, or without end. A stream of a dataset of known size (`datasetSize`) gives every clip
/// exactly the split `generate` gives it for that size. Without one (endless), splits come from
/// the same stratified assigner run over the global id sequence 0, 1, 2, …, so a clip's split
/// depends only on the clips before it. With `split` set, clips of other splits are skipped
/// before they are made (they still count as positions of the range).
public struct StreamSelection: Sendable, Equatable {
    public var start: Int
    public var step: Int
    /// Positions of the range (ids visited); nil for all up to `datasetSize`, or without end.
    public var count: Int?
    /// The size of the dataset whose splits and file names the stream reproduces; nil when endless.
    public var datasetSize: Int?
    public var split: DatasetSplit?

    public init(start: Int = 0, step: Int = 1, count: Int? = nil, datasetSize: Int? = nil, split: DatasetSplit? = nil) {
        self.start = start
        self.step = step
        self.count = count
        self.datasetSize = datasetSize
        self.split = split
    }

    /// One past the last id the range may reach, or nil for an endless stream.
    public var idLimit: Int? {
        let fromCount = count.map { start + $0 * step }
        switch (fromCount, datasetSize) {
        case let (.some(a), .some(b)): return min(a, b)
        case let (.some(a), nil): return a
        case let (nil, .some(b)): return b
        case (nil, nil): return nil
        }
    }

    public var isFinite: Bool { idLimit != nil }
}

/// Walks a ``StreamSelection``: each call gives the next (id, split) to deliver.
struct StreamIDSequence {
    let selection: StreamSelection
    let limit: Int?
    let planner: ClipPlanner
    /// Splits of the whole dataset when its size is known.
    let fixedSplits: [DatasetSplit]?
    var assigner: SplitAssigner
    /// Ids below this have been fed to `assigner` (endless mode).
    var assignedUpTo = 0
    var nextID: Int

    init(selection: StreamSelection, planner: ClipPlanner) {
        self.selection = selection
        self.planner = planner
        limit = selection.idLimit
        fixedSplits = selection.datasetSize == nil ? nil : planner.splits()
        let ratios = planner.settings.config.splitRatios
        assigner = SplitAssigner(ratios: [ratios.train, ratios.validation, ratios.test])
        nextID = selection.start
    }

    mutating func next() -> (id: Int, split: DatasetSplit)? {
        while true {
            let id = nextID
            if let limit, id >= limit { return nil }
            nextID += selection.step
            let split = split(of: id)
            if let wanted = selection.split, wanted != split { continue }
            return (id, split)
        }
    }

    /// The split of `id`; ids come in increasing order, so the assigner only moves forward.
    mutating func split(of id: Int) -> DatasetSplit {
        if let fixedSplits { return fixedSplits[id] }
        var split = DatasetSplit.train
        while assignedUpTo <= id {
            split = assigner.next(stratum: planner.stratum(assignedUpTo))
            assignedUpTo += 1
        }
        // split_by: operator: clips follow their operator in endless streams too.
        return planner.operatorSplit(id) ?? split
    }
}
