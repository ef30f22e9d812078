/// Locale-free decimal text of numbers: the one formatter behind the manifests, the dataset card,
/// the console summary and the inspection reports, so the same number reads the same everywhere.
///
/// Numbers are rounded to a number of decimal places (half away from zero) and written without
/// Foundation, so the bytes are the same on every platform and in every locale.
public enum NumberFormat {
    /// `12.5`, `12`, `0.125`: at most `places` decimals, trailing zeros dropped; NaN and infinities
    /// give `null`, as in JSON.
    public static func decimal(_ value: Double, places: Int) -> String {
        text(value, places: places, minimumPlaces: 0) ?? "null"
    }

    /// `12.5`, `12.0`: as ``decimal(_:places:)`` but always with a decimal point, so readers that
    /// infer types (pyarrow, pandas) see a float in every row.
    public static func float(_ value: Double, places: Int) -> String {
        text(value, places: places, minimumPlaces: 1) ?? "null"
    }

    /// `12.50`: exactly `places` decimals, for tables and prose; NaN and infinities give `-`.
    public static func fixed(_ value: Double, places: Int) -> String {
        text(value, places: places, minimumPlaces: places) ?? "-"
    }

    /// `value` rounded to `places` decimals with trailing zeros dropped down to `minimumPlaces`,
    /// or nil when it is not finite.
    ///
    /// Written backwards into a small stack buffer (the JSON record calls this for every character
    /// time of every clip): fraction digits, the point, the whole part, the sign.
    public static func text(_ value: Double, places: Int, minimumPlaces: Int) -> String? {
        guard value.isFinite else { return nil }
        // 10^15 is the most a Double scales by exactly; beyond 2^63 the digits mean nothing.
        let places = min(max(places, 0), 15), minimumPlaces = min(max(minimumPlaces, 0), 15)
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (value * scale).rounded()
        guard abs(scaled) < 9.2e18 else { return String(value) }
        let negative = scaled < 0
        let unit = UInt64(scale)
        let magnitude = UInt64(abs(scaled))
        var fraction = magnitude % unit
        var fractionDigits = places
        while fractionDigits > minimumPlaces && fraction % 10 == 0 {
            fraction /= 10
            fractionDigits -= 1
        }
        let padding = max(0, minimumPlaces - places)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
            var position = 64
            func put(_ byte: UInt8) {
                position -= 1
                buffer[position] = byte
            }
            for _ in 0..<padding { put(48) }
            for _ in 0..<fractionDigits {
                put(UInt8(truncatingIfNeeded: fraction % 10) + 48)
                fraction /= 10
            }
            if fractionDigits + padding > 0 { put(46) }  // "."
            var whole = magnitude / unit
            repeat {
                put(UInt8(truncatingIfNeeded: whole % 10) + 48)
                whole /= 10
            } while whole > 0
            if negative { put(45) }  // "-"
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[position...]), as: UTF8.self)
        }
    }

    /// `text` padded with spaces to `width` characters, on the right (or the left, for numbers).
    public static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return left ? padding + text : text + padding
    }
}
