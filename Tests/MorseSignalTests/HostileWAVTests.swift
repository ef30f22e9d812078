import Foundation
import Testing

@testable import MorseSignal

/// A WAV file's bytes with any header fields, as a hostile or broken writer might produce them.
func wavBytes(
    rate: UInt32 = 16_000, channels: UInt16 = 1, bits: UInt16 = 16, tag: UInt16 = 1, declaredData: UInt32? = nil,
    data: [UInt8] = [UInt8](repeating: 0, count: 3200)
) -> [UInt8] {
    var bytes: [UInt8] = []
    func u16(_ value: UInt16) { bytes += [UInt8(value & 0xFF), UInt8(value >> 8)] }
    func u32(_ value: UInt32) { u16(UInt16(value & 0xFFFF)); u16(UInt16(value >> 16)) }
    bytes += Array("RIFF".utf8); u32(UInt32(36 + data.count)); bytes += Array("WAVEfmt ".utf8); u32(16)
    u16(tag); u16(channels); u32(rate); u32(rate &* UInt32(channels) &* UInt32(bits / 8)); u16(channels &* (bits / 8));
    u16(bits)
    bytes += Array("data".utf8); u32(declaredData ?? UInt32(data.count))
    return bytes + data
}

/// A fresh folder under the temporary directory, removed when `body` returns.
func withTemporaryFolder<T>(_ body: (String) throws -> T) throws -> T {
    let folder = NSTemporaryDirectory() + "morse-hostile-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    return try body(folder)
}

@Suite("hostile WAV input is refused before anything is allocated")
struct HostileWAVTests {
    struct HeaderCase: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var field: String
        var testDescription: String { name }
    }

    static let headers: [HeaderCase] = [
        HeaderCase(name: "sample rate 0xFFFFFFFF", bytes: wavBytes(rate: 0xFFFF_FFFF), field: "sample rate"),
        HeaderCase(name: "sample rate 1", bytes: wavBytes(rate: 1), field: "sample rate"),
        HeaderCase(name: "sample rate 0", bytes: wavBytes(rate: 0), field: "sample rate"),
        HeaderCase(name: "no channels", bytes: wavBytes(channels: 0), field: "channel count"),
        HeaderCase(name: "65535 channels", bytes: wavBytes(channels: 0xFFFF), field: "channel count"),
        HeaderCase(name: "12-bit samples", bytes: wavBytes(bits: 12), field: "bits per sample"),
    ]

    /// Read from a file: the error names the path and the field, and no sample was read.
    @Test(arguments: headers)
    func impossibleHeaderFromFile(_ header: HeaderCase) throws {
        try withTemporaryFolder { folder in
            let path = folder + "/clip.wav"
            try Data(header.bytes).write(to: URL(fileURLWithPath: path))
            let error = #expect(throws: WAVReadError.self) { try WAVFile.read(path: path) }
            guard case let .format(named, .outOfLimits(field, _, _))? = error else {
                Issue.record("expected an out-of-limits \(header.field), got \(String(describing: error))")
                return
            }
            #expect(named == path && field == header.field)
            #expect(error?.description.contains(path) == true)
        }
    }

    @Test(arguments: headers)
    func impossibleHeaderInMemory(_ header: HeaderCase) {
        let error = #expect(throws: WAVError.self) { try WAVDecoder.decode(header.bytes) }
        guard case let .outOfLimits(field, _, _)? = error else {
            Issue.record("expected an out-of-limits \(header.field), got \(String(describing: error))")
            return
        }
        #expect(field == header.field)
    }

    /// A header that declares 4 GB of samples in a 3 kB file is refused from the sizes alone.
    @Test func declaredDataBeyondTheFile() throws {
        let bytes = wavBytes(declaredData: 0xFFFF_FFF0)
        try withTemporaryFolder { folder in
            let path = folder + "/clip.wav"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(
                throws: WAVReadError.format(path: path, .truncated(expected: 44 + 0xFFFF_FFF0, actual: bytes.count))
            ) {
                try WAVFile.read(path: path)
            }
        }
        #expect(throws: WAVError.truncated(expected: 44 + 0xFFFF_FFF0, actual: bytes.count)) {
            try WAVDecoder.decode(bytes)
        }
    }

    /// A sparse file whose header honestly declares 1.6 GB of samples (13.9 hours): refused by the
    /// length limits before its data is read (reading it would take 3.2 GB of Floats).
    @Test func declaredDataOverTheLengthLimit() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/long.wav"
            let dataSize = 1_600_000_000
            try Data(wavBytes(declaredData: UInt32(dataSize), data: [])).write(to: URL(fileURLWithPath: path))
            #expect(truncate(path, off_t(44 + dataSize)) == 0)
            let error = #expect(throws: WAVReadError.self) { try WAVFile.read(path: path) }
            guard case .format(path, .tooLong(_, let samples, _, _))? = error else {
                Issue.record("expected tooLong, got \(String(describing: error))")
                return
            }
            #expect(samples == dataSize / 2)
        }
    }

    /// A 2 GB sparse file of zeros is refused after reading its first bytes, naming its size.
    @Test func largeFileThatIsNoWAV() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/zeros.wav"
            #expect(FileManager.default.createFile(atPath: path, contents: nil))
            #expect(truncate(path, 2 << 30) == 0)
            #expect(throws: WAVReadError.format(path: path, .notRIFF(fileSize: 2 << 30))) {
                try WAVFile.read(path: path)
            }
        }
    }

    @Test func nonFiniteFloatSample() throws {
        var data: [UInt8] = []
        for value: Float in [0.5, -0.25, .nan, 1] { withUnsafeBytes(of: value.bitPattern.littleEndian) { data += $0 } }
        let bytes = wavBytes(bits: 32, tag: 3, data: data)
        #expect(throws: WAVError.nonFiniteSample(index: 2)) { try WAVDecoder.decode(bytes) }
    }

    /// A FIFO named like a clip is refused at once (opened non-blocking, checked with fstat), not read.
    @Test func fifoIsRefused() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/clip.wav"
            #expect(mkfifo(path, 0o644) == 0)
            #expect(throws: WAVReadError.file(.notRegular(path: path, kind: .fifo))) { try WAVFile.read(path: path) }
            #expect(throws: WAVReadError.file(.notRegular(path: path, kind: .fifo))) { try WAVFile.layout(path: path) }
        }
    }

    @Test func folderIsRefused() throws {
        try withTemporaryFolder { folder in
            let error = #expect(throws: WAVReadError.file(.notRegular(path: folder, kind: .directory))) {
                try WAVFile.read(path: folder)
            }
            #expect(error?.description == "'\(folder)' is a folder, not a regular file")
        }
    }

    @Test func symbolicLinkIsRefusedWhenAsked() throws {
        try withTemporaryFolder { folder in
            try Data(wavBytes()).write(to: URL(fileURLWithPath: folder + "/real.wav"))
            #expect(symlink(folder + "/real.wav", folder + "/link.wav") == 0)
            #expect(throws: WAVReadError.file(.notRegular(path: folder + "/link.wav", kind: .symbolicLink))) {
                try WAVFile.read(path: folder + "/link.wav", followSymlinks: false)
            }
            #expect(try WAVFile.read(path: folder + "/link.wav").samples.count == 1600)
        }
    }

    @Test func missingFileIsNamed() {
        #expect(throws: WAVReadError.file(.missing(path: "/nonexistent/clip.wav"))) {
            try WAVFile.read(path: "/nonexistent/clip.wav")
        }
    }

    /// Errors name the errno cause, not one sentence for everything.
    @Test func errnoIsNamed() {
        #expect(errorText(ENOTEMPTY).hasSuffix("(ENOTEMPTY)"))
        #expect(errorText(EROFS).hasSuffix("(EROFS)"))
        #expect(
            FileReadError.cannotOpen(path: "x", errno: EACCES).description
                == "'x' cannot be opened: Permission denied (EACCES)")
    }

    /// The reader reads what the encoder writes, through the file path too.
    @Test(arguments: WAVSampleFormat.allCases)
    func soundFileReads(format: WAVSampleFormat) throws {
        let samples: [Float] = (0..<777).map { Float(sin(Double($0) * 0.1)) * 0.5 }
        try withTemporaryFolder { folder in
            let path = folder + "/clip.wav"
            try Data(WAVEncoder.encode(samples, sampleRate: 8_000, format: format)).write(
                to: URL(fileURLWithPath: path))
            let audio = try WAVFile.read(path: path)
            #expect(audio == (try WAVDecoder.decode(WAVEncoder.encode(samples, sampleRate: 8_000, format: format))))
            #expect(audio.samples.count == 777 && audio.sampleRate == 8_000)
        }
    }
}
