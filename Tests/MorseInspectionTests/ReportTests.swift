import Foundation
import MorseCode
import Testing

@testable import MorseInspection

@Suite("stats, HTML report, PNG preview")
struct ReportTests {
    @Test("the profile counts every clip and symbol")
    func profile() throws {
        let (profile, selected) = try DatasetProfile.read(root: Fixture.dataset, survey: DecoderSurvey(fraction: 1))
        let lines = try metadataLines(Fixture.dataset)
        #expect(profile.clips == lines.count)
        #expect(selected.count == profile.clips - profile.noiseOnly)
        let splits = try #require(profile.distributions.first)
        #expect(splits.total == lines.count)
        let symbols = try #require(profile.distributions.last)
        #expect(symbols.total == profile.symbolCount && profile.symbolCount > 0)
        let text = profile.lines().joined(separator: "\n")
        #expect(text.contains("Duration (s)") && text.contains("Fist") && text.contains("█"))
    }

    @Test("the HTML report is self-contained with an SVG chart per distribution")
    func html() throws {
        let (profile, _) = try DatasetProfile.read(root: Fixture.dataset, survey: nil)
        let html = HTMLReport(title: "test <report>", profile: profile, decoder: nil).html
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(
            html.components(separatedBy: "<svg ").count - 1 == profile.distributions.filter { !$0.bins.isEmpty }.count)
        #expect(!html.contains("<script"))
        #expect(
            html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").range(of: "http") == nil,
            "no external resources")
        #expect(!html.contains("src=") && html.contains("test &lt;report&gt;"))
    }

    @Test("CRC-32 and Adler-32 match known values")
    func checksums() {
        #expect(Checksum.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(Checksum.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
    }

    @Test(
        "a PNG round-trips: chunks, CRCs, stored deflate blocks, Adler-32 and pixels",
        arguments: [(3, 2), (200, 150), (400, 120)])
    func pngRoundTrip(width: Int, height: Int) throws {
        var image = RGBImage(width: width, height: height, colour: RGB(10, 20, 30))
        for x in 0..<width { image.set(x: x, y: x % height, RGB(UInt8(x % 256), 200, UInt8(255 - x % 256))) }
        let decoded = try decodePNG(PNGEncoder.encode(image))
        #expect(decoded == image)
    }

    @Test("the preview marks each labelled character at its time")
    func preview() throws {
        var rng = SeededGenerator(seed: 3)
        let timeline = Keyer(timing: MorseTiming(wpm: 25)).key(try MorseText("CQ <KN>"), using: &rng).shifted(by: 0.5)
        let preview = try ClipPreview(sampleRate: 16_000, tone: 700)
        let samples = [Float](repeating: 0, count: 16_000 * Int(timeline.duration + 1))
        let image = try preview.render(samples, characters: timeline.characters, title: "test")
        #expect(image.width == samples.count / 64 + ClipPreview.frequencyAxisWidth)
        #expect(image.height == ClipPreview.spectrogramTop + preview.spectrogramHeight + 14)
        let middle = ClipPreview.spectrogramTop + preview.spectrogramHeight / 2
        for character in timeline.characters {
            #expect(image.pixel(x: preview.x(character.start), y: middle) == ClipPreview.startColour)
            #expect(image.pixel(x: preview.x(character.end), y: middle) == ClipPreview.endColour)
        }
        // A column between characters is not marked.
        let between = (preview.x(timeline.characters[0].end) + preview.x(timeline.characters[1].start)) / 2
        #expect(image.pixel(x: between, y: middle) != ClipPreview.startColour)
    }

    /// A strict PNG reader for what ``PNGEncoder`` writes (8-bit RGB, stored deflate, filter 0).
    func decodePNG(_ bytes: [UInt8]) throws -> RGBImage {
        func u32(_ at: Int) -> UInt32 { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | UInt32($1) } }
        try #require(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var position = 8
        var width = 0, height = 0
        var idat: [UInt8] = []
        var types: [String] = []
        while position < bytes.count {
            let length = Int(u32(position))
            let type = String(decoding: bytes[(position + 4)..<(position + 8)], as: UTF8.self)
            let body = Array(bytes[(position + 8)..<(position + 8 + length)])
            #expect(
                u32(position + 8 + length) == Checksum.crc32(Array(bytes[(position + 4)..<(position + 8 + length)])),
                "CRC of \(type)")
            types.append(type)
            if type == "IHDR" {
                width = Int(u32(position + 8)); height = Int(u32(position + 12))
                #expect(Array(body[8...]) == [8, 2, 0, 0, 0])
            }
            if type == "IDAT" { idat += body }
            position += 12 + length
        }
        #expect(types == ["IHDR", "IDAT", "IEND"])
        #expect((Int(idat[0]) << 8 | Int(idat[1])) % 31 == 0)
        var raw: [UInt8] = []
        var at = 2
        while true {
            let header = idat[at]
            let length = Int(idat[at + 1]) | Int(idat[at + 2]) << 8
            let complement = Int(idat[at + 3]) | Int(idat[at + 4]) << 8
            #expect(length ^ complement == 0xFFFF && header & 0b110 == 0)
            raw += idat[(at + 5)..<(at + 5 + length)]
            at += 5 + length
            if header & 1 == 1 { break }
        }
        let adler = idat[at..<(at + 4)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        #expect(adler == Checksum.adler32(raw))
        var image = RGBImage(width: width, height: height)
        for y in 0..<height {
            let line = y * (width * 3 + 1)
            #expect(raw[line] == 0)
            for x in 0..<width {
                let p = line + 1 + x * 3
                image.set(x: x, y: y, RGB(raw[p], raw[p + 1], raw[p + 2]))
            }
        }
        return image
    }
}
