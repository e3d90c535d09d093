/// Lists the string ids an encoded blob refers to (attribute blocks, events and links blobs,
/// id lists), for garbage-collecting strings no row refers to any more. O(blob bytes).
enum StringReferenceScan {
    /// Every key and string value of an attribute block, compound values included.
    static func attributeBlock(_ buffer: UnsafeRawBufferPointer?, _ mark: (UInt64) -> Void) {
        guard let buffer, buffer.count > 0 else { return }
        var reader = ByteReader(buffer)
        block(&reader, mark)
    }

    private static func block(_ reader: inout ByteReader, _ mark: (UInt64) -> Void) {
        while !reader.isAtEnd && reader.isValid {
            let header = reader.varint()
            guard reader.isValid, let tag = StoredValueTag(rawValue: UInt8(header & StoredValueTag.mask)) else { return }
            mark(header >> StoredValueTag.bits)
            switch tag {
            case .string: mark(reader.varint())
            case .array, .keyValueList:
                var inner = reader.section()
                block(&inner, mark)
            default: AttributeBlockScan.skipPayload(tag, &reader)
            }
        }
    }

    /// Event names and their attributes' strings.
    static func events(_ buffer: UnsafeRawBufferPointer?, _ mark: (UInt64) -> Void) {
        guard let buffer, buffer.count > 0 else { return }
        var reader = ByteReader(buffer)
        while !reader.isAtEnd && reader.isValid {
            _ = reader.signed()
            mark(reader.varint())
            _ = reader.varint()
            var inner = reader.section()
            block(&inner, mark)
        }
    }

    /// Link trace states and their attributes' strings.
    static func links(_ buffer: UnsafeRawBufferPointer?, _ mark: (UInt64) -> Void) {
        guard let buffer, buffer.count > 0 else { return }
        var reader = ByteReader(buffer)
        while !reader.isAtEnd && reader.isValid {
            if reader.byte() & 1 == 0 { reader.skip(16) }
            reader.skip(8)
            mark(reader.varint())
            _ = reader.varint()
            _ = reader.varint()
            var inner = reader.section()
            block(&inner, mark)
        }
    }

    /// A plain list of varint ids (`traces.services`).
    static func idList(_ buffer: UnsafeRawBufferPointer?, _ mark: (UInt64) -> Void) {
        guard let buffer else { return }
        var reader = ByteReader(buffer)
        while !reader.isAtEnd && reader.isValid { mark(reader.varint()) }
    }
}
