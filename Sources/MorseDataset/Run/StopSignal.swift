import Foundation
import Synchronization

/// A flag the workers check between clips; set by Ctrl-C / SIGTERM or by a fatal error.
public final class StopSignal: Sendable {
    private let flag = Atomic<Bool>(false)
    private let reason = Mutex<String?>(nil)

    public init() {}

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
            }
            source.resume()
            return source
        }
    }
}
