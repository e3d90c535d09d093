import TraceModel

/// Everything a query lets the store check before loading a trace: per spanset, what some span
/// of a matching trace satisfies, and conditions on the trace's summary. A trace the filter
/// rejects cannot match the query; one it accepts is a *candidate*, loaded and evaluated
/// exactly in memory.
public struct StoredTraceFilter: Sendable, Hashable, CustomStringConvertible {
    /// One filter per braced spanset that has indexable conditions (any order: each must be
    /// satisfied by some span of the trace).
    public var spansets: [StoredSpanFilter]
    /// `traces.duration_ns` (end of the latest span minus start of the earliest).
    public var duration: ClosedRange<Nanoseconds>?
    /// Conditions on the root span's service, all of which hold.
    public var rootServices: [StoredStringCondition]
    /// Conditions on the root span's name, all of which hold.
    public var rootNames: [StoredStringCondition]
    /// True when the conditions contradict each other (`duration > 5s AND duration < 1s`):
    /// no trace can match.
    public var isImpossible: Bool

    public init(spansets: [StoredSpanFilter] = [], duration: ClosedRange<Nanoseconds>? = nil,
                rootServices: [StoredStringCondition] = [], rootNames: [StoredStringCondition] = [],
                isImpossible: Bool = false) {
        self.spansets = spansets
        self.duration = duration
        self.rootServices = rootServices
        self.rootNames = rootNames
        self.isImpossible = isImpossible
    }

    /// True when the filter accepts every trace (the query has nothing to push down).
    public var acceptsEverything: Bool {
        !isImpossible && duration == nil && rootServices.isEmpty && rootNames.isEmpty
            && spansets.allSatisfy(\.isEmpty)
    }

    public var description: String {
        if isImpossible { return "nothing" }
        var parts: [String] = []
        if let duration { parts.append("trace duration \(duration.lowerBound.value)...\(duration.upperBound.value)") }
        if !rootServices.isEmpty { parts.append("root service \(rootServices)") }
        if !rootNames.isEmpty { parts.append("root name \(rootNames)") }
        for (i, s) in spansets.enumerated() where !s.isEmpty {
            var terms: [String] = []
            if let d = s.duration { terms.append("duration \(d.lowerBound.value)...\(d.upperBound.value)") }
            if !s.services.isEmpty { terms.append("service \(s.services)") }
            if !s.names.isEmpty { terms.append("name \(s.names)") }
            if let k = s.kinds { terms.append("kind \(k.map(\.name).sorted())") }
            if let t = s.statuses { terms.append("status \(t.map(\.name).sorted())") }
            if !s.attributes.isEmpty { terms.append("attributes \(s.attributes.map { "\($0.key) \($0.op.spelling) \($0.values)" })") }
            if let w = s.start { terms.append("start \(w.lowerBound.unixNanos)...\(w.upperBound.unixNanos)") }
            parts.append("spanset \(i): " + terms.joined(separator: ", "))
        }
        return parts.isEmpty ? "everything" : parts.joined(separator: "; ")
    }
}
