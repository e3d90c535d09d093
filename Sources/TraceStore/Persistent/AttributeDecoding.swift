import TraceModel

/// Decodes attribute blocks (see `AttributeEncoding`) back into a `SpanTableBuilder`.
enum AttributeDecoding {
    /// Appends every entry of the block to `builder.attributes` and returns their range.
    /// O(block bytes). Throws `CorruptRow` on a malformed block.
    static func decode<M: LoadedStringMapping>(_ reader: inout ByteReader, into builder: inout SpanTableBuilder,
                                               strings: inout M) throws -> ElementRange {
        let mark = builder.attributeMark
        while !reader.isAtEnd {
            let header = reader.varint()
            let key = try strings.builderID(Int64(bitPattern: header >> StoredValueTag.bits), in: &builder)
            guard let tag = StoredValueTag(rawValue: UInt8(header & StoredValueTag.mask)) else {
                throw CorruptRow(detail: "unknown attribute tag \(header & StoredValueTag.mask)")
            }
            switch tag {
            case .string: builder.appendString(key, try strings.builderID(Int64(bitPattern: reader.varint()), in: &builder))
            case .inlineString:
                let range = reader.take(Int(truncatingIfNeeded: reader.varint()))
                builder.appendString(key, Self.intern(reader, range, into: &builder))
            case .false: builder.appendBool(key, false)
            case .true: builder.appendBool(key, true)
            case .int: builder.appendInt(key, reader.signed())
            case .double: builder.appendDouble(key, Double(bitPattern: reader.fixed64()))
            default: builder.append(key: key, value: try value(tag, &reader, &builder, &strings))
            }
            guard reader.isValid else { throw CorruptRow(detail: "truncated attribute block") }
        }
        return builder.attributes(since: mark)
    }

    /// Decodes a block from a whole buffer (empty for a NULL column).
    static func decode<M: LoadedStringMapping>(_ buffer: UnsafeRawBufferPointer?, into builder: inout SpanTableBuilder,
                                               strings: inout M) throws -> ElementRange {
        guard let buffer, buffer.count > 0 else { return .empty }
        var reader = ByteReader(buffer)
        return try decode(&reader, into: &builder, strings: &strings)
    }

    /// Interns the UTF-8 bytes of an inline string.
    static func intern(_ reader: ByteReader, _ range: Range<Int>, into builder: inout SpanTableBuilder) -> StringID {
        guard !range.isEmpty, let base = reader.base.baseAddress else { return .empty }
        let bytes = UnsafeBufferPointer(start: (base + range.lowerBound).assumingMemoryBound(to: UInt8.self),
                                        count: range.count)
        return builder.intern(utf8: bytes)
    }

    /// The value of one entry as an `AttributeValue` (used for bytes, empty and compound
    /// values, which the builder stores through `append(key:value:)`).
    private static func value<M: LoadedStringMapping>(_ tag: StoredValueTag, _ reader: inout ByteReader,
                                                      _ builder: inout SpanTableBuilder,
                                                      _ strings: inout M) throws -> AttributeValue {
        switch tag {
        case .string:
            let id = try strings.builderID(Int64(bitPattern: reader.varint()), in: &builder)
            return .string(builder.strings[id])
        case .false: return .bool(false)
        case .true: return .bool(true)
        case .int: return .int(reader.signed())
        case .double: return .double(Double(bitPattern: reader.fixed64()))
        case .inlineString:
            let range = reader.take(Int(truncatingIfNeeded: reader.varint()))
            // Intern first: `builder.strings[intern(...)]` would read the table as it was before
            // the new string was added (found by fuzzing).
            let id = intern(reader, range, into: &builder)
            return .string(builder.strings[id])
        case .bytes: return .bytes(reader.bytes(reader.take(Int(truncatingIfNeeded: reader.varint()))))
        case .empty: return .empty
        case .array, .keyValueList:
            var inner = reader.section()
            var items: [AttributeValue] = []
            var pairs: [KeyValue] = []
            while !inner.isAtEnd {
                let header = inner.varint()
                let keyID = try strings.builderID(Int64(bitPattern: header >> StoredValueTag.bits), in: &builder)
                guard let elementTag = StoredValueTag(rawValue: UInt8(header & StoredValueTag.mask)) else {
                    throw CorruptRow(detail: "unknown attribute tag \(header & StoredValueTag.mask)")
                }
                let element = try value(elementTag, &inner, &builder, &strings)
                guard inner.isValid else { throw CorruptRow(detail: "truncated compound value") }
                if tag == .array { items.append(element) } else { pairs.append(KeyValue(builder.strings[keyID], element)) }
            }
            guard reader.isValid, inner.isValid else { throw CorruptRow(detail: "truncated compound value") }
            return tag == .array ? .array(items) : .keyValueList(pairs)
        }
    }
}
