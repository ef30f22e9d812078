import Foundation
import MorseFileSystem

/// Why a dataset run cannot go on; each message names the path or value and the fix.
///
/// Messages name run settings as ``RunOption`` tokens, never as a front end's flags:
/// ``description`` spells them in plain words, ``description(naming:)`` as the caller's options.
public enum DatasetError: Error, Equatable, CustomStringConvertible {
    case io(path: String, errno: Int32, action: String)
    /// A refused or failed step inside a dataset or on a standalone output, with its real cause
    /// (errno name, link, device, FIFO, lock holder) and the path.
    case file(FileSystemError)
    case invalidOption(String)
    /// A run setting out of range or inconsistent; the message names it with ``RunOption`` tokens.
    case invalidSetting(OptionMessage)
    case foreignDirectory(String)
    case changedRun(path: String, difference: String)
    case clipFailed(id: Int, reason: String)
    case damagedJournal(path: String, line: Int)
    case notADataset(String)
    case mismatchedShards(path: String, reference: String, difference: String)
    case incompleteMerge(String)
    /// A signal stopped a phase that has no partial result to report (checking or finalising).
    case stopped(String)

    public var description: String { message.description }

    /// The message with each run setting spelt by `name`, e.g. as the CLI's `--num-shards`.
    public func description(naming name: (RunOption) -> String) -> String { message.rendered(naming: name) }

    /// The errno behind a failed system call, if that is what this is.
    public var systemErrno: Int32? {
        switch self {
        case let .io(_, code, _): code
        case let .file(.system(_, _, code)): code
        default: nil
        }
    }

    var message: OptionMessage {
        switch self {
        case let .io(path, code, action):
            let fix: OptionMessage
            switch code {
            case ENOSPC, EDQUOT:
                fix =
                    "free some space (or give another \(RunOption.outputDirectory)), then run the same command again to resume"
            case EACCES, EPERM, EROFS:
                fix =
                    "choose a folder you can write to, or fix its permissions (or remount it read-write); then run the same command again, which resumes"
            case ENOTDIR: fix = "it is a file; choose a folder"
            case ENOENT: fix = "check that the folder exists"
            default: fix = "check the disk and the path"
            }
            return "cannot \(action) \(path): \(FileSystemError.cause(code)); \(fix)"
        case let .file(error):
            if case let .system(_, _, code) = error, code == ENOSPC || code == EDQUOT {
                return
                    "\(error.description) (or give another \(RunOption.outputDirectory)); the run resumes where it stopped"
            }
            return "\(error.description)"
        case let .invalidOption(message):
            return "\(message)"
        case let .invalidSetting(message):
            return message
        case let .foreignDirectory(path):
            // Overwriting never deletes files the tool did not make, so it is no fix here.
            return
                "\(path) is not empty and is not a morse-dataset dataset; choose an empty or new folder (morse-dataset never replaces a folder it did not make)"
        case let .changedRun(path, difference):
            return
                "\(path) holds a dataset made with different settings (\(difference)); run with the original settings to resume it, or start afresh with \(RunOption.overwrite)"
        case let .clipFailed(id, reason):
            return "clip \(id) failed: \(reason)"
        case let .damagedJournal(path, line):
            return "\(path) line \(line) is damaged; delete the dataset folder and make it again"
        case let .notADataset(path):
            return
                "\(path) is not a morse-dataset dataset or shard (it has no .morse-dataset/run.json); name the folders that the shard runs (each with \(RunOption.shardIndex) and \(RunOption.numShards)) wrote"
        case let .mismatchedShards(path, reference, difference):
            return
                "\(path) was made with other settings than \(reference) (\(difference)); merge only shards of one run (same config, seed, \(RunOption.numSamples), \(RunOption.maxDuration), \(RunOption.noiseRatio))"
        case let .incompleteMerge(report):
            return "\(report)"
        case let .stopped(why):
            return "stopped: \(why); run the same command again to resume"
        }
    }
}
