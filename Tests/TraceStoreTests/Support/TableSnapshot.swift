import TraceModel

/// Every field of every span of a table, decoded to plain values, so two tables built with
/// different string ids compare equal exactly when they hold the same data. Doubles compare by
/// bit pattern (so -0.0, infinities and NaN payloads must survive too).
struct TableSnapshot: Hashable, CustomStringConvertible {
    indirect enum Value: Hashable {
        case string(String), bool(Bool), int(Int64), double(UInt64), bytes([UInt8]), empty
        case array([Value]), keyValueList([Pair])
    }

    struct Pair: Hashable {
        var key: String
        var value: Value
    }

    struct Event: Hashable {
        var time: Int64, name: String, attributes: [Pair], dropped: UInt32
    }

    struct Link: Hashable {
        var traceID: TraceID, spanID: SpanID, traceState: String, attributes: [Pair], dropped: UInt32, flags: UInt32
    }

    struct SpanValues: Hashable {
        var traceID: TraceID, spanID: SpanID, parentID: SpanID, name: String, kind: SpanKind
        var start: Int64, end: Int64, status: StatusCode, statusMessage: String, traceState: String
        var flags: UInt32, markers: UInt16, droppedAttributes: UInt32, droppedEvents: UInt32, droppedLinks: UInt32
        var attributes: [Pair], events: [Event], links: [Link]
        var resource: [Pair], resourceDropped: UInt32, resourceSchema: String, service: String
        var scopeName: String, scopeVersion: String, scope: [Pair], scopeDropped: UInt32, scopeSchema: String
    }

    /// Per trace (in trace id order), its spans in table order.
    var traces: [[SpanValues]]

    init(_ table: SpanTable) {
        func value(_ v: AttributeValue) -> Value {
            switch v {
            case .string(let s): return .string(s)
            case .bool(let b): return .bool(b)
            case .int(let i): return .int(i)
            case .double(let d): return .double(d.bitPattern)
            case .bytes(let b): return .bytes(b)
            case .empty: return .empty
            case .array(let items): return .array(items.map(value))
            case .keyValueList(let pairs): return .keyValueList(pairs.map { Pair(key: $0.key, value: value($0.value)) })
            }
        }
        func pairs(_ range: ElementRange) -> [Pair] {
            table.attributes[range.range].map { Pair(key: table.strings[$0.key], value: value(table.value(of: $0))) }
        }
        let s = table.strings
        traces = table.allTraces.map { trace in
            trace.spans.map { span in
                let r = table.resources[Int(span.resource)]
                let sc = table.scopes[Int(span.scope)]
                return SpanValues(
                    traceID: span.traceID, spanID: span.spanID, parentID: span.parentSpanID, name: s[span.name],
                    kind: span.kind, start: span.start.unixNanos, end: span.end.unixNanos, status: span.status,
                    statusMessage: s[span.statusMessage], traceState: s[span.traceState], flags: span.flags,
                    markers: span.markers.rawValue, droppedAttributes: span.droppedAttributesCount,
                    droppedEvents: span.droppedEventsCount, droppedLinks: span.droppedLinksCount,
                    attributes: pairs(span.attributes),
                    events: table.events(of: span).map {
                        Event(time: $0.time.unixNanos, name: s[$0.name], attributes: pairs($0.attributes),
                              dropped: $0.droppedAttributesCount)
                    },
                    links: table.links(of: span).map {
                        Link(traceID: $0.traceID, spanID: $0.spanID, traceState: s[$0.traceState],
                             attributes: pairs($0.attributes), dropped: $0.droppedAttributesCount, flags: $0.flags)
                    },
                    resource: pairs(r.attributes), resourceDropped: r.droppedAttributesCount,
                    resourceSchema: s[r.schemaURL], service: s[r.serviceName],
                    scopeName: s[sc.name], scopeVersion: s[sc.version], scope: pairs(sc.attributes),
                    scopeDropped: sc.droppedAttributesCount, scopeSchema: s[sc.schemaURL])
            }
        }
    }

    var spanCount: Int { traces.reduce(0) { $0 + $1.count } }

    var description: String { "\(traces.count) traces, \(spanCount) spans" }

    /// The first difference, for a readable failure message.
    static func firstDifference(_ a: TableSnapshot, _ b: TableSnapshot) -> String? {
        guard a.traces.count == b.traces.count else { return "trace counts \(a.traces.count) vs \(b.traces.count)" }
        for (x, y) in zip(a.traces, b.traces) {
            guard x.count == y.count else { return "trace \(x.first?.traceID.hex ?? "?"): \(x.count) vs \(y.count) spans" }
            for (p, q) in zip(x, y) where p != q { return "span \(p.spanID.hex):\n  \(p)\nvs\n  \(q)" }
        }
        return nil
    }
}
