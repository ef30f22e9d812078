import Foundation
import Testing

/// The package must stay usable as a versioned dependency: SwiftPM refuses every product of a
/// package whose manifest uses `unsafeFlags` (e.g. `-Ounchecked`) when it is depended on by version.
@Suite struct PackageManifestTests {
    @Test func manifestHasNoUnsafeFlags() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(manifest.contains("let package = Package("), "not the package manifest: \(root.path)")
        let lines = manifest.split(separator: "\n").enumerated().filter { $0.element.contains("unsafeFlags") }
        #expect(lines.isEmpty, "Package.swift uses unsafeFlags at lines \(lines.map { $0.offset + 1 })")
    }
}
