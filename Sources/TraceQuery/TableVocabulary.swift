import TraceModel

/// What a loaded table contains, for hints: attribute keys by scope, service and span names,
/// statuses, kinds and the longest durations. Built in one pass. O(spans + attributes).
struct TableVocabulary {
    let table: SpanTable
    /// Indexed by `StringID`: the key appears on some span / some resource.
    private(set) var spanKeys: [Bool]
    private(set) var resourceKeys: [Bool]
    private(set) var spanNames: [Bool]
    private(set) var services: [Bool]
    private(set) var statuses: Set<StatusCode> = []
    private(set) var kinds: Set<SpanKind> = []
    private(set) var longestSpan: Nanoseconds = .zero
    private(set) var longestTrace: Nanoseconds = .zero

    init(_ table: SpanTable) {
        self.table = table
        let n = table.strings.count
        spanKeys = [Bool](repeating: false, count: n)
        resourceKeys = [Bool](repeating: false, count: n)
        spanNames = [Bool](repeating: false, count: n)
        services = [Bool](repeating: false, count: n)
        for r in table.resources {
            for a in table.attributes[r.attributes.range] { resourceKeys[Int(a.key.rawValue)] = true }
        }
        var usedResources = [Bool](repeating: false, count: table.resources.count)
        for span in table.spans {
            for a in table.attributes[span.attributes.range] { spanKeys[Int(a.key.rawValue)] = true }
            spanNames[Int(span.name.rawValue)] = true
            usedResources[Int(span.resource)] = true
            statuses.insert(span.status)
            kinds.insert(span.kind)
            longestSpan = max(longestSpan, span.duration)
        }
        for (i, used) in usedResources.enumerated() where used {
            services[Int(table.resources[i].serviceName.rawValue)] = true
        }
        for entry in table.traces where entry.spanCount > 0 {
            var lo = Int64.max, hi = Int64.min
            for span in table.spans[entry.spanRange] {
                lo = min(lo, span.start.unixNanos)
                hi = max(hi, span.end.unixNanos)
            }
            longestTrace = max(longestTrace, Nanoseconds(TimeMath.subtract(hi, lo)))
        }
    }

    /// True when some span (or, for `.any`, span or resource) has the key; always true for the
    /// scopes not surveyed (events, links, instrumentation scopes), which get no hints.
    func has(key: StringID, in scope: AttributeScope) -> Bool {
        let i = Int(key.rawValue)
        switch scope {
        case .any, .parent: return spanKeys[i] || resourceKeys[i]
        case .span, .parentSpan: return spanKeys[i]
        case .resource, .parentResource: return resourceKeys[i]
        case .event, .link, .instrumentation: return true
        }
    }

    /// The strings of the ids flagged in a bitmap.
    func strings(_ flags: [Bool]) -> [String] {
        flags.indices.filter { flags[$0] && $0 != 0 }.map { table.strings[StringID(UInt32($0))] }
    }

    /// Every key present in a scope.
    func keys(in scope: AttributeScope) -> [String] {
        switch scope {
        case .any, .parent: strings(zip(spanKeys, resourceKeys).map { $0 || $1 })
        case .span, .parentSpan: strings(spanKeys)
        case .resource, .parentResource: strings(resourceKeys)
        case .event, .link, .instrumentation: []
        }
    }
}
