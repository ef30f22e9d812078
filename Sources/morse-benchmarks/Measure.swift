import Foundation

/// Times `body` over enough repetitions to fill about `seconds`, returning seconds per call (best of 3 rounds).
func measure(seconds: Double = 1.0, _ body: () -> Void) -> Double {
    body()  // warm up
    var calls = 1
    var elapsed = 0.0
    while elapsed < seconds / 10 {
        calls *= 2
        elapsed = time(calls, body)
    }
    let perRound = max(1, Int(Double(calls) * (seconds / 3) / elapsed))
    return (0..<3).map { _ in time(perRound, body) / Double(perRound) }.min() ?? elapsed / Double(calls)
}

private func time(_ calls: Int, _ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<calls { body() }
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Prints one benchmark result line.
func report(_ name: String, _ fields: [(String, String)]) {
    print(
        ([name.padding(toLength: 28, withPad: " ", startingAt: 0)] + fields.map { "\($0.0)=\($0.1)" }).joined(
            separator: "  "))
}
