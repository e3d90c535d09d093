import TraceModel

/// One thing the instrumentation does wrong: the rule, the services and operations involved,
/// how often, example spans, a plain explanation with the figures, and the rule's fix.
public struct LintFinding: Sendable, Hashable {
    public var rule: LintRule
    public var level: LintLevel
    /// `checkout → legacy-billing` for a call, `payment` for a service.
    public var subject: String
    public var services: [String]
    public var operations: [String]
    /// How many times it was seen (calls, spans, groups), and in how many traces.
    public var occurrences: Int
    public var traces: Int
    /// A few spans showing it, most telling first.
    public var examples: [LintExample]
    /// The explanation with its figures.
    public var message: String

    public var fix: String { rule.fix }
}

/// A span that shows a finding.
public struct LintExample: Sendable, Hashable, Encodable {
    public var traceID: TraceID
    public var spanID: SpanID
    /// `checkout POST /pay`.
    public var label: String

    private enum Keys: String, CodingKey { case traceID, spanID, span }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(traceID.hex, forKey: .traceID)
        try c.encode(spanID.hex, forKey: .spanID)
        try c.encode(label, forKey: .span)
    }
}

extension LintFinding: Encodable {
    private enum Keys: String, CodingKey {
        case rule, level, category, subject, services, operations, occurrences, traces, examples, message, fix
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(rule, forKey: .rule)
        try c.encode(level, forKey: .level)
        try c.encode(rule.category, forKey: .category)
        try c.encode(subject, forKey: .subject)
        try c.encode(services, forKey: .services)
        try c.encode(operations, forKey: .operations)
        try c.encode(occurrences, forKey: .occurrences)
        try c.encode(traces, forKey: .traces)
        try c.encode(examples, forKey: .examples)
        try c.encode(message, forKey: .message)
        try c.encode(fix, forKey: .fix)
    }
}
