import Foundation
import MorseDataset

/// Any bytes as a journal file through the journal index (and each indexed line read back).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJournal(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let path = NSTemporaryDirectory() + "/fuzz-journal-\(getpid()).jsonl"
    FileManager.default.createFile(atPath: path, contents: Data(bytes: data, count: count))
    defer { unlink(path) }
    var index = JournalIndex(count: 64)
    guard (try? index.add(journal: path)) != nil else { return 0 }
    var handles: [Int: FileHandle] = [:]
    for id in 0..<index.indexedEnd {
        if let entry = index.entry(id) { _ = try? index.record(entry, handles: &handles) }
    }
    for handle in handles.values { try? handle.close() }
    return 0
}
