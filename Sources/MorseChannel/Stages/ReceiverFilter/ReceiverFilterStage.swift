/// The receiver's filter over everything at the antenna, centred on the clip's tuning.
///
/// Parameters: ``ChannelParameters/filter``. Report: ``ChannelReport/centreFrequency`` and the
/// filter's −3 dB edges.
struct ReceiverFilterStage: ChannelStage {
    let filter: ReceiverFilter
    let centre: Double

    init(parameters: ChannelParameters, centre: Double, sampleRate: Double) {
        filter = ReceiverFilter(kind: parameters.filter, centre: centre, sampleRate: sampleRate)
        self.centre = centre
    }

    func process(_ clip: ChannelClip, scratch: inout ChannelScratch) {
        filter.processInLanes(clip.samples, count: clip.total, available: clip.front)
    }

    func record(_ measured: Void, into report: inout ChannelReport) {
        report.centreFrequency = centre
        report.filterLow = filter.lowEdge
        report.filterHigh = filter.highEdge
    }
}
