import TraceModel

/// Decodes OTLP `KeyValue` lists and `AnyValue`s into the builder's compact attributes.
///
/// Scalars (string, bool, int, double) go straight into `Attribute`s, interning strings from
/// the input bytes. Bytes, arrays and key-value lists are rare and go through `AttributeValue`.
/// Nesting deeper than `maxDepth` is skipped (iteratively) and counted, never recursed into.
struct OTLPAttributeDecoder {
    enum KeyValueField: String, CaseIterable { case key, value }
    enum ValueField: String, CaseIterable {
        case stringValue, boolValue, intValue, doubleValue, bytesValue, arrayValue, kvlistValue
    }
    enum ListField: String, CaseIterable { case values }

    /// The deepest array/kvlist nesting decoded; deeper values are skipped.
    static let maxDepth = 64

    private let keyValueKeys = KeyTable<KeyValueField>()
    private let valueKeys = KeyTable<ValueField>()
    private let listKeys = KeyTable<ListField>()

    /// Values nested too deep to decode, for one note.
    private(set) var tooDeep = 0

    /// An `AnyValue` with nothing set, keyed by the empty string.
    static var emptyValue: Attribute { Attribute(key: .empty, tag: .bytes, payload: Attribute.emptyPayload) }

    // MARK: - Lists

    /// Decodes a JSON array of `KeyValue`s, appending them to the builder's attributes.
    /// Returns their range. O(size of the list).
    @inline(__always)
    mutating func decodeList(_ s: inout DecodeSession, _ b: inout SpanTableBuilder) throws(JSONError) -> ElementRange {
        let mark = b.attributeMark
        guard try s.scanner.beginArray() else { return .empty }
        var first = true
        while try s.scanner.nextElement(&first) {
            if let a = try decodeKeyValue(&s, &b) { b.append(a) }
        }
        return b.attributes(since: mark)
    }

    /// Decodes one `{"key": ..., "value": {...}}` in either member order.
    ///
    /// Fast path: the compact form every exporter writes, `{"key":"…","value":{…}}`, is
    /// matched with word compares (`JSONLiteral`) instead of scanning and looking up member
    /// names; anything else (whitespace, other order, extra members) continues generically.
    @inline(__always)
    mutating func decodeKeyValue(_ s: inout DecodeSession, _ b: inout SpanTableBuilder) throws(JSONError) -> Attribute? {
        s.scanner.skipWhitespace()
        if s.scanner.consume(keyOpen) {
            let key = try s.intern(try s.scanner.scanStringBody(), &b)
            var value = Self.emptyValue
            if s.scanner.consume(valueMember) {
                value = try decodeValue(&s, &b, depth: 0)
                if s.scanner.consume(byte: UInt8(ascii: "}")) { return Attribute(key: key, tag: value.tag, payload: value.payload) }
            }
            return try finishKeyValue(&s, &b, key: key, value: value, first: false)
        }
        guard try s.scanner.beginObject() else { return nil }
        return try finishKeyValue(&s, &b, key: .empty, value: Self.emptyValue, first: true)
    }

    /// Reads the remaining members of a `KeyValue` object.
    private mutating func finishKeyValue(_ s: inout DecodeSession, _ b: inout SpanTableBuilder, key: StringID,
                                         value: Attribute, first: Bool) throws(JSONError) -> Attribute {
        var key = key
        var value = value
        var first = first
        while let name = try s.scanner.nextKey(&first) {
            switch keyValueKeys.lookup(try s.scanner.bytes(of: name)) {
            case .key?:
                if let k = try s.scanner.readString() { key = try s.intern(k, &b) }
            case .value?:
                value = try decodeValue(&s, &b, depth: 0)
            case nil:
                try s.scanner.skipValue()
            }
        }
        return Attribute(key: key, tag: value.tag, payload: value.payload)
    }

    private let keyOpen = JSONLiteral(#"{"key":""#)
    private let valueMember = JSONLiteral(#","value":"#)
    private let stringValueOpen = JSONLiteral(#"{"stringValue":""#)
    private let intValueOpen = JSONLiteral(#"{"intValue":"#)

    // MARK: - Values

    /// Decodes an `AnyValue` object into an attribute with an empty key (the caller sets it).
    @inline(__always)
    mutating func decodeValue(_ s: inout DecodeSession, _ b: inout SpanTableBuilder, depth: Int) throws(JSONError) -> Attribute {
        s.scanner.skipWhitespace()
        var result = Self.emptyValue
        var first = true
        if s.scanner.consume(stringValueOpen) {
            result = .string(.empty, try s.intern(try s.scanner.scanStringBody(), &b))
            if s.scanner.consume(byte: UInt8(ascii: "}")) { return result }
            first = false
        } else if s.scanner.consume(intValueOpen) {
            if let v = try s.scanner.readInt64() { result = b.make(.empty, .int(v)) }
            if s.scanner.consume(byte: UInt8(ascii: "}")) { return result }
            first = false
        } else if try !s.scanner.beginObject() {
            return Self.emptyValue
        }
        while let name = try s.scanner.nextKey(&first) {
            let at = s.scanner.pos
            switch valueKeys.lookup(try s.scanner.bytes(of: name)) {
            case .stringValue?:
                if let v = try s.scanner.readString() { result = .string(.empty, try s.intern(v, &b)) }
            case .boolValue?:
                if let v = try s.scanner.readBool() { result = .bool(.empty, v) }
            case .intValue?:
                if let v = try s.scanner.readInt64() { result = b.make(.empty, .int(v)) }
            case .doubleValue?:
                if let v = try s.scanner.readDouble() { result = b.make(.empty, .double(v)) }
            case .bytesValue?:
                if let v = try s.scanner.readString() {
                    if let data = Base64.decode(try s.scanner.bytes(of: v)) {
                        result = b.make(.empty, .bytes(data))
                    } else {
                        s.scanner.noteMismatch(at: at)
                    }
                }
            case .arrayValue?:
                result = b.make(.empty, try decodeArray(&s, &b, depth: depth + 1))
            case .kvlistValue?:
                result = b.make(.empty, try decodeKeyValueList(&s, &b, depth: depth + 1))
            case nil:
                try s.scanner.skipValue()
            }
        }
        return result
    }

    /// Decodes `{"values": [AnyValue...]}`.
    private mutating func decodeArray(_ s: inout DecodeSession, _ b: inout SpanTableBuilder, depth: Int) throws(JSONError) -> AttributeValue {
        guard depth <= Self.maxDepth else { return try skipTooDeep(&s) }
        var items: [AttributeValue] = []
        guard try s.scanner.beginObject() else { return .array([]) }
        var first = true
        while let name = try s.scanner.nextKey(&first) {
            guard listKeys.lookup(try s.scanner.bytes(of: name)) == .values,
                  try s.scanner.beginArray() else {
                try s.scanner.skipValue()
                continue
            }
            var f = true
            while try s.scanner.nextElement(&f) { items.append(try decodeValueTree(&s, &b, depth: depth)) }
        }
        return .array(items)
    }

    /// Decodes `{"values": [KeyValue...]}`.
    private mutating func decodeKeyValueList(_ s: inout DecodeSession, _ b: inout SpanTableBuilder, depth: Int) throws(JSONError) -> AttributeValue {
        guard depth <= Self.maxDepth else { return try skipTooDeep(&s) }
        var pairs: [KeyValue] = []
        guard try s.scanner.beginObject() else { return .keyValueList([]) }
        var first = true
        while let name = try s.scanner.nextKey(&first) {
            guard listKeys.lookup(try s.scanner.bytes(of: name)) == .values,
                  try s.scanner.beginArray() else {
                try s.scanner.skipValue()
                continue
            }
            var f = true
            while try s.scanner.nextElement(&f) {
                guard try s.scanner.beginObject() else { continue }
                var key = ""
                var value = AttributeValue.empty
                var g = true
                while let member = try s.scanner.nextKey(&g) {
                    switch keyValueKeys.lookup(try s.scanner.bytes(of: member)) {
                    case .key?:
                        if let k = try s.scanner.readString() { key = try s.scanner.text(of: k) }
                    case .value?:
                        value = try decodeValueTree(&s, &b, depth: depth)
                    case nil:
                        try s.scanner.skipValue()
                    }
                }
                pairs.append(KeyValue(key, value))
            }
        }
        return .keyValueList(pairs)
    }

    /// Decodes an `AnyValue` inside an array or key-value list, as a value tree.
    private mutating func decodeValueTree(_ s: inout DecodeSession, _ b: inout SpanTableBuilder, depth: Int) throws(JSONError) -> AttributeValue {
        guard try s.scanner.beginObject() else { return .empty }
        var result = AttributeValue.empty
        var first = true
        while let name = try s.scanner.nextKey(&first) {
            let at = s.scanner.pos
            switch valueKeys.lookup(try s.scanner.bytes(of: name)) {
            case .stringValue?:
                if let v = try s.scanner.readString() { result = .string(try s.scanner.text(of: v)) }
            case .boolValue?:
                if let v = try s.scanner.readBool() { result = .bool(v) }
            case .intValue?:
                if let v = try s.scanner.readInt64() { result = .int(v) }
            case .doubleValue?:
                if let v = try s.scanner.readDouble() { result = .double(v) }
            case .bytesValue?:
                if let v = try s.scanner.readString() {
                    if let data = Base64.decode(try s.scanner.bytes(of: v)) { result = .bytes(data) } else { s.scanner.noteMismatch(at: at) }
                }
            case .arrayValue?:
                result = try decodeArray(&s, &b, depth: depth + 1)
            case .kvlistValue?:
                result = try decodeKeyValueList(&s, &b, depth: depth + 1)
            case nil:
                try s.scanner.skipValue()
            }
        }
        return result
    }

    private mutating func skipTooDeep(_ s: inout DecodeSession) throws(JSONError) -> AttributeValue {
        tooDeep += 1
        try s.scanner.skipValue()
        return .empty
    }
}
