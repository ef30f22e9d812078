/// Filled in by the channel layer.
func channelBenchmarks() {}
