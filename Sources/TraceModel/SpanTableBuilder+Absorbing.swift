extension SpanTableBuilder {
    /// Moves everything another builder holds into this one, as if it had been decoded here:
    /// the other's strings are interned once each and every reference to them, and to its side
    /// arrays, is rewritten. Used to decode one large input on several cores, each into its own
    /// builder. O(other's spans + attributes + strings).
    ///
    /// `other` is emptied array by array as its content moves over, so the memory of both is
    /// not held twice (it stays usable as an empty builder's worth of nothing but its strings).
    public mutating func absorb(_ other: inout SpanTableBuilder) {
        // Strings: one intern per distinct string of the other builder.
        var strings = [StringID](repeating: .empty, count: other.strings.count)
        for id in 1..<other.strings.count {
            strings[id] = other.strings.withUTF8(StringID(UInt32(id))) { intern(utf8: $0) }
        }
        func string(_ id: StringID) -> StringID { strings[Int(id.rawValue)] }

        let attributeBase = UInt32(attributes.count)
        let nestedBase = UInt32(nested.count)
        let compoundBase = UInt32(compounds.count)
        let scalarBase = UInt32(scalars.count)
        let blobBase = UInt32(blobs.count)
        func attribute(_ a: Attribute) -> Attribute {
            var payload = a.payload
            switch a.tag {
            case .string: payload = string(StringID(a.payload)).rawValue
            case .bool, .smallInt: break
            case .int, .double: payload += scalarBase
            case .bytes: if payload != Attribute.emptyPayload { payload += blobBase }
            case .array, .keyValueList: payload += compoundBase
            }
            return Attribute(key: string(a.key), tag: a.tag, payload: payload)
        }
        func shifted(_ r: ElementRange, by base: UInt32) -> ElementRange {
            r.isEmpty ? .empty : ElementRange(start: r.start + base, count: r.count)
        }

        attributes.append(contentsOf: other.attributes.lazy.map(attribute))
        nested.append(contentsOf: other.nested.lazy.map(attribute))
        compounds.append(contentsOf: other.compounds.lazy.map { shifted($0, by: nestedBase) })
        scalars.append(contentsOf: other.scalars)
        blobs.append(contentsOf: other.blobs)
        // The resources' and scopes' attribute ranges are re-registered below from the copies.
        other.attributes = []
        other.nested = []
        other.compounds = []
        other.scalars = []
        other.blobs = []

        let eventBase = UInt32(events.count)
        events.append(contentsOf: other.events.lazy.map { e in
            SpanEvent(time: e.time, name: string(e.name), attributes: shifted(e.attributes, by: attributeBase),
                      droppedAttributesCount: e.droppedAttributesCount)
        })
        let linkBase = UInt32(links.count)
        links.append(contentsOf: other.links.lazy.map { l in
            SpanLink(traceID: l.traceID, spanID: l.spanID, traceState: string(l.traceState),
                     attributes: shifted(l.attributes, by: attributeBase), droppedAttributesCount: l.droppedAttributesCount,
                     flags: l.flags)
        })

        // Resources and scopes go through the content dedupe, so a service seen by both
        // builders ends up as one resource.
        let resourceMap = other.resources.map { r in
            addResource(attributes: shifted(r.attributes, by: attributeBase), droppedAttributesCount: r.droppedAttributesCount,
                        schemaURL: string(r.schemaURL))
        }
        let scopeMap = other.scopes.map { s in
            addScope(InstrumentationScope(name: string(s.name), version: string(s.version),
                                          attributes: shifted(s.attributes, by: attributeBase),
                                          droppedAttributesCount: s.droppedAttributesCount, schemaURL: string(s.schemaURL)))
        }

        spans.reserveCapacity(spans.count + other.spans.count)
        for var span in other.spans {
            span.name = string(span.name)
            span.statusMessage = string(span.statusMessage)
            span.traceState = string(span.traceState)
            span.resource = resourceMap[Int(span.resource)]
            span.scope = scopeMap[Int(span.scope)]
            span.attributes = shifted(span.attributes, by: attributeBase)
            span.events = shifted(span.events, by: eventBase)
            span.links = shifted(span.links, by: linkBase)
            spans.append(span)
        }
        other.spans = []
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
