import Testing
import TraceModel
import TestSupport
@testable import TraceAnalysis

/// Builds trace sets for the lint tests: spans by name (a name is also the span's id, as in
/// `TraceFixture`), with what the lint reads and the fixture does not set: W3C trace flags,
/// tracestate, events with attributes, markers. Times are milliseconds from
/// `TraceFixture.origin`.
struct LintTraces {
    var builder = SpanTableBuilder()
    var traceID = StableHash.traceID(for: "t1")

    /// Switches the trace that following spans belong to.
    mutating func inTrace(_ name: String) { traceID = StableHash.traceID(for: name) }

    /// An event: a name and its attributes.
    struct Event {
        var name: String
        var attributes: [String: AttributeValue] = [:]
    }

    /// Appends a span. `parent` names another span, in this trace or another (or none: a lost
    /// parent). `flags` sets the W3C trace flags and the `.hasFlags` marker.
    @discardableResult
    mutating func span(_ id: String, parent: String? = nil, service: String = "svc", name: String? = nil,
                       start: Int64 = 0, end: Int64 = 10, kind: SpanKind = .internal, status: StatusCode = .unset,
                       statusMessage: String = "", attributes: [String: AttributeValue] = [:],
                       resource: [String: AttributeValue] = [:], events: [Event] = [], flags: UInt32? = nil,
                       traceState: String = "", markers: SpanMarkers = []) -> SpanID {
        let spanID = TraceFixture.id(id)
        var resourcePairs = [KeyValue("service.name", .string(service))]
        resourcePairs += resource.sorted { $0.key < $1.key }.map { KeyValue($0.key, $0.value) }
        let resourceIndex = builder.addResource(attributes: builder.appendAttributes(resourcePairs))
        let attrs = builder.appendAttributes(attributes.sorted { $0.key < $1.key }.map { KeyValue($0.key, $0.value) })
        var built: [SpanEvent] = []
        for (n, event) in events.enumerated() {
            let range = builder.appendAttributes(event.attributes.sorted { $0.key < $1.key }.map { KeyValue($0.key, $0.value) })
            built.append(SpanEvent(time: time(start + Int64(n)), name: builder.intern(event.name), attributes: range))
        }
        let eventMark = builder.eventMark
        for event in built { builder.append(event) }
        var allMarkers = markers
        if flags != nil { allMarkers.insert(.hasFlags) }
        builder.append(Span(
            traceID: traceID, spanID: spanID, parentSpanID: parent.map(TraceFixture.id) ?? .zero,
            name: builder.intern(name ?? id), kind: kind, start: time(start), end: time(end),
            resource: resourceIndex, status: status, statusMessage: builder.intern(statusMessage),
            traceState: builder.intern(traceState), attributes: attrs, events: builder.events(since: eventMark),
            flags: flags ?? 0, markers: allMarkers))
        return spanID
    }

    func time(_ ms: Int64) -> Timestamp { Timestamp(unixNanos: TraceFixture.origin + ms * 1_000_000) }

    func build() -> SpanTable {
        var copy = builder
        return copy.finish()
    }
}

/// W3C trace flags as OTLP carries them: bit 0 sampled, bit 8 "the parent's remoteness is
/// known", bit 9 "the parent is remote".
enum Flags {
    static let sampled: UInt32 = 0x01
    static let notSampled: UInt32 = 0x00
    static let remoteParent: UInt32 = 0x300
    static let localParent: UInt32 = 0x100
}

/// Every finding of a set of traces, added as one table.
func lint(_ table: SpanTable) -> LintReport {
    var accumulator = LintAccumulator()
    accumulator.add(table)
    return accumulator.finish()
}

func lint(_ traces: LintTraces) -> LintReport { lint(traces.build()) }

extension LintReport {
    /// The findings of one rule.
    func of(_ rule: LintRule) -> [LintFinding] { findings.filter { $0.rule == rule } }

    /// The finding of a rule about a subject, when there is one.
    func finding(_ rule: LintRule, _ subject: String) -> LintFinding? {
        findings.first { $0.rule == rule && $0.subject == subject }
    }

    /// (rule, subject) of every finding, for messages.
    var described: [String] { findings.map { "\($0.rule.rawValue): \($0.subject)" } }
}

/// Checks the parts of a finding every rule's test asserts.
func expectFinding(_ finding: LintFinding, _ rule: LintRule, level: LintLevel, subject: String, occurrences: Int,
                   traces: Int, services: [String], message: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(finding.rule == rule, sourceLocation: sourceLocation)
    #expect(finding.level == level, sourceLocation: sourceLocation)
    #expect(finding.rule.level == level, sourceLocation: sourceLocation)
    #expect(finding.subject == subject, sourceLocation: sourceLocation)
    #expect(finding.occurrences == occurrences, sourceLocation: sourceLocation)
    #expect(finding.traces == traces, sourceLocation: sourceLocation)
    #expect(finding.services == services, sourceLocation: sourceLocation)
    for part in message {
        #expect(finding.message.contains(part), "\(finding.message)", sourceLocation: sourceLocation)
    }
    #expect(!finding.examples.isEmpty, sourceLocation: sourceLocation)
    #expect(finding.fix == rule.fix, sourceLocation: sourceLocation)
}
