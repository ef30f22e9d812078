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
public final class ProgressReporter: @unchecked Sendable {
    let counters: ProgressCounters
    let total: Int
    let alreadyDone: Int
    let style: ProgressStyle
    let start = Date()
    private let finished = Atomic<Bool>(false)
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

    func draw(final: Bool) {
        let elapsed = max(Date().timeIntervalSince(start), 1e-6)
        let made = counters.finishedCount
        let done = alreadyDone + made + counters.failedCount
        let rate = Double(made) / elapsed
        let audioRate = counters.audioSeconds / elapsed
        let remaining = rate > 0 ? Double(total - done) / rate : 0
        let fraction = total == 0 ? 1 : Double(done) / Double(total)
        let failures = counters.failedCount > 0 ? ", \(counters.failedCount) failed" : ""
        let stats = "\(done)/\(total) clips \(Int(fraction * 100))%\(failures), \(Int(rate)) clips/s, \(Int(audioRate)) audio-s/s, ETA \(Self.clock(remaining))"
        switch style {
        case .bar:
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            FileHandle.standardError.write(Data("\r\u{1B}[K[\(bar)] \(stats)\(final ? "\n" : "")".utf8))
        case .lines:
            FileHandle.standardError.write(Data("progress: \(stats)\n".utf8))
        case .none:
            break
        }
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600):\(pad2((s / 60) % 60)):\(pad2(s % 60))" : "\(s / 60):\(pad2(s % 60))"
    }

    private static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
