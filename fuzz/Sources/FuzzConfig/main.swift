import MorseDataset

/// Any text through the config loader (YAML parse, key checks, bounds): errors are fine, crashes not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let yaml = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    _ = try? DatasetConfig.load(yaml: yaml, source: "fuzz.yaml", relativeTo: nil)
    return 0
}
