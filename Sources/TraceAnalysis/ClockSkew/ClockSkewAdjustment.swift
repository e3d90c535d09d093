import TraceModel

/// The clock-skew *adjusted view* of a trace: a shift per span, never applied in place.
///
/// The algorithm is Jaeger's clock-skew adjuster, walked without recursion: visit spans
/// parents first; a span on another clock than its parent (a different host, see
/// `ClockDomains`) gets the shift `SkewDelta` computes against the parent's *adjusted* times;
/// a span on its parent's clock carries its parent's computed shift down. A computed shift is
/// applied only when its magnitude is at most `maximumShift`; otherwise the span stays where
/// it was and its note says why (`maximumShift` zero disables adjustment, as Jaeger's default
/// does). Roots, spans whose parent is missing, and repeated span ids are never moved.
///
/// With `evidence`, only children of the service pairs that analysis found skewed compute a
/// shift of their own; a child of any other pair keeps its clock (a call that merely outlived
/// a caller that gave up is not moved). Without it, every cross-clock child is centred as
/// Jaeger does (the conformance cases run that way).
///
/// Raw times remain the default everywhere; `SpanTimes(trace, adjustment:)` gives the adjusted
/// times and `notes` explains every span that was, or would have been, moved.
public struct ClockSkewAdjustment: Sendable {
    /// No limit on the size of a shift (the adjusted view's default).
    public static let unlimited = Nanoseconds(.max)

    public let maximumShift: Nanoseconds
    /// The shift applied to each span, in nanoseconds (0 = not moved), by local index.
    public let shifts: [Int64]
    /// What happened at each span, by local index; nil where there is nothing to say.
    public let notes: [SkewNote?]

    /// Computes the adjustment. O(n) after the tree; no recursion.
    public init(_ trace: Trace, tree: TraceTree? = nil, domains: ClockDomains? = nil,
                duplicates: DuplicateSpanIDs? = nil, maximumShift: Nanoseconds = ClockSkewAdjustment.unlimited,
                evidence: ClockSkewAnalysis? = nil) {
        let tree = tree ?? TraceTree(trace)
        let domains = domains ?? ClockDomains(trace.table)
        let duplicates = duplicates ?? DuplicateSpanIDs(trace)
        let n = trace.spanCount
        let limit = maximumShift.value.magnitude
        var computed = [Int64](repeating: 0, count: n)   // the shift carried to same-host children
        var shifts = [Int64](repeating: 0, count: n)
        var notes = [SkewNote?](repeating: nil, count: n)
        let orphanSet = Set(tree.orphans)
        let skewedPairs = evidence.map { Set($0.estimates.map { Self.pairKey($0.parentService, $0.childService) }) }

        for node in tree.preorder {
            let i = Int(node)
            let span = trace[i]
            if duplicates.isRepeat(i) {
                notes[i] = .duplicateSpanID
                continue
            }
            let p = Int(tree.parent[i])
            guard p >= 0 else {
                if orphanSet.contains(node) { notes[i] = .missingParent(span.parentSpanID) }
                continue
            }
            let parent = trace[p]
            var delta: Int64
            var method: SkewDelta.Method
            if domains.shareClock(span, parent) {
                delta = computed[p]
                method = .none
            } else if let skewedPairs,
                      !skewedPairs.contains(Self.pairKey(trace.table.serviceID(of: parent), trace.table.serviceID(of: span))) {
                delta = 0
                method = .none
            } else {
                (delta, method) = SkewDelta.compute(
                    childStart: span.start.unixNanos, childEnd: span.end.unixNanos,
                    parentStart: TimeMath.add(parent.start.unixNanos, shifts[p]), parentEnd: TimeMath.add(parent.end.unixNanos, shifts[p]))
            }
            computed[i] = delta
            guard delta != 0 else { continue }
            if delta.magnitude > limit {
                notes[i] = maximumShift == .zero
                    ? .disabled(shift: Nanoseconds(delta))
                    : .exceedsMaximum(shift: Nanoseconds(delta), maximum: maximumShift)
                continue
            }
            shifts[i] = delta
            switch method {
            case .centred: notes[i] = .centred(shift: Nanoseconds(delta))
            case .alignedToParentStart: notes[i] = .alignedToParentStart(shift: Nanoseconds(delta))
            case .none: notes[i] = .inherited(shift: Nanoseconds(delta))
            }
        }
        self.maximumShift = maximumShift
        self.shifts = shifts
        self.notes = notes
    }

    private static func pairKey(_ parent: StringID, _ child: StringID) -> UInt64 {
        UInt64(parent.rawValue) << 32 | UInt64(child.rawValue)
    }

    /// The local indices of spans that were moved.
    public var adjustedSpans: [Int] { shifts.indices.filter { shifts[$0] != 0 } }

    /// The shift of one span.
    public func shift(of span: Int) -> Nanoseconds { Nanoseconds(shifts[span]) }

    /// A span's adjusted start.
    public func start(of span: Int, in trace: Trace) -> Timestamp { trace[span].start + shift(of: span) }

    /// A span's adjusted end (durations never change).
    public func end(of span: Int, in trace: Trace) -> Timestamp { trace[span].end + shift(of: span) }

    /// The adjusted times of a span's events, in order.
    public func eventTimes(of span: Int, in trace: Trace) -> [Timestamp] {
        trace.table.events(of: trace[span]).map { $0.time + shift(of: span) }
    }
}
