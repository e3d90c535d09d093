import TraceModel

/// The JSON of `trex compare --json`: `{a, b, nodes}`, nodes flat in the comparison's
/// pre-order (a tree a hundred thousand levels deep stays a flat list). Keys:
///
///     a, b        {traces, spanCount, durationNanos, criticalPathNanos}: each side's whole
///                 trace (medians for a baseline)
///     nodes       [{service, operation, missingParent, depth, parent (index in nodes, or null),
///                   a, b: {count, durationNanos, selfNanos, criticalNanos, traces},
///                   onlyInA, onlyInB, criticalInA, criticalInB,
///                   deltaCount, deltaDurationNanos, deltaSelfNanos, deltaCriticalNanos,
///                   deltaPercent (of A's duration, one decimal; null when A's is 0)}]
///
/// Times are integer nanoseconds; differences are B minus A.
extension TraceComparison: Encodable {
    private enum Keys: String, CodingKey { case a, b, nodes }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(a, forKey: .a)
        try c.encode(b, forKey: .b)
        try c.encode(nodes, forKey: .nodes)
    }
}

extension TraceFigures: Encodable {
    private enum Keys: String, CodingKey { case traces, spanCount, durationNanos, criticalPathNanos }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(traceCount, forKey: .traces)
        try c.encode(spanCount, forKey: .spanCount)
        try c.encode(duration.value, forKey: .durationNanos)
        try c.encode(criticalPathLength.value, forKey: .criticalPathNanos)
    }
}

extension TraceComparison.Node: Encodable {
    private enum Keys: String, CodingKey {
        case service, operation, missingParent, depth, parent, a, b, onlyInA, onlyInB, criticalInA, criticalInB
        case deltaCount, deltaDurationNanos, deltaSelfNanos, deltaCriticalNanos, deltaPercent
    }

    private struct Side: Encodable {
        var count: Int
        var durationNanos: Int64
        var selfNanos: Int64
        var criticalNanos: Int64
        var traces: Int

        init(_ totals: OperationTotals, traces: Int) {
            count = totals.count
            durationNanos = totals.duration.value
            selfNanos = totals.selfTime.value
            criticalNanos = totals.criticalTime.value
            self.traces = traces
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(key.service, forKey: .service)
        try c.encode(key.name, forKey: .operation)
        try c.encode(key.isMissingParent, forKey: .missingParent)
        try c.encode(depth, forKey: .depth)
        try c.encode(parent, forKey: .parent)
        try c.encode(Side(a, traces: tracesInA), forKey: .a)
        try c.encode(Side(b, traces: tracesInB), forKey: .b)
        try c.encode(isOnlyInA, forKey: .onlyInA)
        try c.encode(isOnlyInB, forKey: .onlyInB)
        try c.encode(isCriticalInA, forKey: .criticalInA)
        try c.encode(isCriticalInB, forKey: .criticalInB)
        try c.encode(countDelta, forKey: .deltaCount)
        try c.encode(durationDelta.value, forKey: .deltaDurationNanos)
        try c.encode(selfTimeDelta.value, forKey: .deltaSelfNanos)
        try c.encode(criticalTimeDelta.value, forKey: .deltaCriticalNanos)
        try c.encode(durationChange.map { ($0 * 1000).rounded() / 10 }, forKey: .deltaPercent)
    }
}
