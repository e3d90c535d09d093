/// Turning the accumulated spans into a `SpanTable`: grouping into traces, sorting, and
/// dropping exact duplicates.
extension SpanTableBuilder {
    /// Groups the spans into traces (sorted by trace id; each trace's spans by start time, then
    /// span id) and drops exact duplicates. O(n log n).
    ///
    /// Works in place: it sorts 4-byte indices, then permutes the span records by following the
    /// permutation's cycles, so the peak memory is the spans plus about 5 bytes per span (a
    /// sorted copy of the 112-byte records would double the span array at the worst moment).
    ///
    /// The builder is left empty of spans afterwards (its other arrays are shared with the
    /// table, copy-on-write).
    public mutating func finish() -> SpanTable {
        var spans = self.spans
        self.spans = []     // the local copy is now the only reference: no copy-on-write below
        let n = spans.count
        let sorted = spans.withUnsafeBufferPointer { s -> Bool in
            for i in s.indices.dropFirst() where Self.precedes(s[i], s[i - 1]) { return false }
            return true
        }
        if !sorted {
            let order = spans.withUnsafeBufferPointer { Self.traceOrder($0) }
            Self.permute(&spans, by: order)
        }

        // Compact in place, dropping exact duplicates, and record where each trace starts.
        var traces: [TraceEntry] = []
        var write = 0
        var groupStart = 0   // first kept index with the current (trace, start, span id) key
        for read in 0..<n {
            let span = spans[read]
            if write > 0, spans[write - 1].traceID == span.traceID {
                let last = spans[write - 1]
                if last.start != span.start || last.spanID != span.spanID { groupStart = write }
                if spans[groupStart..<write].contains(where: { isExactDuplicate($0, span) }) { continue }
                traces[traces.count - 1].spanCount += 1
            } else {
                groupStart = write
                traces.append(TraceEntry(traceID: span.traceID, spanStart: UInt32(write), spanCount: 1))
            }
            spans[write] = span
            write += 1
        }
        spans.removeLast(n - write)
        return SpanTable(strings: strings, spans: spans, attributes: attributes, nested: nested, compounds: compounds,
                         scalars: scalars, blobs: blobs, events: events, links: links, resources: resources,
                         scopes: scopes, traces: traces, writtenTraceIDs: writtenTraceIDs)
    }

    /// The order that groups spans into traces sorted by trace id, each trace's spans by start
    /// time, then span id, then position. O(n + t log t + Σ g log g) for t traces of g spans:
    /// spans are bucketed by trace (a counting sort over trace ranks), and only each trace's
    /// own spans are compared — much less work than comparing all n records with each other.
    static func traceOrder(_ s: UnsafeBufferPointer<Span>) -> [UInt32] {
        let n = s.count
        var ordinalOf: [TraceID: Int32] = [:]
        var traceIDs: [TraceID] = []
        var ordinals = [Int32](repeating: 0, count: n)
        var last = TraceID.zero
        var lastOrdinal: Int32 = -1
        for i in 0..<n {
            let id = s[i].traceID
            if id == last, lastOrdinal >= 0 { ordinals[i] = lastOrdinal; continue }
            let ordinal: Int32
            if let known = ordinalOf[id] {
                ordinal = known
            } else {
                ordinal = Int32(traceIDs.count)
                ordinalOf[id] = ordinal
                traceIDs.append(id)
            }
            ordinals[i] = ordinal
            last = id
            lastOrdinal = ordinal
        }
        let t = traceIDs.count
        var rank = [Int32](repeating: 0, count: t)
        for (r, ordinal) in traceIDs.indices.sorted(by: { traceIDs[$0] < traceIDs[$1] }).enumerated() {
            rank[ordinal] = Int32(r)
        }
        var starts = [Int](repeating: 0, count: t + 1)
        for i in 0..<n { starts[Int(rank[Int(ordinals[i])]) + 1] += 1 }
        for r in 0..<t { starts[r + 1] += starts[r] }
        var fill = starts
        var order = [UInt32](repeating: 0, count: n)
        for i in 0..<n {
            let r = Int(rank[Int(ordinals[i])])
            order[fill[r]] = UInt32(i)
            fill[r] += 1
        }
        // Within a trace: by start, then span id, then position (stable).
        order.withUnsafeMutableBufferPointer { o in
            for r in 0..<t where starts[r + 1] - starts[r] > 1 {
                var slice = UnsafeMutableBufferPointer(rebasing: o[starts[r]..<starts[r + 1]])
                var ordered = true
                for k in 1..<slice.count where Self.precedes(s[Int(slice[k])], s[Int(slice[k - 1])]) {
                    ordered = false
                    break
                }
                if ordered { continue }
                slice.sort { a, b in
                    let x = s[Int(a)], y = s[Int(b)]
                    return Self.precedes(x, y) || (!Self.precedes(y, x) && a < b)
                }
            }
        }
        return order
    }

    /// Rearranges `items` so that `items[i]` becomes the old `items[order[i]]`, in place, one
    /// cycle of the permutation at a time. O(n) time, n bits of extra memory.
    static func permute(_ items: inout [Span], by order: [UInt32]) {
        var done = [UInt64](repeating: 0, count: (items.count + 63) / 64)
        items.withUnsafeMutableBufferPointer { s in
            for i in 0..<s.count where done[i >> 6] & (1 << UInt64(i & 63)) == 0 {
                let saved = s[i]
                var j = i
                while true {
                    done[j >> 6] |= 1 << UInt64(j & 63)
                    let k = Int(order[j])
                    if k == i { s[j] = saved; break }
                    s[j] = s[k]
                    j = k
                }
            }
        }
    }

    @inline(__always)
    static func precedes(_ a: Span, _ b: Span) -> Bool {
        if a.traceID != b.traceID { return a.traceID < b.traceID }
        if a.start != b.start { return a.start < b.start }
        return a.spanID < b.spanID
    }

    func isExactDuplicate(_ a: Span, _ b: Span) -> Bool {
        guard a.traceID == b.traceID, a.spanID == b.spanID, a.parentSpanID == b.parentSpanID,
              a.start == b.start, a.end == b.end, a.name == b.name, a.kind == b.kind, a.status == b.status,
              a.statusMessage == b.statusMessage, a.resource == b.resource, a.scope == b.scope,
              a.traceState == b.traceState, a.flags == b.flags, a.markers == b.markers,
              a.droppedAttributesCount == b.droppedAttributesCount, a.droppedEventsCount == b.droppedEventsCount,
              a.droppedLinksCount == b.droppedLinksCount,
              a.events.count == b.events.count, a.links.count == b.links.count,
              attributesEqual(a.attributes, b.attributes) else { return false }
        for (x, y) in zip(events[a.events.range], events[b.events.range]) {
            guard x.time == y.time, x.name == y.name, x.droppedAttributesCount == y.droppedAttributesCount,
                  attributesEqual(x.attributes, y.attributes) else { return false }
        }
        for (x, y) in zip(links[a.links.range], links[b.links.range]) {
            guard x.traceID == y.traceID, x.spanID == y.spanID, x.traceState == y.traceState, x.flags == y.flags,
                  x.droppedAttributesCount == y.droppedAttributesCount,
                  attributesEqual(x.attributes, y.attributes) else { return false }
        }
        return true
    }
}
