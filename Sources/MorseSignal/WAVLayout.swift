/// Where a WAV file's format and samples are: the `fmt ` chunk's fields and the `data` chunk's place.
///
/// Chunks may come in any order and unknown ones are skipped. Parsing stops at the data chunk
/// without reading it, so the first few KiB of a file are enough (see `WAVHeader` in inspection).
public struct WAVLayout: Sendable, Hashable {
    /// WAVE format tag: 1 = integer PCM, 3 = IEEE float.
    public var formatTag: Int
    public var channels: Int
    /// Samples per second.
    public var sampleRate: Int
    public var bitsPerSample: Int
    /// Byte offset of the first sample.
    public var dataOffset: Int
    /// Bytes of sample data the header declares (the file may hold fewer).
    public var dataSize: Int

    /// Reads the layout from `bytes`: the whole file or its start.
    public static func parse(_ bytes: [UInt8]) throws(WAVError) -> WAVLayout {
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        func tag(_ at: Int) -> String { String(decoding: bytes[at..<(at + 4)], as: UTF8.self) }
        guard bytes.count >= 12, tag(0) == "RIFF", tag(8) == "WAVE" else { throw .notWAV }
        var position = 12
        var format: (tag: Int, channels: Int, rate: Int, bits: Int)?
        while position + 8 <= bytes.count {
            let id = tag(position)
            let size = u32(position + 4)
            let body = position + 8
            if id == "data" {
                guard let format else { throw .notWAV }
                return WAVLayout(
                    formatTag: format.tag, channels: format.channels, sampleRate: format.rate,
                    bitsPerSample: format.bits,
                    dataOffset: body, dataSize: size)
            }
            if id == "fmt " {
                guard size >= 16 else { throw .notWAV }
                guard body + 16 <= bytes.count else { throw .truncated(expected: body + 16, actual: bytes.count) }
                format = (u16(body), u16(body + 2), u32(body + 4), u16(body + 14))
            }
            position = body + size + (size & 1)
        }
        throw format == nil ? .notWAV : .noData
    }
}
