/// One wording of a message, with what it carries.
struct Variant: Sendable {
    var words: [String]
    /// Exchanges keyed in these words.
    var exchanges: [ExchangeRecord] = []
    /// Extra meaning (e.g. `"partial": "W1A"`).
    var fields: [String: String] = [:]

    var characterCount: Int { words.reduce(words.count - 1) { $0 + $1.count } }
}

/// One transmission (or other unit dropped only as a whole), worded several ways: the chosen
/// wording first, then shorter ones that say the same, so fitting can shorten at word boundaries.
struct Message: Sendable {
    var kind: SampleType
    var variants: [Variant]

    /// A message worded `preferred`, falling back to those `alternatives` that are shorter, longest first.
    init(kind: SampleType, preferred: Variant, alternatives: [Variant] = []) {
        self.kind = kind
        var variants = [preferred]
        let shorter = alternatives.filter { $0.characterCount < preferred.characterCount }
            .sorted { $0.characterCount > $1.characterCount }
        for variant in shorter where !variants.contains(where: { $0.words == variant.words }) {
            variants.append(variant)
        }
        self.variants = variants
    }

    /// A message with one wording.
    init(kind: SampleType, words: [String], exchanges: [ExchangeRecord] = []) {
        self.init(kind: kind, preferred: Variant(words: words, exchanges: exchanges))
    }
}

/// Fits messages into a keyed-duration budget, measuring every candidate with the caller's exact
/// timing (`measure` returns seconds of keyed Morse for a text). Text only ever grows by whole
/// messages, so a fitted clip is never cut inside a word.
struct DurationFit {
    /// The budget in seconds of keyed Morse.
    let budget: Double
    private(set) var words: [String] = []
    private(set) var exchanges: [ExchangeRecord] = []
    private(set) var extraFields: [String: String] = [:]
    private(set) var kinds: [SampleType] = []
    /// Keyed duration of `text` in seconds.
    private(set) var duration = 0.0

    /// The most messages a clip takes (a guard against a `measure` that returns 0).
    static let messageLimit = 48

    init(budget: Double) { self.budget = budget }

    var text: String { words.joined(separator: " ") }
    var isEmpty: Bool { words.isEmpty }
    var isFull: Bool { kinds.count >= Self.messageLimit }

    /// The keyed duration of the text with `more` appended, if it fits the budget.
    func durationIfFits(_ more: [String], measure: (String) -> Double) -> Double? {
        guard !more.isEmpty, !isFull else { return nil }
        let seconds = measure((words + more).joined(separator: " "))
        return seconds <= budget ? seconds : nil
    }

    /// Appends the first wording of `message` that fits; false (and nothing appended) if none does.
    @discardableResult
    mutating func append(_ message: Message, measure: (String) -> Double) -> Bool {
        for variant in message.variants {
            guard let seconds = durationIfFits(variant.words, measure: measure) else { continue }
            words += variant.words
            exchanges += variant.exchanges
            extraFields.merge(variant.fields) { old, _ in old }
            kinds.append(message.kind)
            duration = seconds
            return true
        }
        return false
    }

    /// Appends all of `messages` or none (a QSO is kept whole): first in their chosen wordings,
    /// then, if that does not fit, in their shortest.
    mutating func appendWhole(_ messages: [Message], measure: (String) -> Double) -> Bool {
        var trial = self
        if messages.allSatisfy({ trial.append($0, measure: measure) }) {
            self = trial
            return true
        }
        trial = self
        let shortest = messages.map { Message(kind: $0.kind, preferred: $0.variants[$0.variants.count - 1]) }
        if shortest.allSatisfy({ trial.append($0, measure: measure) }) {
            self = trial
            return true
        }
        return false
    }

    /// Appends `messages` in order until one does not fit; returns how many were appended.
    @discardableResult
    mutating func appendLeading(_ messages: [Message], measure: (String) -> Double) -> Int {
        var count = 0
        for message in messages {
            guard append(message, measure: measure) else { break }
            count += 1
        }
        return count
    }

    /// Appends raw words (already checked with `durationIfFits`).
    mutating func appendChecked(_ more: [String], seconds: Double, kind: SampleType) {
        words += more
        kinds.append(kind)
        duration = seconds
    }

    mutating func addFields(_ fields: [String: String]) {
        extraFields.merge(fields) { old, _ in old }
    }
}
