import TraceModel

/// Decodes one Zipkin v2 span object.
///
/// `localEndpoint` becomes the resource (`service.name`, `network.local.address` from ipv4 or
/// else ipv6, `network.local.port`); `remoteEndpoint` becomes span attributes after the tags
/// (`peer.service`, `network.peer.address`, `network.peer.port`); tags are strings (other JSON
/// values keep their JSON text), except those `TagMapping` consumes: `error` makes the status
/// ERROR with the tag's value as message. Annotations become events named by their value.
struct ZipkinSpanDecoder {
    enum SpanField: String, CaseIterable {
        case traceId, id, parentId, name, kind, timestamp, duration, localEndpoint, remoteEndpoint
        case annotations, tags, debug, shared
    }
    enum EndpointField: String, CaseIterable { case serviceName, ipv4, ipv6, port }
    enum AnnotationField: String, CaseIterable { case timestamp, value }

    private let spanKeys = KeyTable<SpanField>()
    private let endpointKeys = KeyTable<EndpointField>()
    private let annotationKeys = KeyTable<AnnotationField>()

    let mapping: TagMapping
    private let keys: Keys

    /// Attribute keys the endpoints map to.
    private struct Keys {
        var serviceName, localAddress, localPort, peerService, peerAddress, peerAddressV6, peerPort: StringID
    }

    init(builder b: inout SpanTableBuilder) {
        mapping = TagMapping(builder: &b)
        keys = Keys(serviceName: b.intern("service.name"), localAddress: b.intern("network.local.address"),
                    localPort: b.intern("network.local.port"), peerService: b.intern("peer.service"),
                    peerAddress: b.intern("network.peer.address"), peerAddressV6: b.intern("network.peer.address.ipv6"),
                    peerPort: b.intern("network.peer.port"))
    }

    /// Decodes a span object; nil (with a warning) when it is not an object.
    mutating func decodeSpan(_ s: inout DecodeSession, _ b: inout SpanTableBuilder) throws(JSONError) -> ZipkinSpan? {
        s.scanner.skipWhitespace()
        let offset = s.scanner.pos
        s.spanStart = offset
        guard try s.scanner.beginObject() else {
            s.spanStart = -1
            s.skip(.notAnObject, at: offset, "skipped a span that is not a JSON object")
            return nil
        }
        var z = ZipkinSpan(offset: offset)
        var local = ZipkinEndpoint()
        var remote = ZipkinEndpoint()
        var first = true
        while let key = try s.scanner.nextKey(&first) {
            switch spanKeys.lookup(try s.scanner.bytes(of: key)) {
            case .traceId?:
                if let v = try s.scanner.readString() {
                    let r = s.ids.traceID(try s.scanner.bytes(of: v), at: v.start)
                    z.traceID = r.id
                    z.sawTraceID = v.rawCount > 0
                    z.hashed = z.hashed || r.hashed
                }
            case .id?:
                if let v = try s.scanner.readString() {
                    let r = s.ids.spanID(try s.scanner.bytes(of: v), at: v.start)
                    z.spanID = r.id
                    z.sawSpanID = v.rawCount > 0
                    z.hashed = z.hashed || r.hashed
                }
            case .parentId?:
                if let v = try s.scanner.readString() { z.parentID = s.ids.spanID(try s.scanner.bytes(of: v), at: v.start).id }
            case .name?:
                if let v = try s.scanner.readString() { z.name = try s.intern(v, &b) }
            case .kind?:
                z.kind = try OTLPSpanDecoder.readEnum(&s, { _ in nil }, SpanKind.init(name:))
            case .timestamp?:
                z.timestamp = try time(&s, "timestamp", &z.badTime)
            case .duration?:
                z.duration = try time(&s, "duration", &z.badTime)
            case .localEndpoint?:
                local = try decodeEndpoint(&s, &b)
            case .remoteEndpoint?:
                remote = try decodeEndpoint(&s, &b)
            case .annotations?:
                z.events = try decodeAnnotations(&s, &b)
            case .tags?:
                z.attributes = try decodeTags(&s, &b, into: &z.mapped)
            case .debug?:
                z.debug = try s.scanner.readBool() ?? false
            case .shared?:
                z.shared = try s.scanner.readBool() ?? false
            case nil:
                try s.scanner.skipValue()
            }
        }
        s.spanStart = -1
        appendRemote(remote, to: &z, &b)
        z.service = local.serviceName
        z.resource = addResource(local, &b)
        return z
    }

    private func time(_ s: inout DecodeSession, _ name: String, _ bad: inout String?) throws(JSONError) -> Int64? {
        let before = s.scanner.mismatches
        let v = try s.scanner.readInt64()
        if v == nil && s.scanner.mismatches != before { bad = "\(name) is not a number of microseconds" }
        return v
    }

    // MARK: - Endpoints

    private func decodeEndpoint(_ s: inout DecodeSession, _ b: inout SpanTableBuilder) throws(JSONError) -> ZipkinEndpoint {
        var e = ZipkinEndpoint()
        guard try s.scanner.beginObject() else { return e }
        var first = true
        while let key = try s.scanner.nextKey(&first) {
            switch endpointKeys.lookup(try s.scanner.bytes(of: key)) {
            case .serviceName?:
                if let v = try s.scanner.readString() { e.serviceName = try s.intern(v, &b) }
            case .ipv4?:
                if let v = try s.scanner.readString() { e.ipv4 = try s.intern(v, &b) }
            case .ipv6?:
                if let v = try s.scanner.readString() { e.ipv6 = try s.intern(v, &b) }
            case .port?:
                e.port = try s.scanner.readInt64()
            case nil:
                try s.scanner.skipValue()
            }
        }
        return e
    }

    /// Appends the remote endpoint's attributes right after the tags (keeping one range).
    private func appendRemote(_ remote: ZipkinEndpoint, to z: inout ZipkinSpan, _ b: inout SpanTableBuilder) {
        guard !remote.isEmpty else { return }
        let contiguous = z.attributes.isEmpty || z.attributes.range.upperBound == b.attributeMark
        let mark = contiguous && !z.attributes.isEmpty ? Int(z.attributes.start) : b.attributeMark
        if !contiguous {
            // Something was appended after the tags: copy them so the span keeps one range.
            for i in z.attributes.range { b.append(b.attributes[i]) }
        }
        if !remote.serviceName.isEmpty { b.appendString(keys.peerService, remote.serviceName) }
        if !remote.ipv4.isEmpty { b.appendString(keys.peerAddress, remote.ipv4) }
        if !remote.ipv6.isEmpty { b.appendString(remote.ipv4.isEmpty ? keys.peerAddress : keys.peerAddressV6, remote.ipv6) }
        if let port = remote.port { b.appendInt(keys.peerPort, port) }
        z.attributes = b.attributes(since: mark)
    }

    private func addResource(_ local: ZipkinEndpoint, _ b: inout SpanTableBuilder) -> UInt32 {
        guard !local.isEmpty else { return 0 }
        let mark = b.attributeMark
        if !local.serviceName.isEmpty { b.appendString(keys.serviceName, local.serviceName) }
        if !local.ipv4.isEmpty || !local.ipv6.isEmpty {
            b.appendString(keys.localAddress, local.ipv4.isEmpty ? local.ipv6 : local.ipv4)
        }
        if let port = local.port { b.appendInt(keys.localPort, port) }
        return b.addResource(attributes: b.attributes(since: mark))
    }

    // MARK: - Tags and annotations

    private func decodeTags(_ s: inout DecodeSession, _ b: inout SpanTableBuilder,
                            into mapped: inout MappedTags) throws(JSONError) -> ElementRange {
        let mark = b.attributeMark
        guard try s.scanner.beginObject() else { return .empty }
        var first = true
        while let key = try s.scanner.nextKey(&first) {
            let keyID = try s.intern(key, &b)
            let raw = try s.scanner.readRaw()
            let value: StringID
            switch raw {
            case .string(let v): value = try s.intern(v, &b)
            case .number(let start, let end, _), .compound(let start, let end):
                value = b.intern(utf8: UnsafeBufferPointer(start: s.scanner.base + start, count: end - start))
            case .bool(let v): value = b.intern(v ? "true" : "false")
            case .null: value = .empty
            }
            if let field = mapping.field(for: keyID) {
                mapped.set(field, text: value, truth: nil, in: b)
            } else {
                b.appendString(keyID, value)
            }
        }
        return b.attributes(since: mark)
    }

    private func decodeAnnotations(_ s: inout DecodeSession, _ b: inout SpanTableBuilder) throws(JSONError) -> ElementRange {
        let mark = b.eventMark
        guard try s.scanner.beginArray() else { return .empty }
        var first = true
        while try s.scanner.nextElement(&first) {
            guard try s.scanner.beginObject() else { continue }
            var event = SpanEvent(time: .zero, name: .empty)
            var f = true
            while let key = try s.scanner.nextKey(&f) {
                switch annotationKeys.lookup(try s.scanner.bytes(of: key)) {
                case .timestamp?:
                    if let v = try s.scanner.readInt64() {
                        event.time = Timestamp(unixNanos: TimeSanity.nanoseconds(fromMicroseconds: v).nanos)
                    }
                case .value?:
                    if let v = try s.scanner.readString() { event.name = try s.intern(v, &b) }
                case nil:
                    try s.scanner.skipValue()
                }
            }
            b.append(event)
        }
        return b.events(since: mark)
    }
}
