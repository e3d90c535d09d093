/// Finds one attribute in an encoded attribute block without decoding the others (the SQL
/// function `trex_chunk_match` and the pushdown use it). O(entries before the match); no
/// allocation.
enum AttributeBlockScan {
    /// A located value: its tag, and a reader positioned at its payload.
    struct Found {
        var tag: StoredValueTag
        var payload: ByteReader

        /// The string id of a string value.
        var stringID: Int64? {
            guard tag == .string else { return nil }
            var r = payload
            let id = r.varint()
            return r.isValid ? Int64(id) : nil
        }

        /// The number of an int or double value.
        var double: Double? {
            var r = payload
            switch tag {
            case .int:
                let v = r.signed()
                return r.isValid ? Double(v) : nil
            case .double:
                let v = r.fixed64()
                return r.isValid ? Double(bitPattern: v) : nil
            default: return nil
            }
        }
    }

    /// The first entry with the key (a store string id), or nil. A malformed block yields nil.
    static func find(_ key: Int64, in buffer: UnsafeRawBufferPointer) -> Found? {
        var reader = ByteReader(buffer)
        let wanted = UInt64(bitPattern: key)
        while !reader.isAtEnd {
            let header = reader.varint()
            guard reader.isValid, let tag = StoredValueTag(rawValue: UInt8(header & StoredValueTag.mask)) else {
                return nil
            }
            if header >> StoredValueTag.bits == wanted { return Found(tag: tag, payload: reader) }
            skipPayload(tag, &reader)
        }
        return nil
    }

    /// Moves a reader past one value's payload. O(1) for every tag.
    static func skipPayload(_ tag: StoredValueTag, _ reader: inout ByteReader) {
        switch tag {
        case .string, .int: _ = reader.varint()
        case .false, .true, .empty: break
        case .double: reader.skip(8)
        case .bytes, .array, .keyValueList, .inlineString: reader.skip(Int(truncatingIfNeeded: reader.varint()))
        }
    }
}
