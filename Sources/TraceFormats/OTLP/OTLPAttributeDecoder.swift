import TraceModel

/// Decodes OTLP `KeyValue` lists and `AnyValue`s into the builder's compact attributes.
///
/// Scalars (string, bool, int, double) go straight into `Attribute`s, interning strings from
/// the input bytes. Bytes, arrays and key-value lists are rare and go through `AttributeValue`.
/// Nesting deeper than `maxDepth` is skipped (iteratively) and counted, never recursed into.
struct OTLPAttributeDecoder {
    enum KeyValueField: Int, CaseIterable { case key, value }
    enum ValueField: Int, CaseIterable {
        case stringValue, boolValue, intValue, doubleValue, bytesValue, arrayValue, kvlistValue
    }
    enum ListField: Int, CaseIterable { case values }

    /// The deepest array/kvlist nesting decoded; deeper values are skipped.
    static let maxDepth = 64

    private let keyValueKeys = KeyTable(KeyValueField.allCases.map { "\($0)" })
    private let valueKeys = KeyTable(ValueField.allCases.map { "\($0)" })
    private let listKeys = KeyTable(ListField.allCases.map { "\($0)" })

    /// Values nested too deep to decode, for one note.
    private(set) var tooDeep = 0

    static let emptyValue = Attribute(key: .empty, tag: .bytes, payload: Attribute.emptyPayload)

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
    @inline(__always)
    mutating func decodeKeyValue(_ s: inout DecodeSession, _ b: inout SpanTableBuilder) throws(JSONError) -> Attribute? {
        guard try s.scanner.beginObject() else { return nil }
        var key = StringID.empty
        var value = Self.emptyValue
        var first = true
        while let name = try s.scanner.nextKey(&first) {
            switch KeyValueField(rawValue: keyValueKeys.lookup(try s.scanner.bytes(of: name))) {
            case .key?:
                if let k = try s.scanner.readString() { key = b.intern(utf8: try s.scanner.bytes(of: k)) }
            case .value?:
                value = try decodeValue(&s, &b, depth: 0)
            case nil:
                try s.scanner.skipValue()
            }
        }
        return Attribute(key: key, tag: value.tag, payload: value.payload)
    }

    // MARK: - Values

    /// Decodes an `AnyValue` object into an attribute with an empty key (the caller sets it).
    @inline(__always)
    mutating func decodeValue(_ s: inout DecodeSession, _ b: inout SpanTableBuilder, depth: Int) throws(JSONError) -> Attribute {
        guard try s.scanner.beginObject() else { return Self.emptyValue }
        var result = Self.emptyValue
        var first = true
        while let name = try s.scanner.nextKey(&first) {
            let at = s.scanner.pos
            switch ValueField(rawValue: valueKeys.lookup(try s.scanner.bytes(of: name))) {
            case .stringValue?:
                if let v = try s.scanner.readString() { result = .string(.empty, b.intern(utf8: try s.scanner.bytes(of: v))) }
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
            guard listKeys.lookup(try s.scanner.bytes(of: name)) == ListField.values.rawValue,
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
            guard listKeys.lookup(try s.scanner.bytes(of: name)) == ListField.values.rawValue,
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
                    switch KeyValueField(rawValue: keyValueKeys.lookup(try s.scanner.bytes(of: member))) {
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
            switch ValueField(rawValue: valueKeys.lookup(try s.scanner.bytes(of: name))) {
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
