import TraceModel

/// Merges Zipkin span fragments: a span reported in pieces (a late piece carrying only tags or
/// annotations, without `timestamp`) shows up as several entries with the same trace id, span
/// id and local service. As Zipkin itself does, the pieces become one span.
enum ZipkinFragmentMerger {
    private struct Key: Hashable {
        var trace: TraceID
        var span: SpanID
        var service: StringID
    }

    /// Merges every fragment without a timestamp into the timed span of the same trace id,
    /// span id and service, removing it. Returns how many were merged. O(n) expected.
    static func merge(_ spans: inout [ZipkinSpan], _ b: inout SpanTableBuilder) -> Int {
        var timed: [Key: Int] = [:]
        for (i, z) in spans.enumerated() where z.timestamp != nil {
            let key = Key(trace: z.traceID, span: z.spanID, service: z.service)
            if timed[key] == nil { timed[key] = i }
        }
        var absorbed = Set<Int>()
        for i in spans.indices where spans[i].timestamp == nil {
            let fragment = spans[i]
            guard let target = timed[Key(trace: fragment.traceID, span: fragment.spanID, service: fragment.service)] else {
                continue
            }
            absorb(fragment, into: &spans[target], &b)
            absorbed.insert(i)
        }
        guard !absorbed.isEmpty else { return 0 }
        spans = spans.enumerated().filter { !absorbed.contains($0.offset) }.map(\.element)
        return absorbed.count
    }

    private static func absorb(_ f: ZipkinSpan, into z: inout ZipkinSpan, _ b: inout SpanTableBuilder) {
        if z.name.isEmpty { z.name = f.name }
        if z.kind == nil { z.kind = f.kind }
        if z.duration == nil { z.duration = f.duration }
        if !z.parentID.isValid { z.parentID = f.parentID }
        z.shared = z.shared || f.shared
        z.debug = z.debug || f.debug
        if !f.attributes.isEmpty {
            let mark = b.attributeMark
            for i in z.attributes.range { b.append(b.attributes[i]) }
            let keys = Set(b.attributes[z.attributes.range].map(\.key))
            for i in f.attributes.range where !keys.contains(b.attributes[i].key) { b.append(b.attributes[i]) }
            z.attributes = b.attributes(since: mark)
        }
        if !f.events.isEmpty {
            let mark = b.eventMark
            for i in z.events.range { b.append(b.events[i]) }
            for i in f.events.range { b.append(b.events[i]) }
            z.events = b.events(since: mark)
        }
        let m = f.mapped
        if z.mapped.kind == nil { z.mapped.kind = m.kind }
        if m.error {
            z.mapped.error = true
            if z.mapped.errorMessage.isEmpty { z.mapped.errorMessage = m.errorMessage }
        }
        if z.mapped.statusCode == nil { z.mapped.statusCode = m.statusCode }
        if z.mapped.statusDescription == nil { z.mapped.statusDescription = m.statusDescription }
        if z.mapped.scopeName.isEmpty { z.mapped.scopeName = m.scopeName }
        if z.mapped.scopeVersion.isEmpty { z.mapped.scopeVersion = m.scopeVersion }
        if z.mapped.traceState.isEmpty { z.mapped.traceState = m.traceState }
    }
}
