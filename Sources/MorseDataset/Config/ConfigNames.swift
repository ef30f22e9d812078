import MorseChannel
import MorseCode
import MorseContent
import MorseDatasetFormat
import MorseSignal

/// A name a config may write in a name list or as a weights-map key: an enum whose raw value is
/// the spelling in YAML.
public protocol ConfigName: RawRepresentable, Hashable, Sendable where RawValue == String {
    /// The names a config may use, in canonical order (messages, docs and the effective YAML).
    static var configNames: [Self] { get }
    /// What one name is called in messages: "condition", "fist".
    static var configKind: String { get }
}

extension ConfigName where Self: CaseIterable {
    public static var configNames: [Self] { Array(allCases) }
}

extension ConfigName {
    /// The spellings of ``configNames``.
    static var spellings: [String] { configNames.map(\.rawValue) }
}

/// A prosign the text generator may key (`prosigns.common_prosigns`).
public enum Prosign: String, CaseIterable, Sendable, ConfigName {
    case AR, AS, BK, BT, CL, CT, DO, HH, KA, KN, SK, SN, SOS
    public static let configKind = "prosign"
}

/// An evaluation metric named in `dataset_info.json` and the card (`evaluation.metrics`).
public enum EvaluationMetric: String, CaseIterable, Sendable, ConfigName {
    case wer, cer
    case callsignAccuracy = "callsign_accuracy"
    case exchangeAccuracy = "exchange_accuracy"
    public static let configKind = "metric"
}

extension ContestType: ConfigName { public static let configKind = "contest type" }
extension ConditionPreset: ConfigName { public static let configKind = "condition" }
extension Country: ConfigName { public static let configKind = "country" }
extension SampleType: ConfigName { public static let configKind = "sample type" }
extension ReceiverFilterKind: ConfigName { public static let configKind = "filter type" }
extension TrackedElement: ConfigName { public static let configKind = "tracked element" }
extension FistKind: ConfigName { public static let configKind = "fist" }
extension EnvelopeShape: ConfigName { public static let configKind = "envelope" }
extension NoiseColour: ConfigName { public static let configKind = "noise colour" }
extension OutputFormat: ConfigName { public static let configKind = "output format" }
extension WAVSampleFormat: ConfigName { public static let configKind = "audio format" }
extension NeMoPaths: ConfigName { public static let configKind = "NeMo path style" }

extension FadingKind: ConfigName {
    /// `none` is what a preset draws when it does not fade, not a kind a config may ask for; the
    /// order is the one `contest_cw.yaml` lists, then the Watterson (ITU-R F.1487) conditions.
    public static let configNames: [FadingKind] = [
        .slow, .fast, .selective, .rayleigh, .wattersonGood, .wattersonModerate, .wattersonPoor,
    ]
    public static let configKind = "fading type"
}

extension SNRDistribution: ConfigName { public static let configKind = "SNR distribution" }

/// A set of defaults for the keys a config leaves out (`profile`, `--profile`).
public enum ConfigProfile: String, CaseIterable, Sendable, ConfigName {
    /// Ranges that cover real listening (``DatasetConfig/defaults``).
    case coverage
    /// The reference's values, the defaults before coverage (``DatasetConfig/referenceDefaults``).
    case reference
    public static let configKind = "profile"
}

/// What `split_by` keeps apart: single clips, or operators (every clip of an operator in one split).
public enum SplitUnit: String, CaseIterable, Sendable, ConfigName {
    case clip
    case `operator`
    public static let configKind = "split unit"
}
