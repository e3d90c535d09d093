/// Accumulates spans from any number of decoders and files, then groups them into a
/// `SpanTable`.
///
/// Decoders intern strings, append attributes, events and links, register resources and scopes
/// (deduplicated by content, so a resource repeated on every line of a JSON Lines file is stored
/// once), and append spans. `finish()` sorts spans into traces and drops exact duplicates.
public struct SpanTableBuilder: Sendable {
    public var strings = StringTable()
    public internal(set) var spans: [Span] = []
    public internal(set) var attributes: [Attribute] = []
    public internal(set) var nested: [Attribute] = []
    public internal(set) var compounds: [ElementRange] = []
    public internal(set) var scalars: [UInt64] = []
    public internal(set) var blobs: [[UInt8]] = []
    public internal(set) var events: [SpanEvent] = []
    public internal(set) var links: [SpanLink] = []
    public internal(set) var resources: [Resource] = []
    public internal(set) var scopes: [InstrumentationScope] = []
    /// The text of trace ids that were not written as hex (see `SpanTable.writtenTraceIDs`).
    public var writtenTraceIDs: [TraceID: String] = [:]
    private var resourceBuckets: [UInt64: [UInt32]] = [:]
    private var scopeBuckets: [UInt64: [UInt32]] = [:]
    private let serviceNameKey: StringID

    public init() {
        serviceNameKey = strings.intern("service.name")
        // Index 0 of resources and scopes is the empty one, so a span always has both.
        resources.append(Resource(attributes: .empty, serviceName: .empty))
        scopes.append(InstrumentationScope())
        resourceBuckets[Self.resourceHash(attributes: .empty, dropped: 0, schemaURL: .empty, in: self)] = [0]
        scopeBuckets[Self.scopeHash(InstrumentationScope(), in: self)] = [0]
    }

    public var spanCount: Int { spans.count }

    // MARK: - Strings

    public mutating func intern(_ text: String) -> StringID { strings.intern(text) }

    public mutating func intern(utf8 bytes: UnsafeBufferPointer<UInt8>) -> StringID { strings.intern(utf8: bytes) }

    // MARK: - Attributes

    /// The position the next appended attribute will take; pass it to `attributes(since:)`.
    public var attributeMark: Int { attributes.count }

    /// The range of attributes appended since a mark.
    public func attributes(since mark: Int) -> ElementRange { ElementRange(mark..<attributes.count) }

    /// Appends a ready-made attribute (string, bool or small int from `Attribute`'s factories).
    public mutating func append(_ attribute: Attribute) { attributes.append(attribute) }

    public mutating func appendString(_ key: StringID, _ value: StringID) {
        attributes.append(.string(key, value))
    }

    public mutating func appendBool(_ key: StringID, _ value: Bool) {
        attributes.append(.bool(key, value))
    }

    public mutating func appendInt(_ key: StringID, _ value: Int64) {
        attributes.append(makeInt(key, value))
    }

    public mutating func appendDouble(_ key: StringID, _ value: Double) {
        attributes.append(makeDouble(key, value))
    }

    /// Appends an attribute of any value kind, interning strings and storing compound values.
    public mutating func append(key: StringID, value: AttributeValue) {
        attributes.append(make(key, value))
    }

    /// Appends key-value pairs and returns their range.
    public mutating func appendAttributes(_ pairs: [KeyValue]) -> ElementRange {
        let mark = attributeMark
        for pair in pairs { append(key: intern(pair.key), value: pair.value) }
        return attributes(since: mark)
    }

    /// Removes attributes appended since a mark (a decoder abandoning a malformed span).
    public mutating func discardAttributes(since mark: Int) {
        if mark < attributes.count { attributes.removeSubrange(mark...) }
    }

    /// Builds an attribute, storing any side data it needs.
    public mutating func make(_ key: StringID, _ value: AttributeValue) -> Attribute {
        switch value {
        case .string(let s): return .string(key, intern(s))
        case .bool(let b): return .bool(key, b)
        case .int(let i): return makeInt(key, i)
        case .double(let d): return makeDouble(key, d)
        case .bytes(let b):
            blobs.append(b)
            return Attribute(key: key, tag: .bytes, payload: UInt32(blobs.count - 1))
        case .empty:
            return Attribute(key: key, tag: .bytes, payload: Attribute.emptyPayload)
        case .array(let items):
            let elements = items.map { make(.empty, $0) }
            return compound(key, .array, elements)
        case .keyValueList(let pairs):
            let elements = pairs.map { make(intern($0.key), $0.value) }
            return compound(key, .keyValueList, elements)
        }
    }

    private mutating func compound(_ key: StringID, _ tag: AttributeTag, _ elements: [Attribute]) -> Attribute {
        let start = nested.count
        nested.append(contentsOf: elements)
        compounds.append(ElementRange(start..<nested.count))
        return Attribute(key: key, tag: tag, payload: UInt32(compounds.count - 1))
    }

    private mutating func makeInt(_ key: StringID, _ value: Int64) -> Attribute {
        if let small = Attribute.smallInt(key, value) { return small }
        scalars.append(UInt64(bitPattern: value))
        return Attribute(key: key, tag: .int, payload: UInt32(scalars.count - 1))
    }

    private mutating func makeDouble(_ key: StringID, _ value: Double) -> Attribute {
        scalars.append(value.bitPattern)
        return Attribute(key: key, tag: .double, payload: UInt32(scalars.count - 1))
    }

    // MARK: - Events, links, resources, scopes

    public mutating func append(_ event: SpanEvent) { events.append(event) }
    public var eventMark: Int { events.count }
    public func events(since mark: Int) -> ElementRange { ElementRange(mark..<events.count) }

    public mutating func append(_ link: SpanLink) { links.append(link) }
    public var linkMark: Int { links.count }
    public func links(since mark: Int) -> ElementRange { ElementRange(mark..<links.count) }

    /// Registers a resource whose attributes were just appended, returning the index of an
    /// identical existing resource when there is one (and then dropping the new copy of its
    /// attributes if they are the last ones appended).
    public mutating func addResource(attributes range: ElementRange, droppedAttributesCount: UInt32 = 0,
                                     schemaURL: StringID = .empty) -> UInt32 {
        let hash = Self.resourceHash(attributes: range, dropped: droppedAttributesCount, schemaURL: schemaURL, in: self)
        for candidate in resourceBuckets[hash, default: []] {
            let r = resources[Int(candidate)]
            if r.droppedAttributesCount == droppedAttributesCount, r.schemaURL == schemaURL,
               attributesEqual(r.attributes, range) {
                dropIfLast(range)
                return candidate
            }
        }
        let service = attributeValueID(serviceNameKey, in: range)
        resources.append(Resource(attributes: range, droppedAttributesCount: droppedAttributesCount,
                                  schemaURL: schemaURL, serviceName: service))
        let index = UInt32(resources.count - 1)
        resourceBuckets[hash, default: []].append(index)
        return index
    }

    /// Registers an instrumentation scope, deduplicated like resources.
    public mutating func addScope(_ scope: InstrumentationScope) -> UInt32 {
        let hash = Self.scopeHash(scope, in: self)
        for candidate in scopeBuckets[hash, default: []] {
            let s = scopes[Int(candidate)]
            if s.name == scope.name, s.version == scope.version, s.schemaURL == scope.schemaURL,
               s.droppedAttributesCount == scope.droppedAttributesCount, attributesEqual(s.attributes, scope.attributes) {
                dropIfLast(scope.attributes)
                return candidate
            }
        }
        scopes.append(scope)
        let index = UInt32(scopes.count - 1)
        scopeBuckets[hash, default: []].append(index)
        return index
    }

    private mutating func dropIfLast(_ range: ElementRange) {
        if !range.isEmpty, range.range.upperBound == attributes.count { attributes.removeSubrange(range.range) }
    }

    private func attributeValueID(_ key: StringID, in range: ElementRange) -> StringID {
        for a in attributes[range.range] where a.key == key { return a.stringID ?? .empty }
        return .empty
    }

    // MARK: - Spans

    public mutating func append(_ span: Span) { spans.append(span) }

    /// Copies a span, with its attributes, events, links, resource and scope, out of another
    /// table (re-interning its strings).
    public mutating func copy(_ span: Span, from table: SpanTable) {
        var s = span
        s.name = intern(table.strings[span.name])
        s.statusMessage = intern(table.strings[span.statusMessage])
        s.traceState = intern(table.strings[span.traceState])
        s.attributes = copyAttributes(span.attributes, from: table)
        let eventMark = self.eventMark
        for e in table.events(of: span) {
            let attrs = copyAttributes(e.attributes, from: table)
            append(SpanEvent(time: e.time, name: intern(table.strings[e.name]), attributes: attrs,
                             droppedAttributesCount: e.droppedAttributesCount))
        }
        s.events = events(since: eventMark)
        let linkMark = self.linkMark
        for l in table.links(of: span) {
            let attrs = copyAttributes(l.attributes, from: table)
            append(SpanLink(traceID: l.traceID, spanID: l.spanID, traceState: intern(table.strings[l.traceState]),
                            attributes: attrs, droppedAttributesCount: l.droppedAttributesCount, flags: l.flags))
        }
        s.links = links(since: linkMark)
        let r = table.resources[Int(span.resource)]
        s.resource = addResource(attributes: copyAttributes(r.attributes, from: table),
                                 droppedAttributesCount: r.droppedAttributesCount,
                                 schemaURL: intern(table.strings[r.schemaURL]))
        let sc = table.scopes[Int(span.scope)]
        s.scope = addScope(InstrumentationScope(
            name: intern(table.strings[sc.name]), version: intern(table.strings[sc.version]),
            attributes: copyAttributes(sc.attributes, from: table),
            droppedAttributesCount: sc.droppedAttributesCount, schemaURL: intern(table.strings[sc.schemaURL])))
        append(s)
    }

    private mutating func copyAttributes(_ range: ElementRange, from table: SpanTable) -> ElementRange {
        let mark = attributeMark
        for a in table.attributes[range.range] {
            append(key: intern(table.strings[a.key]), value: table.value(of: a))
        }
        return attributes(since: mark)
    }

    // MARK: - Content equality and hashing

    /// True when two ranges hold the same keys and values in the same order.
    public func attributesEqual(_ a: ElementRange, _ b: ElementRange) -> Bool {
        guard a.count == b.count else { return false }
        if a == b { return true }
        return zip(attributes[a.range], attributes[b.range]).allSatisfy(attributeEqual)
    }

    private func attributeEqual(_ x: Attribute, _ y: Attribute) -> Bool {
        guard x.key == y.key, x.tag == y.tag else { return false }
        switch x.tag {
        case .string, .bool, .smallInt: return x.payload == y.payload
        case .int, .double: return scalars[Int(x.payload)] == scalars[Int(y.payload)]
        case .bytes:
            if x.payload == Attribute.emptyPayload || y.payload == Attribute.emptyPayload { return x.payload == y.payload }
            return blobs[Int(x.payload)] == blobs[Int(y.payload)]
        case .array, .keyValueList:
            let ra = compounds[Int(x.payload)].range
            let rb = compounds[Int(y.payload)].range
            return ra.count == rb.count && zip(nested[ra], nested[rb]).allSatisfy(attributeEqual)
        }
    }

    private func contentHash(_ range: ElementRange, into h: inout UInt64) {
        for a in attributes[range.range] {
            h = (h ^ UInt64(a.key.rawValue)) &* StableHash.prime
            h = (h ^ UInt64(a.tag.rawValue)) &* StableHash.prime
            switch a.tag {
            case .string, .bool, .smallInt: h = (h ^ UInt64(a.payload)) &* StableHash.prime
            case .int, .double: h = (h ^ scalars[Int(a.payload)]) &* StableHash.prime
            default: break   // compound and byte values only weaken the hash, never equality
            }
        }
    }

    private static func resourceHash(attributes: ElementRange, dropped: UInt32, schemaURL: StringID,
                                     in builder: SpanTableBuilder) -> UInt64 {
        var h = StableHash.offsetBasis ^ UInt64(dropped) ^ (UInt64(schemaURL.rawValue) << 32)
        builder.contentHash(attributes, into: &h)
        return h
    }

    private static func scopeHash(_ s: InstrumentationScope, in builder: SpanTableBuilder) -> UInt64 {
        var h = StableHash.offsetBasis ^ UInt64(s.name.rawValue) ^ (UInt64(s.version.rawValue) << 32)
        h = (h ^ UInt64(s.schemaURL.rawValue) ^ (UInt64(s.droppedAttributesCount) << 32)) &* StableHash.prime
        builder.contentHash(s.attributes, into: &h)
        return h
    }
}
