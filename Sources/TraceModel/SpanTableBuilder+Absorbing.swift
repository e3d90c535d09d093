extension SpanTableBuilder {
    /// Moves everything another builder holds into this one, as if it had been decoded here:
    /// the other's strings are interned once each and every reference to them, and to its side
    /// arrays, is rewritten. Used to decode one large input on several cores, each into its own
    /// builder. O(other's spans + attributes + strings).
    ///
    /// `other` is emptied array by array as its content moves over, so the memory of both is
    /// not held twice (it stays usable as an empty builder's worth of nothing but its strings).
    public mutating func absorb(_ other: inout SpanTableBuilder) {
        // Strings: one intern per distinct string of the other builder. (Plain loops over
        // buffers below: closures capturing mutable state cost half a second on a million spans.)
        var remap = [StringID](repeating: .empty, count: other.strings.count)
        for id in 1..<other.strings.count {
            remap[id] = other.strings.withUTF8(StringID(UInt32(id))) { intern(utf8: $0) }
        }
        let map = remap
        writtenTraceIDs.merge(other.writtenTraceIDs) { mine, _ in mine }
        let bases = AttributeBases(scalar: UInt32(scalars.count), blob: UInt32(blobs.count),
                                   compound: UInt32(compounds.count))
        let attributeBase = UInt32(attributes.count)
        let nestedBase = UInt32(nested.count)

        map.withUnsafeBufferPointer { m in
            Self.appendRemapped(other.attributes, into: &attributes, map: m, bases: bases)
            Self.appendRemapped(other.nested, into: &nested, map: m, bases: bases)
        }
        compounds.append(contentsOf: other.compounds.map { Self.shifted($0, by: nestedBase) })
        scalars.append(contentsOf: other.scalars)
        blobs.append(contentsOf: other.blobs)
        // The resources' and scopes' attribute ranges are re-registered below from the copies.
        other.attributes = []
        other.nested = []
        other.compounds = []
        other.scalars = []
        other.blobs = []

        let eventBase = UInt32(events.count)
        events.reserveCapacity(events.count + other.events.count)
        for e in other.events {
            events.append(SpanEvent(time: e.time, name: map[Int(e.name.rawValue)],
                                    attributes: Self.shifted(e.attributes, by: attributeBase),
                                    droppedAttributesCount: e.droppedAttributesCount))
        }
        let linkBase = UInt32(links.count)
        links.reserveCapacity(links.count + other.links.count)
        for l in other.links {
            links.append(SpanLink(traceID: l.traceID, spanID: l.spanID, traceState: map[Int(l.traceState.rawValue)],
                                  attributes: Self.shifted(l.attributes, by: attributeBase),
                                  droppedAttributesCount: l.droppedAttributesCount, flags: l.flags))
        }
        other.events = []
        other.links = []

        // Resources and scopes go through the content dedupe, so a service seen by both
        // builders ends up as one resource.
        var resourceMap: [UInt32] = []
        for r in other.resources {
            resourceMap.append(addResource(attributes: Self.shifted(r.attributes, by: attributeBase),
                                           droppedAttributesCount: r.droppedAttributesCount,
                                           schemaURL: map[Int(r.schemaURL.rawValue)]))
        }
        var scopeMap: [UInt32] = []
        for sc in other.scopes {
            scopeMap.append(addScope(InstrumentationScope(
                name: map[Int(sc.name.rawValue)], version: map[Int(sc.version.rawValue)],
                attributes: Self.shifted(sc.attributes, by: attributeBase),
                droppedAttributesCount: sc.droppedAttributesCount, schemaURL: map[Int(sc.schemaURL.rawValue)])))
        }

        spans.reserveCapacity(spans.count + other.spans.count)
        map.withUnsafeBufferPointer { m in
            other.spans.withUnsafeBufferPointer { source in
                for var span in source {
                    span.name = m[Int(span.name.rawValue)]
                    span.statusMessage = m[Int(span.statusMessage.rawValue)]
                    span.traceState = m[Int(span.traceState.rawValue)]
                    span.resource = resourceMap[Int(span.resource)]
                    span.scope = scopeMap[Int(span.scope)]
                    span.attributes = Self.shifted(span.attributes, by: attributeBase)
                    span.events = Self.shifted(span.events, by: eventBase)
                    span.links = Self.shifted(span.links, by: linkBase)
                    spans.append(span)
                }
            }
        }
        other.spans = []
    }

    /// Where another builder's side arrays start in this one.
    private struct AttributeBases {
        var scalar: UInt32
        var blob: UInt32
        var compound: UInt32
    }

    private static func shifted(_ r: ElementRange, by base: UInt32) -> ElementRange {
        r.isEmpty ? .empty : ElementRange(start: r.start + base, count: r.count)
    }

    /// Appends attributes with their string ids and side-array payloads rewritten. O(n).
    private static func appendRemapped(_ source: [Attribute], into target: inout [Attribute],
                                       map: UnsafeBufferPointer<StringID>, bases: AttributeBases) {
        target.reserveCapacity(target.count + source.count)
        source.withUnsafeBufferPointer { s in
            for a in s {
                var payload = a.payload
                let tag = a.tag
                switch tag {
                case .string: payload = map[Int(a.payload)].rawValue
                case .bool, .smallInt: break
                case .int, .double: payload += bases.scalar
                case .bytes: if payload != Attribute.emptyPayload { payload += bases.blob }
                case .array, .keyValueList: payload += bases.compound
                }
                target.append(Attribute(key: map[Int(a.key.rawValue)], tag: tag, payload: payload))
            }
        }
    }
}

extension SpanTableBuilder {
    /// Reserves room for what an input of `bytes` bytes can hold at most, so decoding a large
    /// input never copies its growing arrays (each copy briefly holds an array twice in memory).
    ///
    /// The bounds come from the smallest JSON a span (about 150 bytes), an attribute (about 40)
    /// an event (300) and a link (600) take in practice; an input beyond them still loads, its
    /// arrays then grow as usual. Reserved but unused capacity costs address space only: the
    /// pages are never touched, so they never become resident.
    public mutating func reserve(forInputBytes bytes: Int) {
        spans.reserveCapacity(spans.count + bytes / 150)
        attributes.reserveCapacity(attributes.count + bytes / 40)
        events.reserveCapacity(events.count + bytes / 300)
        links.reserveCapacity(links.count + bytes / 600)
    }
}
