import Foundation
import MorseFileSystem
import Testing

@testable import MorseDataset

/// Library messages name run settings as tokens; a front end spells them. The plain spelling
/// names no CLI flag, and advice is only given where it works.
@Suite struct ErrorMessageTests {
    /// A spelling that shows every token, so the tests see which setting a message points at.
    static func tokens(_ option: RunOption) -> String { "<\(option.rawValue)>" }

    static let errors: [DatasetError] = [
        .io(path: "/d", errno: ENOSPC, action: "write"),
        .foreignDirectory("/d"),
        .changedRun(path: "/d", difference: "seed 1 → 2"),
        .damagedJournal(path: "/d/.morse-dataset/journal.jsonl", line: 3),
        .notADataset("/d"),
        .mismatchedShards(path: "/a", reference: "/b", difference: "seed 1 → 2"),
        .file(.system(path: "/d/audio/train/morse_000001.wav", action: "write", errno: ENOSPC)),
        .file(.symbolicLink(path: "/d/audio/train", action: "create folder")),
    ]

    /// A failed step inside a dataset names the real cause by its errno symbol and the path, not
    /// "Permission denied" for everything (issue 12 item 11); a full disk also says where to go.
    @Test func fileErrorsNameTheErrnoAndThePath() {
        let full = DatasetError.file(.system(path: "/d/audio/train/morse_000001.wav", action: "write", errno: ENOSPC))
        let message = full.description(naming: Self.tokens)
        #expect(message.contains("(ENOSPC)") && message.contains("/d/audio/train/morse_000001.wav"), "\(message)")
        #expect(message.contains("give another <outputDirectory>"), "\(message)")
        #expect(full.systemErrno == ENOSPC)
        for (code, name) in [(EROFS, "EROFS"), (ENOTEMPTY, "ENOTEMPTY"), (ENXIO, "ENXIO"), (ELOOP, "ELOOP")] {
            let text = DatasetError.file(.system(path: "/d/x", action: "write", errno: code)).description
            #expect(text.contains("(\(name))") && !text.contains("Permission denied"), "\(text)")
            #expect(DatasetError.io(path: "/d/x", errno: code, action: "write").description.contains("(\(name))"))
        }
    }

    @Test(arguments: errors)
    func plainMessagesNameNoFlag(error: DatasetError) {
        #expect(!error.description.contains("--"), "\(error.description)")
        #expect(!error.description.contains("<"), "\(error.description)")
    }

    @Test func settingsAreTokensTheCallerSpells() {
        #expect(
            DatasetError.changedRun(path: "/d", difference: "x").description(naming: Self.tokens).contains(
                "start afresh with <overwrite>"))
        #expect(
            DatasetError.io(path: "/d", errno: ENOSPC, action: "write").description(naming: Self.tokens).contains(
                "give another <outputDirectory>"))
        let merge = DatasetError.mismatchedShards(path: "/a", reference: "/b", difference: "x").description(
            naming: Self.tokens)
        #expect(merge.contains("<numSamples>, <maxDuration>, <noiseRatio>"), "\(merge)")
    }

    /// Overwriting never replaces a folder we did not make, and merge has no such setting: neither
    /// the foreign-folder nor the damaged-journal message may advise it.
    @Test func noAdviceThatIsRefusedAgain() {
        for error in [DatasetError.foreignDirectory("/d"), .damagedJournal(path: "/j", line: 1)] {
            let message = error.description(naming: Self.tokens)
            #expect(!message.contains("<overwrite>") && !message.contains("overwrit"), "\(message)")
        }
    }

    @Test(arguments: [Double.infinity, -.infinity, .nan, 1e300, 1])
    func anUnusableMaximumDurationIsRefusedNamingTheSetting(maxDuration: Double) {
        let settings = smallSettings(maxDuration: maxDuration)
        #expect {
            try settings.validated()
        } throws: { error in
            guard let error = error as? DatasetError else { return false }
            return error.description(naming: Self.tokens).hasPrefix("<maxDuration> ")
        }
    }
}
