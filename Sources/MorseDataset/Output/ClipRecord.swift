import Foundation
import MorseChannel
import MorseCode
import MorseContent
import MorseDatasetFormat

/// A clip's full metadata as one JSON line: what the journal and `metadata/{split}.jsonl` hold.
///
/// Keys come in a fixed order with `id` first (the journal index relies on it); times are seconds
/// from the start of the clip's audio.
struct ClipRecord {
    let plan: ClipPlan
    let split: DatasetSplit
    let layout: DatasetLayout
    let seed: UInt64
    let report: ChannelReport
    let trackElements: [TrackedElement]
    /// CRC-32C of the clip's WAV bytes (see ``ClipChecksum``).
    let checksum: String
    /// The character and word spans as times in the delivered audio (see
    /// ``ReceiverChain/deliveredSpans(wanted:parameters:)``); nil takes the keyed timeline's.
    var labels: (characters: [KeyedTimeline.Span], words: [KeyedTimeline.Span])? = nil
    /// The keys written (`stream --fields`); the values of the others are not worked out.
    var keys: RecordKeys = .all

    /// The keys whose values are the delivered label times (``labels``).
    static let labelKeys: [ClipField] = [.characters, .words, .whisperText]

    static let channelEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }()

    var json: String {
        let noise = plan.isNoiseOnly
        let content = plan.content
        let channel = plan.channel
        var o = JSONObject(capacity: keys.kept == nil ? 8192 : 512, keeping: keys)
        o.add("id", plan.id)
        o.add("file_name", layout.fileName(id: plan.id))
        o.add("audio_file", layout.audioFile(id: plan.id, split: split))
        o.add("split", split.name)
        o.add("text", plan.text)
        o.add("duration", plan.duration, decimals: 7)
        o.add("num_samples", plan.sampleCount)
        o.add("sample_rate", plan.sampleRate)
        o.add("seed", seed)
        o.add("checksum", checksum)
        o.add("is_noise_only", noise)
        o.add("contest_type", noise ? "NOISE" : content?.contestType?.rawValue ?? "NONE")
        o.add("sample_type", noise ? "noise_only" : content?.sampleType.rawValue ?? "")
        o.add("condition", plan.condition.rawValue)
        // Speeds: 0 for noise-only clips; the effective speed equals the character speed without Farnsworth.
        o.add("wpm", noise ? 0 : plan.timing.wpm, decimals: 1)
        o.add("effective_wpm", noise ? 0 : plan.timing.effectiveWPM ?? plan.timing.wpm, decimals: 1)
        o.add("farnsworth", !noise && plan.timing.effectiveWPM != nil)
        o.add("fist", noise ? "" : plan.fist.kind.rawValue)
        o.add("sloppiness", noise ? 0 : plan.fist.sloppiness, decimals: 3)
        // The persistent operator who keyed the wanted station; -1 when none (noise-only, operators off).
        o.add("operator", plan.operatorID ?? -1)
        o.add("dash_ratio", plan.timing.dashRatio, decimals: 2)
        o.add("tone", plan.tone.frequency, decimals: 1)
        o.add("rise_time_ms", plan.tone.riseTime * 1000, decimals: 2)
        o.add("envelope", plan.tone.shape.rawValue)
        o.add("chirp_hz", plan.tone.chirpOffset, decimals: 1)
        o.add("drift_hz_per_s", plan.tone.driftRate, decimals: 3)
        o.add("snr_500", noise ? nil : report.snr500, decimals: 2)
        o.add("snr_2500", noise ? nil : report.snr2500, decimals: 2)
        o.add("filter", channel.filter.rawValue)
        o.add("noise_colour", channel.noiseColour.rawValue)
        o.add("fading", channel.fading.kind.rawValue)
        o.add("fading_rate", channel.fading.rate, decimals: 4)
        o.add("fading_depth", channel.fading.depth, decimals: 4)
        o.add("qrn_rate", channel.qrnRate, decimals: 4)
        o.add("num_interferers", channel.interferers.count)
        o.add("multipath_paths", channel.multipathDelays.count)
        o.add("agc", channel.agc != nil)
        o.add("country", content?.country?.rawValue ?? "")
        o.add("callsigns", strings: content?.callsigns ?? [])
        // The values below take real work: each is worked out only if its key is kept.
        if o.keeps("exchange") { o.add("exchange", object: exchangeObject(content?.fields ?? [:])) }
        if o.keeps("evaluation") { o.add("evaluation", object: evaluation(content)) }
        let words = o.keeps("words") || o.keeps("whisper_text") ? clamped(labels?.words ?? plan.timeline.words) : []
        if o.keeps("characters") {
            o.add("characters", raw: spans(clamped(labels?.characters ?? plan.timeline.characters)))
        }
        if o.keeps("words") { o.add("words", raw: spans(words)) }
        if o.keeps("stations") { o.add("stations", raw: stations()) }
        if o.keeps("exchanges") {
            // Variable-shaped detail as JSON text, so every row has the same columns for Arrow readers.
            var exchanges = "["
            for (index, record) in (content?.exchanges ?? []).enumerated() {
                var e = JSONObject()
                e.add("sender", record.sender)
                e.add("keyed", record.keyed)
                e.add("fields", object: sortedObject(record.fields))
                exchanges += (index > 0 ? ", " : "") + e.encoded
            }
            o.add("exchanges", exchanges + "]")
        }
        if o.keeps("channel") { o.add("channel", ChannelJSON.encode(channel)) }
        if o.keeps("whisper_text") {
            o.add("whisper_text", WhisperTimestamps.transcript(words, duration: plan.duration))
        }
        return o.encoded
    }

    /// Every exchange field name, each with its value or "" (the same keys in every row).
    func exchangeObject(_ fields: [String: String]) -> JSONObject {
        var object = JSONObject()
        for key in ClipContent.fieldNames { object.add(key, fields[key] ?? "") }
        return object
    }

    func sortedObject(_ fields: [String: String]) -> JSONObject {
        var object = JSONObject()
        for key in fields.keys.sorted() { object.add(key, fields[key] ?? "") }
        return object
    }

    /// The elements `evaluation.track_elements` names, each as its values in the clip (from every
    /// exchange) separated by spaces, ready for callsign and exchange accuracy.
    func evaluation(_ content: ClipContent?) -> JSONObject {
        var object = JSONObject()
        for element in trackElements {
            if element == .callsigns {
                object.add(element.rawValue, (content?.callsigns ?? []).joined(separator: " "))
                continue
            }
            var values: [String] = []
            let sources =
                (content?.exchanges.map(\.fields) ?? []).isEmpty
                ? [content?.fields ?? [:]] : content?.exchanges.map(\.fields) ?? []
            for fields in sources {
                for key in element.fieldKeys { if let value = fields[key] { values.append(value) } }
            }
            object.add(element.rawValue, values.joined(separator: " "))
        }
        return object
    }

    /// Spans with no time past the clip's end (the clip's length never changes for its labels).
    func clamped(_ spans: [KeyedTimeline.Span]) -> [KeyedTimeline.Span] {
        let duration = plan.duration
        return spans.map {
            KeyedTimeline.Span(text: $0.text, start: min($0.start, duration), end: min($0.end, duration))
        }
    }

    /// Every station keyed into the clip, the wanted one first (see ``PlannedStation/heard(inClipOf:)``
    /// for which characters are listed). Every object has the same keys, so Arrow readers see one
    /// struct type.
    func stations() -> String {
        var out = "["
        for (index, station) in plan.stations.enumerated() {
            let heard = station.heard(inClipOf: plan.duration)
            let marks = station.signal.timeline.marks
            var o = JSONObject(capacity: 256 + 64 * heard.characters.count)
            o.add("role", station.role.rawValue)
            o.add("callsign", station.callsign)
            o.add("text", station.text)
            o.add("partial", heard.partial)
            o.add("tone", station.signal.tone.frequency, decimals: 2)
            o.add("wpm", station.timing.wpm, decimals: 2)
            o.add("effective_wpm", station.timing.effectiveWPM ?? station.timing.wpm, decimals: 2)
            o.add("fist", station.fist.kind.rawValue)
            o.add("sloppiness", station.fist.sloppiness, decimals: 3)
            o.add("level_db", station.signal.level, decimals: 2)
            o.add("start", marks.first?.start ?? 0, decimals: 5)
            o.add("end", marks.last?.end ?? 0, decimals: 5)
            o.add("characters", raw: spans(heard.characters))
            o.add("words", raw: spans(heard.words))
            out += (index > 0 ? ", " : "") + o.encoded
        }
        return out + "]"
    }

    /// The spans as a JSON array, built as bytes: a record lists hundreds of spans, and each
    /// String append costs a few hundred instructions.
    func spans(_ spans: [KeyedTimeline.Span]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(2 + spans.count * 48)
        out.append(UInt8(ascii: "["))
        for (index, span) in spans.enumerated() {
            out.append(contentsOf: (index > 0 ? #", {"text": "# : #"{"text": "#).utf8)
            JSONObject.appendQuoted(span.text, to: &out)
            out.append(contentsOf: #", "start": "#.utf8)
            out.append(contentsOf: NumberFormat.float(span.start, places: 5).utf8)
            out.append(contentsOf: #", "end": "#.utf8)
            out.append(contentsOf: NumberFormat.float(span.end, places: 5).utf8)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }
}
