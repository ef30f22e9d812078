/// Plain-text formatting shared by the console summary, the dataset card and the inspection reports.

/// `value` with exactly `decimals` decimals (`12.50`), without Foundation's locale-dependent formatting.
public func fixed(_ value: Double, _ decimals: Int) -> String {
    guard value.isFinite else { return "-" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (abs(value) * scale).rounded()
    let whole = Int(rounded / scale)
    var fraction = String(Int(rounded.truncatingRemainder(dividingBy: scale)))
    fraction = String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
    return (value < 0 && rounded != 0 ? "-" : "") + String(whole) + (decimals > 0 ? "." + fraction : "")
}

/// `text` padded with spaces to `width` characters, on the right (or the left, for numbers).
public func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return left ? padding + text : text + padding
}
