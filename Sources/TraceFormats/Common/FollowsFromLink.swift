import TraceModel

/// How trex writes Jaeger's FOLLOWS_FROM parent relation in OTLP, which has no such relation:
/// the span keeps `parentSpanId`, and its first link points at the same parent with the single
/// attribute `opentracing.ref_type = "follows_from"` (the attribute Jaeger's own OTLP
/// translator puts on references). Reading that first link back sets `.followsFrom` again and
/// drops the link, so Jaeger -> OTLP -> model keeps the relation.
struct FollowsFromLink {
    static let key = "opentracing.ref_type"
    static let value = "follows_from"

    let keyID: StringID
    let valueID: StringID

    init(builder: inout SpanTableBuilder) {
        keyID = builder.intern(Self.key)
        valueID = builder.intern(Self.value)
    }

    /// True when the first of `links` is the follows-from marker link for `parent`.
    func matches(_ links: ElementRange, traceID: TraceID, parent: SpanID, in b: SpanTableBuilder) -> Bool {
        guard !links.isEmpty, parent.isValid else { return false }
        let link = b.links[Int(links.start)]
        guard link.traceID == traceID, link.spanID == parent, link.attributes.count == 1,
              link.traceState.isEmpty, link.droppedAttributesCount == 0, link.flags == 0 else { return false }
        let a = b.attributes[Int(link.attributes.start)]
        return a.key == keyID && a.stringID == valueID
    }
}
