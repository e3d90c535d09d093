/// Reads protobuf's wire format from a byte buffer: tags, varints, fixed-width numbers and
/// length-delimited fields, each checked against the end of its buffer. No allocation; every
/// malformed input (a truncated field, a varint over 64 bits, a length past the end, a group
/// or a reserved wire type) throws `Malformed`. The buffer must outlive the reader.
struct ProtobufWireReader {
    enum WireType: UInt8 {
        case varint = 0, fixed64 = 1, lengthDelimited = 2, startGroup = 3, endGroup = 4, fixed32 = 5
    }

    struct Malformed: Error, CustomStringConvertible {
        let what: String
        let offset: Int
        var description: String { "\(what) at byte \(offset)" }
    }

    private let base: UnsafeBufferPointer<UInt8>
    private var position: Int
    private let end: Int
    /// Where this reader's buffer starts in the whole message (for error offsets).
    private let origin: Int

    init(_ buffer: UnsafeBufferPointer<UInt8>, origin: Int = 0) {
        base = buffer
        position = 0
        end = buffer.count
        self.origin = origin
    }

    var isAtEnd: Bool { position >= end }

    private func malformed(_ what: String) -> Malformed { Malformed(what: what, offset: origin + position) }

    /// The next field's number and wire type.
    mutating func tag() throws(Malformed) -> (field: UInt32, type: WireType) {
        let key = try varint()
        guard let type = WireType(rawValue: UInt8(key & 7)), key >> 3 > 0, key >> 3 <= UInt64(UInt32.max >> 3) else {
            throw malformed("an invalid field tag")
        }
        return (UInt32(key >> 3), type)
    }

    mutating func varint() throws(Malformed) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while position < end {
            let byte = base[position]
            position += 1
            // The tenth byte holds the 64th bit alone (and ends the varint).
            if shift == 63, byte > 1 { throw malformed("a varint over 64 bits") }
            result |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
        throw malformed("a truncated varint")
    }

    mutating func fixed64() throws(Malformed) -> UInt64 {
        guard end - position >= 8 else { throw malformed("a truncated fixed64") }
        var value: UInt64 = 0
        for i in (0..<8).reversed() { value = value << 8 | UInt64(base[position + i]) }
        position += 8
        return value
    }

    mutating func fixed32() throws(Malformed) -> UInt32 {
        guard end - position >= 4 else { throw malformed("a truncated fixed32") }
        var value: UInt32 = 0
        for i in (0..<4).reversed() { value = value << 8 | UInt32(base[position + i]) }
        position += 4
        return value
    }

    /// A length-delimited field's bytes, and a reader positioned in the whole message for them.
    mutating func bytes() throws(Malformed) -> (bytes: UnsafeBufferPointer<UInt8>, origin: Int) {
        let length = try varint()
        guard length <= UInt64(end - position) else { throw malformed("a length past the end") }
        let start = position
        position += Int(length)
        return (UnsafeBufferPointer(rebasing: base[start..<position]), origin + start)
    }

    /// A nested message's reader.
    mutating func message() throws(Malformed) -> ProtobufWireReader {
        let (bytes, at) = try bytes()
        return ProtobufWireReader(bytes, origin: at)
    }

    /// Skips a field of this wire type (groups are not protobuf 3's and are refused).
    mutating func skip(_ type: WireType) throws(Malformed) {
        switch type {
        case .varint: _ = try varint()
        case .fixed64: _ = try fixed64()
        case .fixed32: _ = try fixed32()
        case .lengthDelimited: _ = try bytes()
        case .startGroup, .endGroup: throw malformed("a group (not protobuf 3)")
        }
    }

    /// Requires `type` for a field the schema gives another; a mismatch is malformed, as
    /// swift-protobuf has it.
    func expect(_ type: WireType, _ wanted: WireType, field: UInt32) throws(Malformed) {
        guard type == wanted else { throw malformed("field \(field) with wire type \(type.rawValue)") }
    }
}
