import Foundation
import Synchronization

/// A flag the workers check between clips; set by Ctrl-C / SIGTERM or by a fatal error.
public final class StopSignal: Sendable {
    private let flag = Atomic<Bool>(false)
    private let reason = Mutex<String?>(nil)

    public init() {}

    /// Seconds between a signal and the forced exit, when the run has not stopped by itself.
    static let grace = 0.9

    public var isSet: Bool { flag.load(ordering: .acquiring) }
    public var why: String? { reason.withLock { $0 } }

    public func set(_ why: String) {
        reason.withLock { if $0 == nil { $0 = why } }
        flag.store(true, ordering: .releasing)
    }

    /// Sets the flag on SIGINT and SIGTERM (a second signal exits at once).
    public func installSignalHandlers() -> [any DispatchSourceSignal] {
        [(SIGINT, "interrupted (Ctrl-C)"), (SIGTERM, "terminated (SIGTERM)")].map { signalNumber, why in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [self] in
                if isSet { exit(130) }
                set(why)
                // Every phase checks the flag between clips or pieces of work; should one take
                // longer (a clip far slower than usual, a huge corpus being read), the process
                // exits anyway, as a crash would: every file is written crash-safely, so the
                // next run resumes from the journal.
                DispatchQueue.global().asyncAfter(deadline: .now() + Self.grace) {
                    let message =
                        "morse-dataset: \(why): stopping took longer than \(Self.grace) s; exiting now (run the same command again to resume)\n"
                    _ = message.utf8CString.withUnsafeBufferPointer {
                        write(STDERR_FILENO, $0.baseAddress, $0.count - 1)
                    }
                    _exit(130)
                }
            }
            source.resume()
            return source
        }
    }
}
