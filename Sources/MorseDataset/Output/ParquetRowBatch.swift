import Foundation
import MorseDatasetFormat
import Synchronization

/// Decodes a batch of clip records into Parquet rows on several threads, rows in the batch's order.
///
/// Finalisation runs on one thread after every clip is made, and decoding each record against the
/// declared features was most of its time (about 9 % of a one-worker `generate`). The records are
/// independent, so the batch is cut into one contiguous block per worker; the rows are then appended
/// in order by the caller, so the file's bytes do not depend on the worker count.
enum ParquetRowBatch {
    static func decode(
        _ records: [Data], features: [(String, ClipFeature)], workers: Int
    ) -> [Result<[ParquetValue], any Error>] {
        let blocks = max(1, min(workers, records.count / 16))
        guard blocks > 1 else { return records.map { decodeOne($0, features) } }
        let size = (records.count + blocks - 1) / blocks
        let decoded = Mutex<[[Result<[ParquetValue], any Error>]]>(Array(repeating: [], count: blocks))
        DispatchQueue.concurrentPerform(iterations: blocks) { block in
            let range = (block * size)..<min(records.count, (block + 1) * size)
            let rows = records[range].map { decodeOne($0, features) }
            decoded.withLock { $0[block] = rows }
        }
        return decoded.withLock { $0.flatMap { $0 } }
    }

    /// One record's row; each call has its own decoder, so threads share nothing mutable.
    private static func decodeOne(_ record: Data, _ features: [(String, ClipFeature)]) -> Result<
        [ParquetValue], any Error
    > {
        Result { try ParquetRecord.row(record, features: features, decoder: JSONDecoder()) }
    }
}
