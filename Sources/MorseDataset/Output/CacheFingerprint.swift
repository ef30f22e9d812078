import MorseFileSystem

/// The `description` of the cards' Hugging Face config: a digest of every clip record and the
/// dataset's real path.
///
/// `datasets` keeps a local folder's Arrow cache under the folder's basename and a hash of the
/// card's configs, which name only patterns (`audio/train/*.wav`), not files. Without this line two
/// datasets in folders of the same name, or one generated again in place, share one cache entry:
/// `load_dataset` silently returns the other dataset's rows, and fails once that folder is gone.
/// `description` is a field of `datasets`' `BuilderConfig`, so it enters that hash. Clips never
/// depend on it; a dataset moved or copied gets its own line from `merge DIR`, which finalises again.
struct CacheFingerprint {
    /// FNV-1a 64 over each clip's id, split and CRC-32C of its record (the CRC keeps the per-byte
    /// loop off the records; the record names the WAV's own checksum).
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The words before the digest, so tests and readers can find the line.
    static let prefix = "morse-dataset fingerprint "

    private mutating func add<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
    }

    private mutating func add(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { add($0) }
    }

    mutating func add(_ clip: FinishedClip) {
        add(UInt64(clip.id))
        add(clip.split.name.utf8)
        add(UInt64(clip.record.withUnsafeBytes { CRC32C.checksum($0) }))
    }

    /// The line for the card of `folder` (the dataset root, or a folder inside it): the digest of
    /// the clips so far and of the folder's real path (the path as named where it has none).
    func description(of folder: String) -> String {
        var copy = self
        switch RealPath.of(folder) {
        case let .success(real): copy.add(real.utf8)
        case .failure: copy.add(folder.utf8)
        }
        let hex = String(copy.hash, radix: 16)
        return Self.prefix + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
