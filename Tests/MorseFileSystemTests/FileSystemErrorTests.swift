import Foundation
import Testing

@testable import MorseFileSystem

/// Issue 12 item 11: errors name the path, the action, the real errno cause and a fix.
@Suite struct FileSystemErrorTests {
    @Test(arguments: [
        (ENOTEMPTY, "ENOTEMPTY"), (EROFS, "EROFS"), (ENOSPC, "ENOSPC"), (ELOOP, "ELOOP"), (ENXIO, "ENXIO"),
        (EACCES, "EACCES"),
        (EDQUOT, "EDQUOT"), (EIO, "EIO"),
    ])
    func messagesNameTheErrnoAndTheSystemWords(code: Int32, name: String) {
        let message = FileSystemError.system(path: "/data/cw/audio", action: "remove", errno: code).description
        #expect(message.hasPrefix("cannot remove /data/cw/audio: "))
        #expect(message.contains(String(cString: strerror(code))))
        #expect(message.contains("(\(name))"))
        // A fix follows the cause, and it is not the generic one for these common causes.
        #expect(message.contains("; "))
        #expect(!message.contains("check the path and the disk"))
        // Fixes never name CLI flags (the CLI adds those).
        #expect(!message.contains("--"))
    }

    /// Distinct causes get distinct messages (not everything is "Permission denied").
    @Test func causesAreNotConfused() {
        let messages = [ENOTEMPTY, EROFS, ENXIO, EACCES, ENOSPC].map {
            FileSystemError.system(path: "p", action: "write", errno: $0).description
        }
        #expect(Set(messages).count == messages.count)
        #expect(messages.filter { $0.contains("Permission denied") }.count == 1)
    }

    /// Paths from untrusted input are echoed with control characters escaped and cut short.
    @Test func refusedPathsAreEscapedAndCut() {
        let hostile = "\u{1B}[2J" + String(repeating: "a", count: 500) + "/../x"
        let message = FileSystemError.invalidPath(path: hostile, reason: "it contains '..'").description
        #expect(!message.contains("\u{1B}"))
        #expect(message.contains("\\u{1b}"))
        #expect(message.count < 200)
        let holder = LockHolder(
            pid: 7, host: "node\u{7}", since: 0, command: "generate \u{1B}[31m" + String(repeating: "b", count: 300))
        #expect(!holder.description.contains("\u{1B}"))
        #expect(!holder.description.contains("\u{7}"))
        #expect(holder.description.count < 220)
    }
}
