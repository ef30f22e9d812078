/// Sample encodings we write to WAV.
public enum WAVSampleFormat: String, CaseIterable, Codable, Sendable {
    /// 16-bit signed PCM (format tag 1): what Whisper loaders and Python's `wave` expect.
    case pcm16
    /// 32-bit IEEE float (format tag 3), with a `fact` chunk as the spec asks for non-PCM data.
    case float32

    var bytesPerSample: Int { self == .pcm16 ? 2 : 4 }
    var formatTag: UInt16 { self == .pcm16 ? 1 : 3 }
}

/// Encodes mono audio as a RIFF/WAVE file in memory.
public enum WAVEncoder {
    /// Size in bytes of the header that precedes the samples.
    public static func headerSize(format: WAVSampleFormat) -> Int { format == .pcm16 ? 44 : 58 }

    /// The complete file for `samples` (full scale ±1; PCM values beyond it are clipped).
    public static func encode(_ samples: UnsafeBufferPointer<Float>, sampleRate: Int, format: WAVSampleFormat = .pcm16)
        -> [UInt8]
    {
        let header = headerSize(format: format)
        let dataSize = samples.count * format.bytesPerSample
        return [UInt8](unsafeUninitializedCapacity: header + dataSize) { bytes, initialized in
            var writer = ByteWriter(bytes: bytes)
            writer.ascii("RIFF"); writer.u32(UInt32(header - 8 + dataSize)); writer.ascii("WAVE")
            writer.ascii("fmt ")
            writer.u32(format == .pcm16 ? 16 : 18)
            writer.u16(format.formatTag); writer.u16(1)
            writer.u32(UInt32(sampleRate)); writer.u32(UInt32(sampleRate * format.bytesPerSample))
            writer.u16(UInt16(format.bytesPerSample)); writer.u16(UInt16(format.bytesPerSample * 8))
            if format == .float32 {
                writer.u16(0)
                writer.ascii("fact"); writer.u32(4); writer.u32(UInt32(samples.count))
            }
            writer.ascii("data"); writer.u32(UInt32(dataSize))
            let body = UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(bytes)[header...])
            switch format {
            case .pcm16:
                if let input = samples.baseAddress, let out = body.baseAddress {
                    encodePCM16(input, count: samples.count, into: out)
                }
            case .float32:
                let out = body.bindMemory(to: UInt32.self)
                for index in 0..<samples.count { out[index] = samples[index].bitPattern.littleEndian }
            }
            initialized = header + dataSize
        }
    }

    /// Float → 16-bit PCM, eight samples per step: clamp to ±1, scale by 32767, round to nearest
    /// (ties to even) by adding 1.5·2²³, whose float then holds the integer in its low mantissa
    /// bits; the low 16 of them are the sample's two's-complement bits. No float→int conversion.
    /// Stores the vectors as they are: WAV is little-endian, like every platform we build for.
    static func encodePCM16(_ input: UnsafePointer<Float>, count: Int, into output: UnsafeMutableRawPointer) {
        let magic: Float = 12_582_912
        var n = 0
        while n + 8 <= count {
            var scaled = UnsafeRawPointer(input + n).loadUnaligned(as: SIMD8<Float>.self) * 32767
            scaled.replace(with: 32767, where: scaled .> 32767)
            scaled.replace(with: -32767, where: scaled .< -32767)
            let bits = unsafeBitCast(scaled + magic, to: SIMD8<UInt32>.self)
            let pcm = SIMD8<UInt16>(truncatingIfNeeded: bits)
            output.storeBytes(of: pcm, toByteOffset: 2 * n, as: SIMD8<UInt16>.self)
            n += 8
        }
        while n < count {
            let scaled = min(max(input[n] * 32767, -32767), 32767)
            let pcm = UInt16(truncatingIfNeeded: (scaled + magic).bitPattern)
            output.storeBytes(of: pcm.littleEndian, toByteOffset: 2 * n, as: UInt16.self)
            n += 1
        }
    }

    public static func encode(_ samples: [Float], sampleRate: Int, format: WAVSampleFormat = .pcm16) -> [UInt8] {
        samples.withUnsafeBufferPointer { encode($0, sampleRate: sampleRate, format: format) }
    }
}

/// Writes little-endian fields into a byte buffer.
struct ByteWriter {
    let bytes: UnsafeMutableBufferPointer<UInt8>
    var position = 0

    mutating func u16(_ value: UInt16) {
        bytes[position] = UInt8(value & 0xFF); bytes[position + 1] = UInt8(value >> 8)
        position += 2
    }
    mutating func u32(_ value: UInt32) {
        u16(UInt16(value & 0xFFFF)); u16(UInt16(value >> 16))
    }
    mutating func ascii(_ text: StaticString) {
        text.withUTF8Buffer { for byte in $0 { bytes[position] = byte; position += 1 } }
    }
}
