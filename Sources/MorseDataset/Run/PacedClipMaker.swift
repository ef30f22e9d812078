import Foundation
import MorseDatasetFormat

/// A clip factory that pauses before each clip: a test hook that makes a short run slow enough to
/// interrupt at a chosen moment, whatever the build's speed. The clips themselves are unchanged.
struct PacedClipMaker<Maker: ClipMaking>: ClipMaking {
    var maker: Maker
    /// Seconds to wait before each clip; 0 makes no pause.
    let delay: Double

    init(_ maker: Maker, delay: Double) {
        self.maker = maker
        self.delay = delay
    }

    mutating func make(id: Int, split: DatasetSplit) throws -> MadeClip {
        if delay > 0 { Thread.sleep(forTimeInterval: delay) }
        return try maker.make(id: id, split: split)
    }
}
