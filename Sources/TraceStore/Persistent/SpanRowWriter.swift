import GRDB
import TraceModel

/// Writes spans into the `spans` table with one prepared upsert.
///
/// A span whose (trace, span id) is already stored with identical columns is left alone (the
/// upsert's WHERE clause), so importing the same data twice changes nothing; a stored span with
/// the same key but different content is replaced by the new one.
struct SpanRowWriter {
    static let sql = """
        INSERT INTO spans (trace_key, span_id, parent_id, start_ns, duration_ns, service_id, name_id, kind, status,
            status_message_id, trace_state_id, flags, markers, dropped_attributes, dropped_events, dropped_links,
            resource_id, scope_id, attributes, events, links)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)
        ON CONFLICT (trace_key, span_id) DO UPDATE SET
            parent_id = excluded.parent_id, start_ns = excluded.start_ns, duration_ns = excluded.duration_ns,
            service_id = excluded.service_id, name_id = excluded.name_id, kind = excluded.kind,
            status = excluded.status, status_message_id = excluded.status_message_id,
            trace_state_id = excluded.trace_state_id, flags = excluded.flags, markers = excluded.markers,
            dropped_attributes = excluded.dropped_attributes, dropped_events = excluded.dropped_events,
            dropped_links = excluded.dropped_links, resource_id = excluded.resource_id, scope_id = excluded.scope_id,
            attributes = excluded.attributes, events = excluded.events, links = excluded.links
        WHERE (parent_id, start_ns, duration_ns, service_id, name_id, kind, status, status_message_id,
               trace_state_id, flags, markers, dropped_attributes, dropped_events, dropped_links, resource_id,
               scope_id, attributes, events, links)
           IS NOT (excluded.parent_id, excluded.start_ns, excluded.duration_ns, excluded.service_id,
               excluded.name_id, excluded.kind, excluded.status, excluded.status_message_id,
               excluded.trace_state_id, excluded.flags, excluded.markers, excluded.dropped_attributes,
               excluded.dropped_events, excluded.dropped_links, excluded.resource_id, excluded.scope_id,
               excluded.attributes, excluded.events, excluded.links)
        """

    private let upsert: RawStatement
    private let db: Database
    /// Reused for every span's attribute block.
    private var scratch = ByteWriter(capacity: 512)

    init(_ db: Database) throws {
        self.db = db
        upsert = try RawStatement(db, Self.sql)
    }

    /// Writes one span of `mapping.table`; true when a row was inserted or changed.
    mutating func write(_ span: Span, traceKey: Int64, mapping: inout SourceMapping,
                        resources: StoreResources) throws -> Bool {
        let resource = try mapping.resource(span.resource, resources, db)
        let scope = try mapping.scope(span.scope, resources, db)
        scratch.removeAll()
        try AttributeEncoding.encode(span.attributes, of: mapping.table, into: &scratch, strings: &mapping)
        let events = try EventLinkEncoding.events(of: span, in: mapping.table, strings: &mapping)
        let links = try EventLinkEncoding.links(of: span, in: mapping.table, strings: &mapping)
        let u = upsert
        u.bind(1, traceKey)
        u.bind(2, Int64(bitPattern: span.spanID.rawValue))
        u.bind(3, Int64(bitPattern: span.parentSpanID.rawValue))
        u.bind(4, span.start.unixNanos)
        u.bind(5, span.end.unixNanos &- span.start.unixNanos)
        u.bind(6, resource.serviceID)
        u.bind(7, try mapping.storeID(span.name))
        u.bind(8, Int64(span.kind.rawValue))
        u.bind(9, Int64(span.status.rawValue))
        u.bind(10, try mapping.storeID(span.statusMessage))
        u.bind(11, try mapping.storeID(span.traceState))
        u.bind(12, Int64(span.flags))
        u.bind(13, Int64(span.markers.rawValue))
        u.bind(14, Int64(span.droppedAttributesCount))
        u.bind(15, Int64(span.droppedEventsCount))
        u.bind(16, Int64(span.droppedLinksCount))
        u.bind(17, resource.id)
        u.bind(18, scope)
        u.bind(19, blob: scratch.bytes, nullIfEmpty: true)
        u.bind(20, blob: events, nullIfEmpty: true)
        u.bind(21, blob: links, nullIfEmpty: true)
        try u.run()
        return db.changesCount > 0
    }
}
