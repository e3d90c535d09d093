import TraceModel

extension OTLPWireDecoding {
    /// A string field interned: its bytes as they are when they are UTF-8 (the usual case),
    /// else decoded with replacement characters, so the table only ever holds UTF-8.
    static func text(_ bytes: UnsafeBufferPointer<UInt8>?, _ b: inout SpanTableBuilder) -> StringID {
        guard let bytes, !bytes.isEmpty else { return .empty }
        var ascii = true
        for byte in bytes where byte >= 0x80 { ascii = false; break }
        if ascii || String(validating: bytes, as: UTF8.self) != nil { return b.intern(utf8: bytes) }
        return b.intern(String(decoding: bytes, as: UTF8.self))
    }

    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// `KeyValue` (key = 1, value = 2) appended to the builder's attributes: scalars
    /// straight in, compound values built first.
    static func keyValue(_ reader: Reader, _ b: inout SpanTableBuilder) throws(Malformed) {
        var r = reader
        var keyBytes: UnsafeBufferPointer<UInt8>?
        var valueReader: Reader?
        while !r.isAtEnd {
            let (field, type) = try r.tag()
            switch field {
            case 1: try r.expect(type, .lengthDelimited, field: field); keyBytes = try r.bytes().bytes
            case 2: try r.expect(type, .lengthDelimited, field: field); valueReader = try r.message()
            default: try r.skip(type)
            }
        }
        let key = text(keyBytes, &b)
        guard let valueReader else {
            b.append(key: key, value: .empty)
            return
        }
        switch try anyValue(valueReader) {
        case .string(let bytes): b.appendString(key, text(bytes, &b))
        case .bool(let x): b.appendBool(key, x)
        case .int(let x): b.appendInt(key, x)
        case .double(let x): b.appendDouble(key, x)
        case .compound(let value): b.append(key: key, value: value)
        }
    }

    /// An `AnyValue` read: a scalar as it is, or a compound (bytes, array, key-value list)
    /// built, nesting beyond 64 levels cut to an empty value.
    enum Value {
        case string(UnsafeBufferPointer<UInt8>)
        case bool(Bool)
        case int(Int64)
        case double(Double)
        case compound(AttributeValue)
    }

    /// `AnyValue`: string_value = 1, bool_value = 2, int_value = 3, double_value = 4,
    /// array_value = 5, kvlist_value = 6, bytes_value = 7; the last one set wins (a oneof).
    static func anyValue(_ reader: Reader, depth: Int = 0) throws(Malformed) -> Value {
        var r = reader
        guard depth < 64 else {
            try skipMessage(&r)
            return .compound(.empty)
        }
        var value = Value.compound(.empty)
        while !r.isAtEnd {
            let (field, type) = try r.tag()
            switch field {
            case 1: try r.expect(type, .lengthDelimited, field: field); value = .string(try r.bytes().bytes)
            case 2: try r.expect(type, .varint, field: field); value = .bool(try r.varint() != 0)
            case 3: try r.expect(type, .varint, field: field); value = .int(Int64(bitPattern: try r.varint()))
            case 4: try r.expect(type, .fixed64, field: field); value = .double(Double(bitPattern: try r.fixed64()))
            case 5:
                try r.expect(type, .lengthDelimited, field: field)
                var list = try r.message()
                var values: [AttributeValue] = []
                while !list.isAtEnd {
                    let (f, t) = try list.tag()
                    guard f == 1 else { try list.skip(t); continue }
                    try list.expect(t, .lengthDelimited, field: f)
                    values.append(attributeValue(try anyValue(try list.message(), depth: depth + 1)))
                }
                value = .compound(.array(values))
            case 6:
                try r.expect(type, .lengthDelimited, field: field)
                var list = try r.message()
                var pairs: [KeyValue] = []
                while !list.isAtEnd {
                    let (f, t) = try list.tag()
                    guard f == 1 else { try list.skip(t); continue }
                    try list.expect(t, .lengthDelimited, field: f)
                    pairs.append(try nestedKeyValue(try list.message(), depth: depth + 1))
                }
                value = .compound(.keyValueList(pairs))
            case 7: try r.expect(type, .lengthDelimited, field: field); value = .compound(.bytes(Array(try r.bytes().bytes)))
            default: try r.skip(type)
            }
        }
        return value
    }

    /// A `KeyValue` inside a key-value list.
    static func nestedKeyValue(_ reader: Reader, depth: Int) throws(Malformed) -> KeyValue {
        var r = reader
        var key = ""
        var value = AttributeValue.empty
        while !r.isAtEnd {
            let (field, type) = try r.tag()
            switch field {
            case 1: try r.expect(type, .lengthDelimited, field: field); key = string(try r.bytes().bytes)
            case 2: try r.expect(type, .lengthDelimited, field: field); value = attributeValue(try anyValue(try r.message(), depth: depth))
            default: try r.skip(type)
            }
        }
        return KeyValue(key, value)
    }

    static func attributeValue(_ value: Value) -> AttributeValue {
        switch value {
        case .string(let bytes): .string(string(bytes))
        case .bool(let x): .bool(x)
        case .int(let x): .int(x)
        case .double(let x): .double(x)
        case .compound(let v): v
        }
    }
}
