import Foundation
import Testing

@testable import MorseFileSystem

/// Issue 12 item 10: a large `plain_text_file` is streamed in bounded memory and a stop request
/// is seen between chunks.
@Suite struct TextFileLinesTests {
    static func lines(of path: String, chunkSize: Int, maximumLineLength: Int = 1 << 20) throws -> [String] {
        var lines: [String] = []
        let reader = TextFileLines(path: path, maximumLineLength: maximumLineLength, chunkSize: chunkSize)
        let outcome = try reader.forEachLine { line, number in
            #expect(number == lines.count + 1)
            lines.append(line)
        }
        #expect(outcome == .finished(lines: lines.count))
        return lines
    }

    /// Every chunk size (lines cut anywhere, even inside a UTF-8 character) gives the lines a
    /// whole-file split gives.
    @Test(arguments: [1, 2, 3, 7, 64, 1 << 20])
    func chunkBoundariesDoNotChangeTheLines(chunkSize: Int) throws {
        let temp = TemporaryFolder()
        let text = "CQ CQ DE W1AW\r\nÄÖÜ 73 ☺\n\nlast line without newline"
        writeFile(text, temp("corpus.txt"))
        let expected = ["CQ CQ DE W1AW", "ÄÖÜ 73 ☺", "", "last line without newline"]
        #expect(try Self.lines(of: temp("corpus.txt"), chunkSize: chunkSize) == expected)
    }

    @Test func stopRequestEndsReadingBetweenChunks() throws {
        let temp = TemporaryFolder()
        writeFile(String(repeating: "HELLO WORLD\n", count: 1000), temp("big.txt"))
        var delivered = 0
        var asked = 0
        let reader = TextFileLines(path: temp("big.txt"), chunkSize: 120)
        let outcome = try reader.forEachLine(
            shouldStop: {
                asked += 1
                return asked > 2
            },
            { _, _ in delivered += 1 })
        // Two chunks of 120 bytes hold 20 whole lines of 12 bytes.
        #expect(outcome == .stopped(lines: 20))
        #expect(delivered == 20)
    }

    @Test func overlongLineIsRefusedWithItsNumber() throws {
        let temp = TemporaryFolder()
        writeFile("short\n" + String(repeating: "x", count: 100) + "\n", temp("binary.txt"))
        let error = fileSystemError { _ = try Self.lines(of: temp("binary.txt"), chunkSize: 16, maximumLineLength: 50) }
        #expect(error == .lineTooLong(path: temp("binary.txt"), line: 2, limit: 50))
        // A line of exactly the limit is accepted.
        writeFile(String(repeating: "y", count: 50) + "\n", temp("edge.txt"))
        #expect(try Self.lines(of: temp("edge.txt"), chunkSize: 16, maximumLineLength: 50).first?.count == 50)
    }

    @Test func invalidUTF8IsRefusedWithItsLineNumber() throws {
        let temp = TemporaryFolder()
        _ = FileManager.default.createFile(atPath: temp("latin1.txt"), contents: Data([0x41, 0x0A, 0x42, 0xE4, 0x0A]))
        #expect(
            fileSystemError { _ = try Self.lines(of: temp("latin1.txt"), chunkSize: 4) }
                == .notText(path: temp("latin1.txt"), line: 2))
    }

    /// A FIFO given as the corpus is refused at once instead of waiting for a writer.
    @Test func fifoCorpusIsRefused() throws {
        let temp = TemporaryFolder()
        #expect(mkfifo(temp("corpus.txt"), 0o644) == 0)
        #expect(
            fileSystemError { _ = try Self.lines(of: temp("corpus.txt"), chunkSize: 16) }?.isNotRegular(.fifo) == true)
        #expect(fileSystemError { _ = try Self.lines(of: temp("missing.txt"), chunkSize: 16) }?.errno == ENOENT)
    }
}
