import MorseChannel

/// A clip's channel as the JSON text `JSONEncoder` (sorted keys, snake_case) would give, written
/// directly: the encoder's generic machinery cost more per clip than the whole JSON record.
///
/// Numbers follow the encoder's rule (the shortest round-trip form, `.0` dropped), keys are in
/// sorted order, and a missing AGC leaves its key out. A test compares this with `JSONEncoder` on
/// many random channels, so a field added to ``ChannelParameters`` without being added here fails.
enum ChannelJSON {
    static func encode(_ channel: ChannelParameters) -> String {
        var text = "{"
        text.reserveCapacity(400 + 420 * channel.interferers.count)
        if let agc = channel.agc {
            text += "\"agc\":{\"attack\":" + number(agc.attack) + ",\"release\":" + number(agc.release) + "},"
        }
        text += "\"condition\":\"" + channel.condition.rawValue + "\""
        text += ",\"drift_rate\":" + number(channel.driftRate)
        text += ",\"fading\":" + fading(channel.fading)
        text += ",\"filter\":\"" + channel.filter.rawValue + "\""
        text += ",\"interferers\":["
        for (index, interferer) in channel.interferers.enumerated() {
            if index > 0 { text += "," }
            text += "{\"chirp\":" + number(interferer.chirp)
            text += ",\"drift_rate\":" + number(interferer.driftRate)
            text += ",\"fading\":" + fading(interferer.fading)
            text += ",\"fist\":\"" + interferer.fist.rawValue + "\""
            text += ",\"level\":" + number(interferer.level)
            text += ",\"rise_time\":" + number(interferer.riseTime)
            text += ",\"sloppiness\":" + number(interferer.sloppiness)
            text += ",\"start_time\":" + number(interferer.startTime)
            text += ",\"tone_offset\":" + number(interferer.toneOffset)
            text += ",\"wpm\":" + number(interferer.wpm) + "}"
        }
        text += "],\"limiter_ceiling\":" + number(channel.limiterCeiling)
        text += ",\"multipath_delays\":" + numbers(channel.multipathDelays)
        text += ",\"multipath_gains\":" + numbers(channel.multipathGains)
        text += ",\"noise_colour\":\"" + channel.noiseColour.rawValue + "\""
        text += ",\"qrn_rate\":" + number(channel.qrnRate)
        text += ",\"qrn_strength\":" + number(channel.qrnStrength)
        text += ",\"snr\":" + number(channel.snr)
        text += ",\"tone\":" + number(channel.tone) + "}"
        return text
    }

    static func fading(_ fading: FadingParameters) -> String {
        "{\"depth\":" + number(fading.depth) + ",\"kind\":\"" + fading.kind.rawValue + "\",\"path_delays\":"
            + numbers(fading.pathDelays) + ",\"rate\":" + number(fading.rate) + "}"
    }

    static func numbers(_ values: [Double]) -> String {
        "[" + values.map(number).joined(separator: ",") + "]"
    }

    /// `JSONEncoder`'s form of a finite Double: its description without a trailing `.0`. (Channel
    /// values are always finite; the encoder would throw on the others.)
    static func number(_ value: Double) -> String {
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
