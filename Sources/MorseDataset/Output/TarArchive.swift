/// Builds POSIX ustar archives byte for byte: the same members in the same order always give
/// the same bytes (modification time 0, owner 0:0, mode 0644, no user or group names).
///
/// An archive is a 512-byte header per member, the member's bytes padded with zeros to a
/// multiple of 512, and two zero blocks at the end.
public enum TarArchive {
    public static let blockSize = 512

    /// The header block of a regular file `name` (at most 100 bytes of UTF-8) holding `size` bytes.
    public static func header(name: String, size: Int) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: blockSize)
        func put(_ text: String, at offset: Int) {
            for (index, byte) in text.utf8.enumerated() { block[offset + index] = byte }
        }
        func octal(_ value: Int, width: Int) -> String {
            let digits = String(value, radix: 8)
            return String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits
        }
        put(String(name.utf8.prefix(100)) ?? "", at: 0)
        put(octal(0o644, width: 8), at: 100)
        put(octal(0, width: 8), at: 108)
        put(octal(0, width: 8), at: 116)
        put(octal(size, width: 12), at: 124)
        put(octal(0, width: 12), at: 136)
        put("0", at: 156)
        put("ustar", at: 257)
        put("00", at: 263)
        put(octal(0, width: 8), at: 329)
        put(octal(0, width: 8), at: 337)
        // The checksum is the byte sum of the header with its own field read as eight spaces.
        put("        ", at: 148)
        let sum = block.reduce(0) { $0 + Int($1) }
        put(octal(sum, width: 7), at: 148)
        block[155] = 0x20
        return block
    }

    /// Zeros that pad `size` bytes of member data to a whole number of blocks.
    public static func padding(after size: Int) -> [UInt8] {
        [UInt8](repeating: 0, count: (blockSize - size % blockSize) % blockSize)
    }

    /// The two zero blocks that end an archive.
    public static let end = [UInt8](repeating: 0, count: 2 * blockSize)
}

/// Writes one tar archive through a temporary file, member by member, and renames it into place.
final class TarFileWriter {
    let file: BufferedFileWriter

    init(files: DatasetFiles, path: String) throws(DatasetError) {
        file = try files.writer(path)
    }

    /// Appends member `name` with contents `bytes`.
    func add(name: String, bytes: some Collection<UInt8>) throws(DatasetError) {
        try file.write(bytes: TarArchive.header(name: name, size: bytes.count))
        try file.write(bytes: bytes)
        try file.write(bytes: TarArchive.padding(after: bytes.count))
    }

    /// Ends the archive and renames it into place.
    func finish() throws(DatasetError) {
        try file.write(bytes: TarArchive.end)
        try file.finish()
    }

    func abandon() { file.abandon() }
}
