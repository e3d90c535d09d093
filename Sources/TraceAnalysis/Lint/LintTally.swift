import TraceModel

/// What a rule saw about one subject, merged across batches of traces until the report is
/// written: how often, in which traces, where, and the figures its message needs.
struct LintTally: Sendable {
    var rule: LintRule
    var subject: String
    /// The rule's own values for its message (an attribute's replacement, a parent operation).
    var details: [String]
    private(set) var services: [String] = []
    private(set) var operations: [String] = []
    var count = 0
    /// A denominator some rules fill in (calls of a pair, spans of an operation).
    var total = 0
    /// What a fix would save (spans a batch span would replace).
    var saved = 0
    /// The largest share of a trace's spans one occurrence took.
    var largestShare = 0.0
    private(set) var traceIDs = Set<TraceID>()
    private(set) var examples: [LintExample] = []

    static let exampleLimit = 3
    static let operationLimit = 12

    init(rule: LintRule, subject: String, details: [String] = []) {
        self.rule = rule
        self.subject = subject
        self.details = details
    }

    /// Counts one occurrence in a trace, at a span (an example while there are few).
    mutating func note(_ span: Span, in table: SpanTable, count: Int = 1) {
        self.count += count
        traceIDs.insert(span.traceID)
        add(service: LintTally.service(of: span, in: table))
        add(operation: table.name(of: span))
        if examples.count < Self.exampleLimit {
            examples.append(LintExample(traceID: span.traceID, spanID: span.spanID, label: SpanLabel.of(span, in: table)))
        }
    }

    /// The verb (or any word) that agrees with a count: `agree(1, "says", "say")`.
    static func agree(_ n: Int, _ one: String, _ many: String) -> String { n == 1 ? one : many }

    /// A span's service as findings name it: `(no service)` when it has none.
    static func service(of span: Span, in table: SpanTable) -> String {
        let name = table.serviceName(of: span)
        return name.isEmpty ? "(no service)" : name
    }

    mutating func add(service: String) {
        if !services.contains(service) { services.append(service) }
    }

    mutating func add(operation: String) {
        if operations.count < Self.operationLimit, !operations.contains(operation) { operations.append(operation) }
    }

    /// The tally as a finding, with the rule's message.
    func finding(_ message: String) -> LintFinding {
        LintFinding(rule: rule, level: rule.level, subject: subject, services: services, operations: operations,
                    occurrences: count, traces: traceIDs.count, examples: examples, message: message)
    }
}

/// Tallies by rule and subject.
struct LintTallies: Sendable {
    private(set) var byKey: [String: LintTally] = [:]

    /// The tally of a rule about a subject, made on first use.
    subscript(rule: LintRule, subject: String, details: [String] = []) -> LintTally {
        get { byKey[rule.rawValue + "\u{0}" + subject] ?? LintTally(rule: rule, subject: subject, details: details) }
        set { byKey[rule.rawValue + "\u{0}" + subject] = newValue }
    }

    var all: [LintTally] { Array(byKey.values) }
}
