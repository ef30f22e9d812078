/// Lists the members of a ustar archive from their headers alone: nothing is extracted and no
/// member's bytes are read, so a hostile archive costs at most one 512-byte read per member.
///
/// Only what the tool writes is accepted (see `TarArchive` in MorseDataset): regular files with
/// relative names, sizes within ``Limits/memberSize``, headers whose checksum holds, and the two
/// zero blocks at the end. Anything else (a link, a folder, a pax or GNU extension header, a name
/// with `..` or a leading `/`, a size past the end of the file) is refused with the archive's
/// path, the header's byte offset and the value found.
public enum TarReader {
    public static let blockSize = 512

    /// What an archive may hold before it is refused as not ours.
    public struct Limits: Sendable {
        /// The largest member in bytes (a WAV file is at most 4 GiB; ours are far smaller).
        public var memberSize: Int
        /// The most members one archive may list.
        public var members: Int

        public init(memberSize: Int = 1 << 32, members: Int = 4_000_000) {
            self.memberSize = memberSize
            self.members = members
        }
    }

    /// A regular file inside an archive.
    public struct Member: Sendable, Hashable {
        /// Its name, as the header states it (`morse_000042.wav`).
        public var name: String
        /// Byte offset of its first byte in the archive.
        public var offset: Int
        /// Its size in bytes.
        public var size: Int
        /// Byte offset of its header.
        public var headerOffset: Int
    }

    /// Why an archive cannot be listed.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case unreadable(FileSystemError)
        /// The file ends inside a header or a member (`needed` bytes, the file has `size`).
        case truncated(path: String, offset: Int, needed: Int, size: Int)
        /// No end-of-archive blocks after the last member.
        case unterminated(path: String, size: Int)
        case badChecksum(path: String, offset: Int, stated: String, computed: Int)
        case badNumber(path: String, offset: Int, field: String, value: String)
        case oversize(path: String, offset: Int, name: String, size: Int, limit: Int)
        case unsafeName(path: String, offset: Int, name: String)
        /// `type` is the header's type flag (`2` a symbolic link, `5` a folder, `x` a pax header, …).
        case notRegular(path: String, offset: Int, name: String, type: String)
        case tooManyMembers(path: String, limit: Int)

        static let fix =
            "the archive is damaged or was not written by morse-dataset; delete it and run the generate command again"

        public var description: String {
            switch self {
            case let .unreadable(error): "\(error)"
            case let .truncated(path, offset, needed, size):
                "\(path) is truncated: the entry at byte \(offset) needs \(needed) bytes but the file has \(size); \(Self.fix)"
            case let .unterminated(path, size):
                "\(path) ends at byte \(size) without the two zero blocks that end a tar archive (cut short?); \(Self.fix)"
            case let .badChecksum(path, offset, stated, computed):
                "\(path): the header at byte \(offset) states checksum '\(stated)' but its bytes sum to \(computed) (octal \(String(computed, radix: 8))); \(Self.fix)"
            case let .badNumber(path, offset, field, value):
                "\(path): the header at byte \(offset) has \(field) '\(value)', not an octal number; \(Self.fix)"
            case let .oversize(path, offset, name, size, limit):
                "\(path): member '\(name)' at byte \(offset) declares \(size) bytes, more than the limit of \(limit); \(Self.fix)"
            case let .unsafeName(path, offset, name):
                "\(path): member '\(name)' at byte \(offset) is not a plain relative name (empty, absolute or with '..'); it is never extracted; \(Self.fix)"
            case let .notRegular(path, offset, name, type):
                "\(path): member '\(name)' at byte \(offset) has type '\(type)', not a regular file (links, folders and extension headers are refused); \(Self.fix)"
            case let .tooManyMembers(path, limit): "\(path) lists more than \(limit) members; \(Self.fix)"
            }
        }
    }

    /// Every member of `file`, in archive order.
    public static func members(of file: ReadableFile, limits: Limits = Limits()) throws(Problem) -> [Member] {
        var members: [Member] = []
        var offset = 0
        let size = file.size
        while true {
            guard offset + blockSize <= size else {
                if offset == size { throw .unterminated(path: file.path, size: size) }
                throw .truncated(path: file.path, offset: offset, needed: blockSize, size: size - offset)
            }
            let block: [UInt8]
            do { block = try file.read(at: offset, count: blockSize) } catch { throw .unreadable(error) }
            guard block.count == blockSize else {
                throw .truncated(path: file.path, offset: offset, needed: blockSize, size: block.count)
            }
            // The first zero block ends the archive (writers add a second; readers stop at the first).
            if block.allSatisfy({ $0 == 0 }) { return members }
            guard members.count < limits.members else { throw .tooManyMembers(path: file.path, limit: limits.members) }
            let member = try parse(block, at: offset, path: file.path, limits: limits)
            let padded = (member.size + blockSize - 1) / blockSize * blockSize
            guard member.offset + member.size <= size else {
                throw .truncated(path: file.path, offset: offset, needed: blockSize + member.size, size: size - offset)
            }
            members.append(member)
            offset = member.offset + padded
        }
    }

    /// The member a header block describes (its bytes follow at `offset + 512`).
    public static func parse(_ block: [UInt8], at offset: Int, path: String, limits: Limits) throws(Problem) -> Member {
        func text(_ range: Range<Int>) -> String {
            String(decoding: block[range].prefix { $0 != 0 }, as: UTF8.self)
        }
        func octal(_ range: Range<Int>, _ field: String) throws(Problem) -> Int {
            let raw = text(range)
            let digits = raw.trimmingSpaces
            // At most 11 octal digits (the ustar size field): base-256 sizes are GNU extensions.
            guard !digits.isEmpty, digits.count <= 11, let value = Int(digits, radix: 8), value >= 0 else {
                throw .badNumber(path: path, offset: offset, field: field, value: raw)
            }
            return value
        }
        let stated = try octal(148..<156, "checksum")
        var computed = 0
        for (index, byte) in block.enumerated() { computed += (148..<156).contains(index) ? 0x20 : Int(byte) }
        guard stated == computed else {
            throw .badChecksum(path: path, offset: offset, stated: text(148..<156), computed: computed)
        }
        var name = text(0..<100)
        let isUstar = block[257..<262].elementsEqual("ustar".utf8)
        if isUstar {
            let prefix = text(345..<500)
            if !prefix.isEmpty { name = prefix + "/" + name }
        }
        let type = block[156]
        // '0' and NUL are regular files; everything else is refused before its size is trusted.
        guard type == UInt8(ascii: "0") || type == 0 else {
            throw .notRegular(
                path: path, offset: offset, name: name, type: String(decoding: CollectionOfOne(type), as: UTF8.self))
        }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.isEmpty, !name.hasPrefix("/"), !parts.contains(".."), !name.utf8.contains(0x5C) else {
            throw .unsafeName(path: path, offset: offset, name: name)
        }
        let size = try octal(124..<136, "size")
        guard size <= limits.memberSize else {
            throw .oversize(path: path, offset: offset, name: name, size: size, limit: limits.memberSize)
        }
        return Member(name: name, offset: offset + blockSize, size: size, headerOffset: offset)
    }
}

extension String {
    /// Without leading and trailing spaces (tar number fields may be space-padded).
    fileprivate var trimmingSpaces: String {
        String(self.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
