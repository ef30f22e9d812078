import MorseCode

/// Any text through the Morse text parser, both policies; text that parses must read back to
/// itself from its canonical spelling (the labels depend on that).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    _ = try? MorseText(text, unknown: .drop)
    if let parsed = try? MorseText(text) {
        guard let again = try? MorseText(parsed.description), again == parsed else {
            fatalError("'\(parsed.description)' (from \(Array(text.utf8))) does not read back to itself")
        }
    }
    return 0
}
