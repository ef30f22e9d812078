import Foundation

extension DatasetShard {
    /// Which shard this process makes, and where that came from.
    public struct Assignment: Sendable, Equatable {
        public var shard: DatasetShard
        /// Where the shard came from; nil when not sharded.
        public var source: Source?
    }

    /// Where a shard assignment came from: the caller's own setting or a cluster variable.
    public enum Source: String, Sendable, Equatable {
        /// The index given by the caller (the CLI's `--shard-index`).
        case option
        case slurmArray = "SLURM_ARRAY_TASK_ID"
        case kubernetesIndexedJob = "JOB_COMPLETION_INDEX"
    }

    /// Resolves the shard from the command line, else from the usual cluster variables.
    ///
    /// - `--shard-index I --num-shards N` win.
    /// - SLURM job arrays: the index is `SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN` (min 0 when
    ///   unset); the count is `SLURM_ARRAY_TASK_COUNT`, else `MAX − MIN + 1`, else `--num-shards`.
    /// - Kubernetes Indexed Jobs: the index is `JOB_COMPLETION_INDEX`; the count must come from
    ///   `--num-shards` (the Job's `completions`).
    /// - `--num-shards 1` means one whole run, whatever the environment says.
    /// - Parameters:
    ///   - index: `--shard-index`, if given.
    ///   - count: `--num-shards`, if given.
    ///   - environment: the process environment.
    public static func resolve(index: Int?, count: Int?, environment: [String: String]) throws(DatasetError)
        -> Assignment
    {
        if let index {
            guard let count else {
                throw .invalidSetting(
                    "\(RunOption.shardIndex) \(index) needs \(RunOption.numShards) too (the total number of shards)")
            }
            return Assignment(shard: try DatasetShard(index: index, count: count), source: .option)
        }
        if count == 1 { return Assignment(shard: .whole, source: nil) }
        func number(_ name: String) throws(DatasetError) -> Int? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            guard let value = Int(text) else { throw .invalidOption("\(name)=\(text) is not a whole number") }
            return value
        }
        if let task = try number("SLURM_ARRAY_TASK_ID") {
            let minimum = try number("SLURM_ARRAY_TASK_MIN") ?? 0
            var total = try number("SLURM_ARRAY_TASK_COUNT")
            if total == nil, let maximum = try number("SLURM_ARRAY_TASK_MAX") { total = maximum - minimum + 1 }
            if let count, let total, count != total {
                throw .invalidSetting(
                    "\(RunOption.numShards) \(count) disagrees with the SLURM array of \(total) tasks; drop \(RunOption.numShards) or make them equal"
                )
            }
            guard let resolved = total ?? count else {
                throw .invalidSetting(
                    "SLURM_ARRAY_TASK_ID is set but neither SLURM_ARRAY_TASK_COUNT nor SLURM_ARRAY_TASK_MIN/MAX; give \(RunOption.numShards)"
                )
            }
            do {
                return Assignment(shard: try DatasetShard(index: task - minimum, count: resolved), source: .slurmArray)
            } catch {
                throw .invalidOption(
                    "SLURM_ARRAY_TASK_ID \(task) (array from \(minimum)) gives shard \(task - minimum), outside 0 to \(resolved - 1); use a contiguous array such as --array=0-\(resolved - 1)"
                )
            }
        }
        if let completion = try number("JOB_COMPLETION_INDEX") {
            guard let count else {
                throw .invalidSetting(
                    "JOB_COMPLETION_INDEX is set (a Kubernetes Indexed Job) but \(RunOption.numShards) is not; give \(RunOption.numShards) equal to the Job's completions"
                )
            }
            return Assignment(shard: try DatasetShard(index: completion, count: count), source: .kubernetesIndexedJob)
        }
        if let count {
            throw .invalidSetting(
                "\(RunOption.numShards) \(count) needs \(RunOption.shardIndex) (or SLURM_ARRAY_TASK_ID / JOB_COMPLETION_INDEX in the environment)"
            )
        }
        return Assignment(shard: .whole, source: nil)
    }
}
