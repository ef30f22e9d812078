/// The output limiter over the clip (not its pre-roll).
///
/// Parameters: ``ChannelParameters/limiterCeiling`` (clamped to 0.01 … 1). Report:
/// ``ChannelReport/outputPeak`` and ``ChannelReport/limitedFraction``.
struct LimiterStage: ChannelStage {
    let limiter: OutputLimiter

    init(parameters: ChannelParameters) {
        limiter = OutputLimiter(ceiling: Float(min(max(parameters.limiterCeiling, 0.01), 1)))
    }

    /// Returns how many samples were above the knee, and the clip's length.
    func process(_ clip: ChannelClip, scratch: inout ChannelScratch) -> (limited: Int, outputPeak: Float, count: Int) {
        let count = clip.count
        let result = limiter.process(clip.samples + clip.preroll, count: count)
        return (result.limited, result.outputPeak, count)
    }

    func record(_ measured: (limited: Int, outputPeak: Float, count: Int), into report: inout ChannelReport) {
        report.outputPeak = Double(measured.outputPeak)
        report.limitedFraction = measured.count > 0 ? Double(measured.limited) / Double(measured.count) : 0
    }
}
