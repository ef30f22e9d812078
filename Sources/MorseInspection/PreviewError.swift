/// Why a spectrogram or preview cannot be drawn with the parameters or audio given.
public enum PreviewError: Error, Equatable, CustomStringConvertible {
    case sampleRate(Double)
    case frames(windowLength: Int, hop: Int, fftSize: Int)
    case tone(Double)
    case tooLong(seconds: Double)

    public var description: String {
        switch self {
        case let .sampleRate(rate):
            "sample rate \(rate) Hz cannot be drawn; use \(Int(Spectrogram.sampleRates.lowerBound)) to \(Int(Spectrogram.sampleRates.upperBound)) Hz"
        case let .frames(window, hop, size):
            "spectrogram frames of \(window) samples every \(hop) with a \(size)-point FFT are not usable; use a window of 16 to 65536 samples, a hop of 1 to the window, and an FFT at least the window"
        case let .tone(tone):
            "tone \(tone) Hz is not a number a preview can centre on; give a finite tone"
        case let .tooLong(seconds):
            "the audio lasts \(Int(seconds.rounded())) s; a preview draws at most \(Int(ClipPreview.maximumDuration)) s (one pixel column per hop) — cut the clip first"
        }
    }
}
