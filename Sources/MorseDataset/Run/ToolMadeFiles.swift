import MorseDatasetFormat
import MorseFileSystem

/// The names the tool creates inside a dataset, so that `--overwrite` deletes those and nothing
/// else: a user's file put into `audio/train/` or `.morse-dataset/` is kept and listed.
enum ToolMadeFiles {
    /// The top-level entries of every format, moved aside whole by an overwrite.
    static var rootNames: [String] {
        [DatasetLock.folder, "audio"] + OutputFormat.everySink.flatMap { $0.rootEntries } + [
            "dataset_info.json", "README.md",
        ]
    }

    /// The rule of a crash-safe overwrite of this tool's datasets.
    static var overwrite: DatasetOverwrite {
        DatasetOverwrite(names: rootNames, descriptor: DatasetLock.folder + "/run.json", isToolMade: isToolMade)
    }

    /// Whether `path` (relative to the root) of `kind` is a name the tool makes.
    @Sendable static func isToolMade(_ path: String, _ kind: EntryKind) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let top = parts.first else { return false }
        let splits = Set(DatasetSplit.allCases.map(\.name))
        let isFile = kind == .regularFile || kind == .symbolicLink
        let isFolder = kind == .directory
        if parts.count == 1 { return rootNames.contains(top) }
        let last = parts[parts.count - 1]
        // `.name.tmp` and `.name.PID.tmp`: a write cut short.
        if isFile && last.hasPrefix(".") && last.hasSuffix(".tmp") && parts.count <= 3 { return true }
        switch (top, parts.count) {
        case (DatasetLock.folder, 2):
            return isFile
                && (["run.json", "config.yaml", DatasetLock.fileName].contains(last)
                    || (last.hasPrefix("journal") && last.hasSuffix(".jsonl")))
        case ("audio", 2), ("webdataset", 2):
            return isFolder && splits.contains(last)
        case ("audio", 3):
            guard isFile, splits.contains(parts[1]) else { return false }
            // metadata.jsonl: where the records were before they moved to metadata/{split}.jsonl.
            return last == "metadata.parquet" || last == "metadata.jsonl"
                || (last.hasPrefix("morse_") && last.hasSuffix(".wav")
                    && DatasetLayout.clipID(fileName: Substring(last)) != nil)
        case ("webdataset", 3):
            return isFile && splits.contains(parts[1]) && last.hasPrefix("shard-") && last.hasSuffix(".tar")
        case ("splits", 2):
            return isFile && splits.contains { last == "\($0).csv" || last == "\($0)_transcripts.txt" }
        case ("manifests", 2), ("metadata", 2):
            return isFile && splits.contains { last == "\($0).jsonl" }
        default:
            return false
        }
    }
}
