/// Appends the store's compact binary encodings to a growable byte buffer.
///
/// Integers are unsigned LEB128 varints (7 bits a byte, low bits first); signed values are
/// zigzag-mapped first so small negative numbers stay short; doubles and ids are fixed-width
/// little-endian. See docs/store.md for the formats built from these.
struct ByteWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }
    var isEmpty: Bool { bytes.isEmpty }

    /// Empties the buffer, keeping its capacity for the next value.
    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    @inline(__always)
    mutating func byte(_ b: UInt8) { bytes.append(b) }

    /// An unsigned LEB128 varint: 1 byte below 128, at most 10 bytes.
    @inline(__always)
    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    @inline(__always)
    mutating func varint(_ value: UInt32) { varint(UInt64(value)) }

    /// A signed value, zigzag-mapped (0, -1, 1, -2 ... -> 0, 1, 2, 3 ...) then as a varint.
    @inline(__always)
    mutating func signed(_ value: Int64) {
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// 8 bytes, little-endian.
    @inline(__always)
    mutating func fixed64(_ value: UInt64) {
        var v = value
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: v))
            v >>= 8
        }
    }

    mutating func append(_ other: some Collection<UInt8>) { bytes.append(contentsOf: other) }

    /// Writes a length-prefixed section: reserves nothing up front, encodes the body into a
    /// scratch writer, then appends its length and bytes. O(body).
    mutating func lengthPrefixed(_ body: (inout ByteWriter) -> Void) {
        var inner = ByteWriter()
        body(&inner)
        varint(UInt64(inner.count))
        bytes.append(contentsOf: inner.bytes)
    }
}
