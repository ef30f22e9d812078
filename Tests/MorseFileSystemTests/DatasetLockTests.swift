import Foundation
import Testing

@testable import MorseFileSystem

/// Issue 12 item 4: one run at a time per dataset, and the second one is told who is in the way.
@Suite struct DatasetLockTests {
    /// Two opens of the lock file are separate open file descriptions, so `flock` conflicts
    /// between them exactly as between two processes.
    @Test func secondRunIsToldWhoHoldsTheLock() throws {
        let temp = TemporaryFolder()
        let root = try DatasetRoot.open(temp("data"), create: true)
        let first = try DatasetLock.acquire(in: root, command: "morse-dataset generate --output-dir data")
        let error = fileSystemError { _ = try DatasetLock.acquire(in: root, command: "morse-dataset generate") }
        guard case .locked(let path, let holder?)? = error else {
            Issue.record("expected .locked with a holder, got \(String(describing: error))")
            return
        }
        #expect(path == temp("data"))
        #expect(holder.pid == getpid())
        #expect(holder.host == LockHolder.current(command: "").host)
        #expect(holder.command == "morse-dataset generate --output-dir data")
        #expect(abs(holder.since - Int(time(nil))) < 3600)
        let message = error?.description ?? ""
        #expect(message.contains("process \(getpid()) on \(holder.host) since "))
        #expect(message.contains("UTC"))
        #expect(message.contains("kernel"))
        withExtendedLifetime(first) {}
    }

    /// Once the holder lets go (as the kernel does when it exits), the next run gets the lock.
    @Test func lockIsFreeOnceTheHolderIsGone() throws {
        let temp = TemporaryFolder()
        let root = try DatasetRoot.open(temp("data"), create: true)
        var first: DatasetLock? = try DatasetLock.acquire(in: root, command: "first")
        #expect(first != nil)
        first = nil
        let second = try DatasetLock.acquire(in: root, command: "second")
        #expect(contents(temp("data/.morse-dataset/lock"))?.contains("command second") == true)
        withExtendedLifetime(second) {}
    }

    /// A real second process: `flock(1)` holds the lock while we try.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock"), "needs /usr/bin/flock"))
    func lockHeldByAnotherProcessIsReported() throws {
        let temp = TemporaryFolder()
        let root = try DatasetRoot.open(temp("data"), create: true)
        try root.makeDirectories(".morse-dataset")
        writeFile("pid 1\nhost elsewhere\nsince 0\ncommand morse-dataset merge out\n", temp("data/.morse-dataset/lock"))
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        // flock(1) prints "ready" only once it holds the lock; it then waits for stdin to close.
        holder.arguments = [temp("data/.morse-dataset/lock"), "sh", "-c", "echo ready; read line"]
        let output = Pipe(), input = Pipe()
        holder.standardOutput = output
        holder.standardInput = input
        try holder.run()
        defer {
            try? input.fileHandleForWriting.close()
            holder.waitUntilExit()
        }
        #expect(output.fileHandleForReading.availableData.starts(with: Data("ready".utf8)))
        let error = fileSystemError { _ = try DatasetLock.acquire(in: root, command: "generate") }
        #expect(
            error?.description.contains(
                "process 1 on elsewhere since 1970-01-01 00:00:00 UTC (morse-dataset merge out)") == true)
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        _ = try DatasetLock.acquire(in: root, command: "generate")
    }

    /// Shards of one run share the dataset; whole-dataset work excludes them.
    @Test func sharedHoldersCoexistButExcludeAnExclusiveOne() throws {
        let temp = TemporaryFolder()
        let root = try DatasetRoot.open(temp("data"), create: true)
        let shard0 = try DatasetLock.acquire(in: root, mode: .shared, command: "shard 0")
        let shard1 = try DatasetLock.acquire(in: root, mode: .shared, command: "shard 1")
        #expect(
            fileSystemError { _ = try DatasetLock.acquire(in: root, mode: .exclusive, command: "overwrite") }
                == .locked(path: temp("data"), holder: nil))
        withExtendedLifetime((shard0, shard1)) {}
    }

    /// A link in the lock's place is refused, not followed (the lock would otherwise truncate
    /// and write a file outside the dataset).
    @Test func linkedLockFileIsRefused() throws {
        let temp = TemporaryFolder()
        writeFile("keep me", temp("outside"))
        let root = try DatasetRoot.open(temp("data"), create: true)
        try root.makeDirectories(".morse-dataset")
        try makeLink(temp("data/.morse-dataset/lock"), to: temp("outside"))
        #expect(fileSystemError { _ = try DatasetLock.acquire(in: root, command: "generate") }?.isSymbolicLink == true)
        #expect(contents(temp("outside")) == "keep me")
    }
}
