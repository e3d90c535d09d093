import TraceModel

extension SpanRecord {
    /// Rebuilds the in-memory span this record (with its id and attribute block) stores, its
    /// strings, attributes, events and links interned into `builder`. `record` is the reader the
    /// record was read from (its events and links ranges point into it); `resource` and `scope`
    /// are the builder's indexes for the record's resource and scope.
    func span<Mapping: LoadedStringMapping>(
        id: UInt64, traceID: TraceID, record: ByteReader, attributes: ByteReader,
        resource: UInt32, scope: UInt32, into builder: inout SpanTableBuilder, strings: inout Mapping
    ) throws -> Span {
        let start = Timestamp(unixNanos: self.start)
        var attributeReader = attributes
        let attributeRange = try AttributeDecoding.decode(&attributeReader, into: &builder, strings: &strings)
        let events = try EventLinkEncoding.decodeEvents(record.slice(self.events), spanStart: start,
                                                        into: &builder, strings: &strings)
        let links = try EventLinkEncoding.decodeLinks(record.slice(self.links), traceID: traceID,
                                                      into: &builder, strings: &strings)
        return Span(
            traceID: traceID, spanID: SpanID(id), parentSpanID: SpanID(parentID),
            name: try strings.builderID(nameID, in: &builder),
            kind: SpanKind(rawValue: kind) ?? .unspecified,
            start: start, end: Timestamp(unixNanos: self.start &+ duration),
            resource: resource, scope: scope,
            status: StatusCode(rawValue: status) ?? .unset,
            statusMessage: try strings.builderID(statusMessageID, in: &builder),
            traceState: try strings.builderID(traceStateID, in: &builder),
            attributes: attributeRange, events: events, links: links,
            droppedAttributesCount: droppedAttributes, droppedEventsCount: droppedEvents,
            droppedLinksCount: droppedLinks, flags: flags, markers: SpanMarkers(rawValue: markers))
    }
}
