import MorseDecoder
import MorseInspection
import MorseSignal

/// Any bytes through the WAV parser, the limits, the inspection header reader and, when they
/// decode, the reference decoder and the preview's spectrogram: none may crash or allocate
/// beyond `WAVLimits` (libFuzzer's -rss_limit_mb catches the second).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWAV(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    _ = try? WAVHeader.parse(Array(bytes.prefix(WAVLimits.headerBytes)), fileSize: bytes.count)
    // Short files only through the decoder, so each input runs in milliseconds.
    var limits = WAVLimits.standard
    limits.maximumSamples = 1 << 13
    guard let audio = try? WAVDecoder.decode(bytes, limits: limits), audio.channels == 1 else { return 0 }
    if let decoder = try? CWDecoder(sampleRate: Double(audio.sampleRate)) { _ = decoder.decode(audio.samples) }
    if let preview = try? ClipPreview(sampleRate: Double(audio.sampleRate), tone: Double(bytes.count % 3000)) {
        _ = try? preview.render(audio.samples, characters: [], title: "fuzz")
    }
    return 0
}
