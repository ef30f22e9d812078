import Foundation
import MorseDatasetFormat
import MorseSignal

/// Makes the clips of a ``StreamSelection`` on parallel workers and writes them, framed in
/// ``StreamFormat``, to an output in id order.
///
/// Each clip is made by the same ``ClipMaker`` `generate` uses, so its samples are the bytes after
/// the WAV header of `generate`'s file and its record is `generate`'s `metadata/{split}.jsonl` line.
/// Workers take ids in order; finished clips wait in a reorder buffer until every earlier clip is
/// written. At most `window` clips are in flight (being made or waiting), which bounds memory.
public struct ClipStream: Sendable {
    public let settings: RunSettings
    public let selection: StreamSelection
    public let workers: Int
    /// Clips in flight at most; at least one per worker.
    public let window: Int
    /// The keys of each frame's record (`--fields`); all by default, as `generate` writes them.
    public let recordKeys: RecordKeys

    /// - Parameters:
    ///   - settings: the run's settings; `numSamples` is replaced by the selection's dataset size.
    ///   - window: clips in flight; default four per worker.
    ///   - recordKeys: the record keys each frame carries; fewer keys also skip the work behind the
    ///     others (label times, checksum), never changing the audio.
    public init(
        settings: RunSettings, selection: StreamSelection, workers: Int, window: Int? = nil,
        recordKeys: RecordKeys = .all
    ) {
        var settings = settings
        settings.numSamples = selection.datasetSize ?? 1
        self.settings = settings
        self.selection = selection
        self.workers = max(1, workers)
        self.window = max(self.workers, window ?? 4 * self.workers)
        self.recordKeys = recordKeys
    }

    /// What a stream did.
    public struct Outcome: Sendable {
        /// Clip frames written.
        public var written: Int
        public var failures: [(id: Int, reason: String)]
        /// The reader went away (closed pipe): not an error for a stream.
        public var outputClosed: Bool
        public var stopped: String?
    }

    /// Writes the stream header, the selected clips and, for a finite stream, the end frame.
    /// - Parameters:
    ///   - output: where the bytes go; a write that fails ends the stream.
    ///   - log: one line per failed clip (the clip is left out of the stream).
    public func run(
        to output: some StreamOutput, stop: StopSignal, log: @escaping @Sendable (String) -> Void
    ) throws(DatasetError) -> Outcome {
        let settings = try settings.validated()
        let planner = try ClipPlanner(settings: settings)
        let format = settings.config.output.audioFormat
        let headerSize = WAVEncoder.headerSize(format: format)
        let layout = DatasetLayout(root: ".", numSamples: selection.datasetSize ?? 0)
        let header = StreamFormat.header(
            sampleRate: settings.sampleRate, format: format, seed: settings.seed,
            flags: recordKeys.kept == nil ? 0 : StreamFormat.trimmedRecordsFlag)
        guard output.write(header) else { return Outcome(written: 0, failures: [], outputClosed: true, stopped: nil) }

        let scheduler = StreamScheduler(
            sequence: StreamIDSequence(selection: selection, planner: planner), window: window, output: output,
            stop: stop)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let maker = ClipMaker(planner: planner, layout: layout, recordKeys: recordKeys)
            while let ticket = scheduler.take() {
                var frame: StreamFrame?
                do {
                    let clip = try maker.make(id: ticket.id, split: ticket.split)
                    let audio = clip.wav.count - headerSize
                    // The samples stay in the WAV's array (no 0.4 MB copy per clip); the output
                    // writes the frame's start and then them.
                    frame = StreamFrame(
                        start: StreamFormat.clipFrameStart(id: ticket.id, record: clip.record, audioBytes: audio),
                        samples: clip.wav[headerSize...])
                } catch {
                    let reason = (error as? any CustomStringConvertible)?.description ?? String(describing: error)
                    scheduler.failed(id: ticket.id, reason: reason)
                    log("clip \(ticket.id) failed: \(reason)")
                }
                scheduler.deliver(sequenceNumber: ticket.sequenceNumber, frame: frame)
            }
        }
        var outcome = scheduler.outcome
        outcome.stopped = stop.why
        if !outcome.outputClosed && outcome.stopped == nil && selection.isFinite {
            if !output.write(StreamFormat.end(clipCount: outcome.written)) { outcome.outputClosed = true }
        }
        return outcome
    }
}

/// Where a stream's bytes go. `write` returns false once the reader is gone.
public protocol StreamOutput: Sendable {
    func write(_ bytes: [UInt8]) -> Bool
    /// Writes `start` and then `rest`, as one frame (by default joined into one ``write(_:)``).
    func write(_ start: [UInt8], _ rest: ArraySlice<UInt8>) -> Bool
}

extension StreamOutput {
    public func write(_ start: [UInt8], _ rest: ArraySlice<UInt8>) -> Bool { write(start + rest) }
}

/// One clip's frame: its header and record, then its samples (a slice of the encoded WAV).
struct StreamFrame: Sendable {
    var start: [UInt8]
    var samples: ArraySlice<UInt8>
}

/// A file descriptor (standard output by default), written with `write(2)` until every byte is out.
///
/// SIGPIPE must be ignored by the process (the CLI does): a closed pipe then shows as EPIPE and
/// ends the stream quietly instead of killing the process.
public struct FileDescriptorOutput: StreamOutput {
    public let descriptor: Int32

    public init(descriptor: Int32 = 1) {
        self.descriptor = descriptor
    }

    /// On Linux, grows the output pipe (if it is one) from its 64 kB default towards 1 MB, capped by
    /// `/proc/sys/fs/pipe-max-size`: a clip is about 0.4 MB, and a worker that writes a clip into a
    /// small pipe waits for the reader several times per clip instead of making the next one.
    /// Anything else (a file, a terminal, a lower limit) is left as it is.
    public func widenPipe(to bytes: Int32 = 1 << 20) {
        #if os(Linux)
            let setPipeSize: Int32 = 1031  // F_SETPIPE_SZ (fcntl.h, _GNU_SOURCE)
            var status = stat()
            guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFIFO else { return }
            var size = bytes
            while size >= 65_536 {
                if fcntl(descriptor, setPipeSize, size) >= 0 { return }
                size /= 2  // EPERM above the system's limit: try the next size down
            }
        #endif
    }

    public func write(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { write(all: $0) }
    }

    /// Two writes, with no copy of `rest` (a clip's samples) into one buffer.
    public func write(_ start: [UInt8], _ rest: ArraySlice<UInt8>) -> Bool {
        start.withUnsafeBytes { write(all: $0) } && rest.withUnsafeBytes { write(all: $0) }
    }

    private func write(all buffer: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }
}

/// The shared state of a stream's workers: the next id to make, the reorder buffer and the writer.
///
/// One lock guards it all. A worker waits before taking a new id while `window` clips are in
/// flight. Whoever delivers the clip the output waits for becomes the writer and writes every
/// consecutive finished clip, outside the lock, while the others go on making clips.
final class StreamScheduler<Output: StreamOutput>: @unchecked Sendable {
    struct Ticket {
        var sequenceNumber: Int
        var id: Int
        var split: DatasetSplit
    }

    private let condition = NSCondition()
    private var sequence: StreamIDSequence
    private let window: Int
    private let output: Output
    private let stop: StopSignal
    private var issued = 0
    /// Sequence number of the next clip to write.
    private var written = 0
    private var frames = 0
    private var ready: [Int: StreamFrame?] = [:]
    private var writing = false
    private var closed = false
    private var failures: [(id: Int, reason: String)] = []

    init(sequence: StreamIDSequence, window: Int, output: Output, stop: StopSignal) {
        self.sequence = sequence
        self.window = window
        self.output = output
        self.stop = stop
    }

    /// The next clip to make, or nil when the range is done, the reader is gone or a stop was asked.
    func take() -> Ticket? {
        condition.lock()
        defer { condition.unlock() }
        while !closed && !stop.isSet && issued >= written + window { condition.wait() }
        guard !closed, !stop.isSet, let next = sequence.next() else { return nil }
        issued += 1
        return Ticket(sequenceNumber: issued - 1, id: next.id, split: next.split)
    }

    func failed(id: Int, reason: String) {
        condition.lock()
        failures.append((id, reason))
        condition.unlock()
    }

    /// Hands in a made clip (nil when it failed) and writes whatever is now in order.
    func deliver(sequenceNumber: Int, frame: StreamFrame?) {
        condition.lock()
        defer { condition.unlock() }
        ready[sequenceNumber] = .some(frame)
        guard !writing else { return }
        writing = true
        while !closed, let entry = ready.removeValue(forKey: written) {
            condition.unlock()
            let ok = entry.map { output.write($0.start, $0.samples) } ?? true
            condition.lock()
            if ok {
                if entry != nil { frames += 1 }
            } else {
                closed = true
            }
            written += 1
            condition.broadcast()
        }
        writing = false
        if closed { ready.removeAll() }
    }

    var outcome: ClipStream.Outcome {
        condition.lock()
        defer { condition.unlock() }
        return ClipStream.Outcome(
            written: frames, failures: failures.sorted { $0.id < $1.id }, outputClosed: closed, stopped: nil)
    }
}
