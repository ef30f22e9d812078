import Foundation
import Testing

@testable import MorseFileSystem

/// A fresh folder under the system's temporary folder, deleted (without following links) when the
/// test lets go of it.
final class TemporaryFolder {
    let path: String

    init(_ name: String = #function) {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        path = NSTemporaryDirectory() + "morse-fs-tests/\(safe)-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// `path/relative`.
    func callAsFunction(_ relative: String) -> String { path + "/" + relative }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

func writeFile(_ text: String, _ path: String) {
    try? FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
}

func contents(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}

func makeLink(_ link: String, to target: String) throws {
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
}

/// What stands at `path`, seen with `lstat` (nil when nothing).
func kindAt(_ path: String) -> EntryKind? {
    var status = stat()
    return lstat(path, &status) == 0 ? EntryKind(mode: status.st_mode) : nil
}

/// Names in `path`, sorted.
func names(_ path: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
}

/// Makes a character device node with the numbers of /dev/null (1, 3), so a test that failed to
/// refuse it would write nowhere harmful.
func makeCharacterDevice(_ path: String) -> Bool {
    mknod(path, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0
}

/// Whether this process may create device nodes (root with CAP_MKNOD; many containers lack it).
let canMakeDevices: Bool = {
    let probe = NSTemporaryDirectory() + "morse-fs-mknod-probe-\(getpid())"
    defer { unlink(probe) }
    return makeCharacterDevice(probe) && kindAt(probe) == .characterDevice
}()

/// The error `body` throws, as a FileSystemError (nil if it throws nothing or something else).
func fileSystemError(_ body: () throws -> Void) -> FileSystemError? {
    do {
        try body()
        return nil
    } catch let error as FileSystemError {
        return error
    } catch {
        return nil
    }
}

/// SplitMix64: a small seeded generator for reproducible random test data.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
