/// Rewrites schema-1 attribute blocks (and the events and links blobs that contain blocks)
/// into schema 2's encoding, where string values of `StoredValueTag.inlineThreshold` bytes or
/// more are stored inline instead of as dictionary ids. Everything else is copied verbatim.
/// Used by the migration to schema 2, so a migrated store holds exactly what an import into a
/// new store would write.
struct BlockTranscoder {
    /// The UTF-8 bytes of a dictionary string.
    let text: (Int64) throws -> [UInt8]

    /// Transcodes a whole block (empty for a NULL column). O(block bytes).
    func block(_ buffer: UnsafeRawBufferPointer?) throws -> [UInt8] {
        guard let buffer, buffer.count > 0 else { return [] }
        var reader = ByteReader(buffer)
        var writer = ByteWriter(capacity: buffer.count)
        try block(&reader, into: &writer)
        return writer.bytes
    }

    private func block(_ reader: inout ByteReader, into writer: inout ByteWriter) throws {
        while !reader.isAtEnd {
            let header = reader.varint()
            guard reader.isValid, let tag = StoredValueTag(rawValue: UInt8(header & StoredValueTag.mask)) else {
                throw CorruptRow(detail: "a schema-1 attribute block does not decode")
            }
            let key = header & ~StoredValueTag.mask
            switch tag {
            case .string:
                let id = Int64(bitPattern: reader.varint())
                let bytes = try text(id)
                if bytes.count >= StoredValueTag.inlineThreshold {
                    writer.varint(key | UInt64(StoredValueTag.inlineString.rawValue))
                    writer.varint(UInt64(bytes.count))
                    writer.append(bytes)
                } else {
                    writer.varint(header)
                    writer.varint(UInt64(id))
                }
            case .array, .keyValueList:
                var inner = reader.section()
                var nested = ByteWriter()
                try block(&inner, into: &nested)
                writer.varint(header)
                writer.varint(UInt64(nested.count))
                writer.append(nested.bytes)
            default:
                let start = reader.offset
                AttributeBlockScan.skipPayload(tag, &reader)
                writer.varint(header)
                writer.append(reader.base[start..<reader.offset])
            }
            guard reader.isValid else { throw CorruptRow(detail: "a schema-1 attribute block is truncated") }
        }
    }

    /// Transcodes a schema-1 events blob (see `EventLinkEncoding`).
    func events(_ buffer: UnsafeRawBufferPointer?) throws -> [UInt8] {
        guard let buffer, buffer.count > 0 else { return [] }
        var reader = ByteReader(buffer)
        var writer = ByteWriter(capacity: buffer.count)
        while !reader.isAtEnd {
            writer.signed(reader.signed())
            writer.varint(reader.varint())
            writer.varint(reader.varint())
            try section(&reader, into: &writer)
            guard reader.isValid else { throw CorruptRow(detail: "a schema-1 events blob is truncated") }
        }
        return writer.bytes
    }

    /// Transcodes a schema-1 links blob (see `EventLinkEncoding`).
    func links(_ buffer: UnsafeRawBufferPointer?) throws -> [UInt8] {
        guard let buffer, buffer.count > 0 else { return [] }
        var reader = ByteReader(buffer)
        var writer = ByteWriter(capacity: buffer.count)
        while !reader.isAtEnd {
            let flag = reader.byte()
            writer.byte(flag)
            let fixed = reader.take(flag & 1 == 1 ? 8 : 24)
            writer.append(reader.base[fixed])
            for _ in 0..<3 { writer.varint(reader.varint()) }
            try section(&reader, into: &writer)
            guard reader.isValid else { throw CorruptRow(detail: "a schema-1 links blob is truncated") }
        }
        return writer.bytes
    }

    /// A length-prefixed attribute block.
    private func section(_ reader: inout ByteReader, into writer: inout ByteWriter) throws {
        var inner = reader.section()
        var nested = ByteWriter()
        try block(&inner, into: &nested)
        writer.varint(UInt64(nested.count))
        writer.append(nested.bytes)
    }
}
