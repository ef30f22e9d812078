import Foundation
import MorseDataset
import MorseDatasetFormat

/// Where a clip's time goes: planning (content fitted by exact keying), then rendering through
/// the receiver chain and encoding, on one core with the default config.
func datasetBenchmarks() {
    let settings = RunSettings(config: .defaults, numSamples: 100_000, seed: 1, maxDuration: 28, noiseRatio: 0.05)
    guard let planner = try? ClipPlanner(settings: settings) else { return print("dataset: planner failed") }
    let layout = DatasetLayout(root: "/tmp/unused", numSamples: 100_000)
    let clips = 200
    var audio = 0.0
    let start = Date()
    for id in 0..<clips { audio += (try? planner.plan(id))?.duration ?? 0 }
    let planTime = Date().timeIntervalSince(start) / Double(clips)
    let maker = ClipMaker(planner: planner, layout: layout)
    let makeStart = Date()
    for id in 0..<clips { _ = try? maker.make(id: id, split: .train) }
    let makeTime = Date().timeIntervalSince(makeStart) / Double(clips)
    let samples = audio / Double(clips) * Double(settings.sampleRate)
    report(
        "dataset clip (default config)",
        [
            ("mean_audio_s", String(format: "%.2f", audio / Double(clips))),
            ("plan_ms", String(format: "%.3f", planTime * 1000)),
            ("plan_render_encode_ms", String(format: "%.3f", makeTime * 1000)),
            ("ns_per_sample", String(format: "%.1f", makeTime * 1e9 / samples)),
            ("clips_per_s_per_core", String(format: "%.0f", 1 / makeTime)),
        ])
}
