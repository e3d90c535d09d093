import TraceModel

/// Decodes Jaeger typed tags into attributes: `{"key", "type", "value"}` as the query API and
/// UI write them (in any member order; `value` may be a string for any type), and
/// `{"key", "vType", "vStr"|"vBool"|"vInt64"|"vFloat64"|"vBinary"}` as api_v2's protobuf JSON
/// writes them. Types: string, bool, int64, float64, binary (base64) -> bytes; a tag without a
/// type takes its JSON type. Tags listed in `TagMapping` are consumed into span fields.
struct JaegerTagDecoder {
    enum TagField: String, CaseIterable { case key, type, value, vType, vStr, vBool, vInt64, vFloat64, vBinary }
    enum Purpose { case span, log, process }

    private let tagKeys = KeyTable<TagField>()
    let mapping: TagMapping
    /// The log field that names an event.
    let eventKey: StringID

    init(builder: inout SpanTableBuilder) {
        mapping = TagMapping(builder: &builder)
        eventKey = builder.intern("event")
    }

    /// Decodes a tags array into attributes (returned as a range). Span tags that map to fields
    /// go into `mapped`; a log's `event` field goes into `eventName`.
    mutating func decodeTags(_ s: inout DecodeSession, _ b: inout SpanTableBuilder, purpose: Purpose,
                             mapped: inout MappedTags, eventName: inout StringID) throws(JSONError) -> ElementRange {
        let mark = b.attributeMark
        guard try s.scanner.beginArray() else { return .empty }
        var first = true
        while try s.scanner.nextElement(&first) {
            guard try s.scanner.beginObject() else { continue }
            var key: JSONString?
            var type: JSONString?
            var implied: StaticString?
            var value = JSONRawValue.null
            var f = true
            while let name = try s.scanner.nextKey(&f) {
                switch tagKeys.lookup(try s.scanner.bytes(of: name)) {
                case .key?: key = try s.scanner.readString()
                case .type?, .vType?: type = try s.scanner.readString()
                case .value?: value = try s.scanner.readRaw()
                case .vStr?: value = try s.scanner.readRaw(); implied = "string"
                case .vBool?: value = try s.scanner.readRaw(); implied = "bool"
                case .vInt64?: value = try s.scanner.readRaw(); implied = "int64"
                case .vFloat64?: value = try s.scanner.readRaw(); implied = "float64"
                case .vBinary?: value = try s.scanner.readRaw(); implied = "binary"
                case nil: try s.scanner.skipValue()
                }
            }
            let keyID = try key.map { k throws(JSONError) in try s.intern(k, &b) } ?? .empty
            if purpose == .span, let field = mapping.field(for: keyID) {
                mapped.set(field, text: try text(value, &s, &b), truth: try s.scanner.bool(from: value), in: b)
                continue
            }
            if purpose == .log && keyID == eventKey {
                eventName = try text(value, &s, &b)
                continue
            }
            let typeName = try type.map { t throws(JSONError) in try s.scanner.text(of: t).lowercased() } ?? implied.map { "\($0)" }
            let v = try typed(value, type: typeName, &s, &b)
            b.append(Attribute(key: keyID, tag: v.tag, payload: v.payload))
        }
        return b.attributes(since: mark)
    }

    // MARK: - Values

    /// The attribute (with an empty key) for a value of a declared type. A value that does not
    /// parse as its type is kept as text.
    private func typed(_ raw: JSONRawValue, type: String?, _ s: inout DecodeSession,
                       _ b: inout SpanTableBuilder) throws(JSONError) -> Attribute {
        switch type {
        case "bool"?, "boolean"?:
            if let v = try s.scanner.bool(from: raw) { return .bool(.empty, v) }
        case "int64"?, "int"?, "long"?, "integer"?:
            if let v = s.scanner.int64(from: raw) { return b.make(.empty, .int(v)) }
        case "float64"?, "double"?, "float"?:
            if let v = try s.scanner.double(from: raw) { return b.make(.empty, .double(v)) }
        case "binary"?, "bytes"?:
            if case .string(let text) = raw, let data = Base64.decode(try s.scanner.bytes(of: text)) {
                return b.make(.empty, .bytes(data))
            }
        case "string"?:
            break
        default:
            switch raw {
            case .bool(let v): return .bool(.empty, v)
            case .number(_, _, let integral):
                if integral, let v = s.scanner.int64(from: raw) { return b.make(.empty, .int(v)) }
                if let v = try s.scanner.double(from: raw) { return b.make(.empty, .double(v)) }
            case .null: return OTLPAttributeDecoder.emptyValue
            default: break
            }
        }
        return .string(.empty, try text(raw, &s, &b))
    }

    /// A value as interned text: a string's content, or the JSON text of anything else.
    func text(_ raw: JSONRawValue, _ s: inout DecodeSession, _ b: inout SpanTableBuilder) throws(JSONError) -> StringID {
        switch raw {
        case .string(let v): return try s.intern(v, &b)
        case .number(let start, let end, _), .compound(let start, let end):
            return b.intern(utf8: UnsafeBufferPointer(start: s.scanner.base + start, count: end - start))
        case .bool(let v): return b.intern(v ? "true" : "false")
        case .null: return .empty
        }
    }
}
