/// Every loaded span, in a compact columnar layout, grouped into traces.
///
/// Invariants (established by `SpanTableBuilder.finish()`):
/// - the spans of one trace are contiguous in `spans`, ordered by start time, then span id;
/// - `traces` is ordered by trace id and each entry covers its spans;
/// - exact duplicate spans appear once.
///
/// Immutable once built, so it is shared freely across threads and views.
public final class SpanTable: Sendable {
    public let strings: StringTable
    public let spans: [Span]
    public let attributes: [Attribute]
    /// The elements of array and key-value-list values (array elements have empty keys).
    public let nested: [Attribute]
    /// Ranges of `nested` for array and key-value-list values.
    public let compounds: [ElementRange]
    /// Bit patterns of 64-bit integers and doubles.
    public let scalars: [UInt64]
    public let blobs: [[UInt8]]
    public let events: [SpanEvent]
    public let links: [SpanLink]
    public let resources: [Resource]
    public let scopes: [InstrumentationScope]
    public let traces: [TraceEntry]
    /// The text of trace ids that were not written as hex (`trace-123`), by the id trex gave
    /// them; empty in the common case. Lookups and lists show and match this text.
    public let writtenTraceIDs: [TraceID: String]

    init(strings: StringTable, spans: [Span], attributes: [Attribute], nested: [Attribute], compounds: [ElementRange],
         scalars: [UInt64], blobs: [[UInt8]], events: [SpanEvent], links: [SpanLink], resources: [Resource],
         scopes: [InstrumentationScope], traces: [TraceEntry], writtenTraceIDs: [TraceID: String] = [:]) {
        self.strings = strings
        self.spans = spans
        self.attributes = attributes
        self.nested = nested
        self.compounds = compounds
        self.scalars = scalars
        self.blobs = blobs
        self.events = events
        self.links = links
        self.resources = resources
        self.scopes = scopes
        self.traces = traces
        self.writtenTraceIDs = writtenTraceIDs
    }

    /// An empty table.
    public static let empty: SpanTable = {
        var builder = SpanTableBuilder()
        return builder.finish()
    }()

    // MARK: - Traces

    /// The trace at an index of `traces`.
    public func trace(at index: Int) -> Trace {
        Trace(table: self, index: index)
    }

    /// All traces, in trace-id order.
    public var allTraces: [Trace] { traces.indices.map { Trace(table: self, index: $0) } }

    /// The index in `traces` of a trace id, by binary search. O(log traces).
    public func traceIndex(of id: TraceID) -> Int? {
        var lo = 0
        var hi = traces.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if traces[mid].traceID < id { lo = mid + 1 } else { hi = mid }
        }
        return lo < traces.count && traces[lo].traceID == id ? lo : nil
    }

    /// The text a trace id was written as, when it was not hex.
    public func writtenID(of id: TraceID) -> String? {
        writtenTraceIDs.isEmpty ? nil : writtenTraceIDs[id]
    }

    /// The id as people know it: its written text when it was not hex, else `shownHex`.
    public func shownID(of id: TraceID) -> String { writtenID(of: id) ?? id.shownHex }

    // MARK: - Span fields

    public func name(of span: Span) -> String { strings[span.name] }

    /// The `service.name` of the span's resource (an empty id when absent).
    @inlinable public func serviceID(of span: Span) -> StringID { resources[Int(span.resource)].serviceName }

    public func serviceName(of span: Span) -> String { strings[serviceID(of: span)] }

    @inlinable public func attributes(of span: Span) -> ArraySlice<Attribute> { attributes[span.attributes.range] }

    public func resourceAttributes(of span: Span) -> ArraySlice<Attribute> {
        attributes[resources[Int(span.resource)].attributes.range]
    }

    public func events(of span: Span) -> ArraySlice<SpanEvent> { events[span.events.range] }
    public func links(of span: Span) -> ArraySlice<SpanLink> { links[span.links.range] }
    public func scope(of span: Span) -> InstrumentationScope { scopes[Int(span.scope)] }

    /// The first attribute with the key in a range of attributes. O(count).
    @inlinable
    public func attribute(_ key: StringID, in range: ElementRange) -> Attribute? {
        var i = Int(range.start)
        let end = i + Int(range.count)
        while i < end {
            let a = attributes[i]
            if a.key == key { return a }
            i += 1
        }
        return nil
    }

    /// A span attribute by key (a string not in the table cannot be a key).
    public func attribute(_ key: String, of span: Span) -> AttributeValue? {
        guard let id = strings.lookup(key), let a = attribute(id, in: span.attributes) else { return nil }
        return value(of: a)
    }

    /// A resource attribute by key.
    public func resourceAttribute(_ key: String, of span: Span) -> AttributeValue? {
        guard let id = strings.lookup(key),
              let a = attribute(id, in: resources[Int(span.resource)].attributes) else { return nil }
        return value(of: a)
    }

    // MARK: - Values

    /// The 64-bit integer of an `.int` or `.smallInt` attribute.
    @inlinable
    public func intValue(of a: Attribute) -> Int64? {
        switch a.tag {
        case .smallInt: return Int64(Int32(bitPattern: a.payload))
        case .int: return Int64(bitPattern: scalars[Int(a.payload)])
        default: return nil
        }
    }

    /// The double of a `.double` attribute.
    @inlinable
    public func doubleValue(of a: Attribute) -> Double? {
        a.tag == .double ? Double(bitPattern: scalars[Int(a.payload)]) : nil
    }

    /// Decodes an attribute's value (allocates for strings and compound values).
    public func value(of a: Attribute) -> AttributeValue {
        switch a.tag {
        case .string: return .string(strings[StringID(a.payload)])
        case .bool: return .bool(a.payload != 0)
        case .smallInt, .int: return .int(intValue(of: a)!)
        case .double: return .double(doubleValue(of: a)!)
        case .bytes: return a.payload == Attribute.emptyPayload ? .empty : .bytes(blobs[Int(a.payload)])
        case .array:
            return .array(nested[compounds[Int(a.payload)].range].map { value(of: $0) })
        case .keyValueList:
            return .keyValueList(nested[compounds[Int(a.payload)].range].map { KeyValue(strings[$0.key], value(of: $0)) })
        }
    }

    /// Every attribute of a range as (key, value) pairs, in order.
    public func keyValues(_ range: ElementRange) -> [KeyValue] {
        attributes[range.range].map { KeyValue(strings[$0.key], value(of: $0)) }
    }
}

/// One trace's place in a `SpanTable`.
public struct TraceEntry: Sendable, Hashable {
    public var traceID: TraceID
    public var spanStart: UInt32
    public var spanCount: UInt32

    public var spanRange: Range<Int> { Int(spanStart)..<(Int(spanStart) + Int(spanCount)) }
}
