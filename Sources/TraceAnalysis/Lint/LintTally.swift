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
    /// The service and operation ids already added, per table, so a frequent finding does not
    /// build their names again for every span (bounded; past it names are compared).
    private var seen = Set<SeenName>()

    private struct SeenName: Hashable {
        var table: ObjectIdentifier
        var id: StringID
        var isService: Bool
    }

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
        let tableID = ObjectIdentifier(table)
        let service = SeenName(table: tableID, id: table.serviceID(of: span), isService: true)
        if !seen.contains(service) {
            add(service: LintTally.service(of: span, in: table))
            if seen.count < 256 { seen.insert(service) }
        }
        let operation = SeenName(table: tableID, id: span.name, isService: false)
        if !seen.contains(operation) {
            add(operation: table.name(of: span))
            if seen.count < 256 { seen.insert(operation) }
        }
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
                    occurrences: count, traces: traceIDs.count + mergedTraces, examples: examples, message: message)
    }

    /// Traces counted by merged `LocalTally`s (each trace is linted once, so they add up).
    private(set) var mergedTraces = 0

    /// Adds what a `LocalTally` counted in one table.
    mutating func merge(_ local: LocalTally, in table: SpanTable) {
        count += local.count
        mergedTraces += local.traces
        for id in local.services {
            let name = table.strings[id]
            add(service: name.isEmpty ? "(no service)" : name)
        }
        for id in local.operations { add(operation: table.strings[id]) }
        for span in local.examples where examples.count < Self.exampleLimit {
            examples.append(LintExample(traceID: span.traceID, spanID: span.spanID, label: SpanLabel.of(span, in: table)))
        }
    }
}

/// Tallies by rule and subject.
struct LintTallies: Sendable {
    private struct Key: Hashable {
        var rule: LintRule
        var subject: String
    }

    private var byKey: [Key: LintTally] = [:]

    /// The tally of a rule about a subject, made on first use, changed in place (a tally holds
    /// sets that must not be copied for every span it counts).
    subscript(rule: LintRule, subject: String, details: [String] = []) -> LintTally {
        get { byKey[Key(rule: rule, subject: subject)] ?? LintTally(rule: rule, subject: subject, details: details) }
        _modify { yield &byKey[Key(rule: rule, subject: subject), default: LintTally(rule: rule, subject: subject, details: details)] }
    }

    var all: [LintTally] { Array(byKey.values) }
}

/// Occurrences counted by string id within one table, traces visited one after another:
/// what a rule that fires on many spans counts (an attribute on every span of a service)
/// without building a name or hashing a subject per span; merged into a `LintTally` once the
/// table is done.
struct LocalTally {
    var count = 0
    var traces = 0
    private var lastTrace: TraceID?
    private(set) var services: [StringID] = []
    private(set) var operations: [StringID] = []
    private(set) var examples: [Span] = []

    mutating func note(_ span: Span, service: StringID) {
        count += 1
        if span.traceID != lastTrace {
            traces += 1
            lastTrace = span.traceID
        }
        if services.count < 64, !services.contains(service) { services.append(service) }
        if operations.count < LintTally.operationLimit, !operations.contains(span.name) { operations.append(span.name) }
        if examples.count < LintTally.exampleLimit { examples.append(span) }
    }
}
