/// Why a span (or part of an input) was not loaded; warnings of one reason are capped and
/// summed up.
enum SkipReason: Hashable, Sendable {
    case syntax
    case notAnObject
    case missingTraceID
    case invalidTraceID
    case missingSpanID
    case invalidSpanID
    case missingStart
    case badTime

    /// The sentence for the summary of warnings beyond the cap.
    var summary: String {
        switch self {
        case .syntax: "malformed JSON"
        case .notAnObject: "a span that is not a JSON object"
        case .missingTraceID: "a span without a trace id"
        case .invalidTraceID: "a span whose trace id is all zeros"
        case .missingSpanID: "a span without a span id"
        case .invalidSpanID: "a span whose span id is all zeros"
        case .missingStart: "a span without a start time"
        case .badTime: "a span whose start time or duration is not a number"
        }
    }
}
