import TraceModel

/// Encodes a range of a `SpanTable`'s attributes as an *attribute block*: the bytes of the
/// `spans.attributes` column (and of resources, scopes, events and links).
///
/// A block is a sequence of entries, with no count (the blob's length ends it). An entry is a
/// header varint `storeKeyID << 4 | tag` and the tag's payload (`StoredValueTag`). String values
/// are store string ids, so a lookup "key K has string value V" compares two integers per entry
/// and never touches the `strings` table; compound values carry their byte length, so an entry
/// is skipped in O(1). Typical cost: 3-5 bytes for a string or small integer attribute. String
/// values of `StoredValueTag.inlineThreshold` bytes or more (URLs, SQL, messages: mostly
/// unique) are stored inline instead of in the dictionary: a dictionary entry costs a row, an
/// index entry and a lookup per import, and saves nothing for a string used once.
enum AttributeEncoding {
    /// Appends the entries for `range` of `table.attributes`. O(attributes + nested values).
    static func encode<M: StoreStringMapping>(_ range: ElementRange, of table: SpanTable, into writer: inout ByteWriter,
                                              strings: inout M) throws {
        for a in table.attributes[range.range] {
            try encode(a, of: table, into: &writer, strings: &strings)
        }
    }

    /// The block for a range as a new array (empty when the range is).
    static func block<M: StoreStringMapping>(_ range: ElementRange, of table: SpanTable,
                                             strings: inout M) throws -> [UInt8] {
        guard !range.isEmpty else { return [] }
        var writer = ByteWriter(capacity: Int(range.count) * 6)
        try encode(range, of: table, into: &writer, strings: &strings)
        return writer.bytes
    }

    /// Appends one entry (its key included; array elements have the empty key, id 0).
    static func encode<M: StoreStringMapping>(_ a: Attribute, of table: SpanTable, into writer: inout ByteWriter,
                                              strings: inout M) throws {
        let key = UInt64(try strings.storeID(a.key)) << StoredValueTag.bits
        switch a.tag {
        case .string:
            let value = StringID(a.payload)
            if table.strings.utf8Count(value) >= StoredValueTag.inlineThreshold {
                writer.varint(key | UInt64(StoredValueTag.inlineString.rawValue))
                table.strings.withUTF8(value) { bytes in
                    writer.varint(UInt64(bytes.count))
                    writer.append(bytes)
                }
            } else {
                writer.varint(key | UInt64(StoredValueTag.string.rawValue))
                writer.varint(UInt64(try strings.storeID(value)))
            }
        case .bool:
            writer.varint(key | UInt64((a.payload != 0 ? StoredValueTag.true : .false).rawValue))
        case .smallInt, .int:
            writer.varint(key | UInt64(StoredValueTag.int.rawValue))
            writer.signed(table.intValue(of: a)!)
        case .double:
            writer.varint(key | UInt64(StoredValueTag.double.rawValue))
            writer.fixed64(table.scalars[Int(a.payload)])
        case .bytes:
            if a.payload == Attribute.emptyPayload {
                writer.varint(key | UInt64(StoredValueTag.empty.rawValue))
            } else {
                let blob = table.blobs[Int(a.payload)]
                writer.varint(key | UInt64(StoredValueTag.bytes.rawValue))
                writer.varint(UInt64(blob.count))
                writer.append(blob)
            }
        case .array, .keyValueList:
            let tag: StoredValueTag = a.tag == .array ? .array : .keyValueList
            writer.varint(key | UInt64(tag.rawValue))
            var inner = ByteWriter()
            for element in table.nested[table.compounds[Int(a.payload)].range] {
                try encode(element, of: table, into: &inner, strings: &strings)
            }
            writer.varint(UInt64(inner.count))
            writer.append(inner.bytes)
        }
    }
}
