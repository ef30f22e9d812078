// Each layer adds one benchmark function in its own file; pass names to run a subset.
let benchmarks: [(String, () -> Void)] = [
    ("core", coreBenchmarks),
    ("channel", channelBenchmarks),
    ("dataset", datasetBenchmarks),
]
let wanted = Set(CommandLine.arguments.dropFirst())
for (name, run) in benchmarks where wanted.isEmpty || wanted.contains(name) {
    run()
}
