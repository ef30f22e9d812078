import Foundation
import Synchronization

/// Counters the workers bump and the progress display reads.
public final class ProgressCounters: Sendable {
    let done = Atomic<Int>(0)
    let failed = Atomic<Int>(0)
    let audioMilliseconds = Atomic<Int>(0)

    public init() {}

    public func finished(duration: Double) {
        done.add(1, ordering: .relaxed)
        audioMilliseconds.add(Int(duration * 1000), ordering: .relaxed)
    }

    public func failedOne() { failed.add(1, ordering: .relaxed) }

    public var finishedCount: Int { done.load(ordering: .relaxed) }
    public var failedCount: Int { failed.load(ordering: .relaxed) }
    public var audioSeconds: Double { Double(audioMilliseconds.load(ordering: .relaxed)) / 1000 }
}

/// How progress is shown.
public enum ProgressStyle: Sendable {
    /// A bar redrawn in place (terminals).
    case bar
    /// A plain line every `interval` seconds (pipes, files, CI logs).
    case lines(interval: Double)
    case none
}

/// Shows done/total, clips per second, audio seconds per second and the time left, on stderr.
///
/// On a terminal the line is redrawn in place: carriage return, the line fitted to the terminal's
/// current width (``ProgressLine``), then clear to the end of the line, so a shorter redraw
/// leaves no stale characters and a line never wraps into a stale copy.
public final class ProgressReporter: @unchecked Sendable {
    let counters: ProgressCounters
    let total: Int
    let alreadyDone: Int
    let style: ProgressStyle
    let start = Date()
    private let finished = Atomic<Bool>(false)
    /// Serialises writes to stderr between the drawing thread and ``interleaving(_:)``.
    private let output = Mutex<Void>(())
    private var thread: Thread?

    public init(counters: ProgressCounters, total: Int, alreadyDone: Int, style: ProgressStyle) {
        self.counters = counters
        self.total = total
        self.alreadyDone = alreadyDone
        self.style = style
    }

    public func begin() {
        let interval: Double
        switch style {
        case .none: return
        case .bar: interval = 0.2
        case let .lines(seconds): interval = seconds
        }
        let thread = Thread { [self] in
            var next = Date().addingTimeInterval(interval)
            while !finished.load(ordering: .acquiring) {
                Thread.sleep(forTimeInterval: 0.05)
                if Date() >= next {
                    draw(final: false)
                    next = Date().addingTimeInterval(interval)
                }
            }
        }
        self.thread = thread
        thread.start()
    }

    public func end() {
        finished.store(true, ordering: .releasing)
        while thread?.isFinished == false { Thread.sleep(forTimeInterval: 0.01) }
        if case .none = style { return }
        draw(final: true)
    }

    /// Wraps a logger so that, with a bar on screen, each message first clears the bar's line
    /// (the next redraw puts the bar back below the message) instead of being glued to it.
    public func interleaving(_ log: @escaping @Sendable (String) -> Void) -> @Sendable (String) -> Void {
        guard case .bar = style else { return log }
        return { [self] message in
            output.withLock { _ in
                FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
                log(message)
            }
        }
    }

    var line: ProgressLine {
        let elapsed = max(Date().timeIntervalSince(start), 1e-6)
        let made = counters.finishedCount
        let done = alreadyDone + made + counters.failedCount
        let rate = Double(made) / elapsed
        return ProgressLine(
            done: done, total: total, failed: counters.failedCount, rate: rate,
            audioRate: counters.audioSeconds / elapsed,
            remaining: rate > 0 ? Double(total - done) / rate : 0)
    }

    func draw(final: Bool) {
        let text: String
        switch style {
        case .bar:
            text = "\r\(line.fitted(columns: Self.terminalColumns()))\u{1B}[K\(final ? "\n" : "")"
        case .lines:
            text = "progress: \(line.plain)\n"
        case .none:
            return
        }
        output.withLock { _ in FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// The width of the terminal: stderr's, else stdout's (TIOCGWINSZ), else `COLUMNS`, else 80.
    /// Asked at every redraw, so a resized window is followed.
    static func terminalColumns(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        for descriptor in [STDERR_FILENO, STDOUT_FILENO] {
            var size = winsize()
            let status = withUnsafeMutablePointer(to: &size) { ioctl(descriptor, UInt(TIOCGWINSZ), $0) }
            if status == 0, size.ws_col > 0 { return Int(size.ws_col) }
        }
        if let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 { return columns }
        return 80
    }
}
