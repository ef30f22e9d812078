import Foundation
import Testing

@testable import MorseDataset

/// The plain-text corpus is kept in memory to draw lines from, so its size is bounded: a file with
/// more text than the limit is refused once that much is read, naming the file and the limit.
@Suite("Corpus size limit")
struct CorpusLimitTests {
    @Test func aCorpusOverTheLimitIsRefusedAfterTheLimit() throws {
        let folder = temporaryFolder()
        let path = folder + "/corpus.txt"
        try String(repeating: "CQ TEST DE K1ABC\n", count: 1000).write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try DatasetConfig.plainTextLines(path, limit: 17 * 1000).count == 1000)
        #expect {
            try DatasetConfig.plainTextLines(path, limit: 17 * 999)
        } throws: { error in
            let text = String(describing: error)
            return text.contains("corpus.txt") && text.contains("line 1000") && text.contains("smaller file")
        }
    }
}
