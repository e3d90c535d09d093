/// Reads what `ByteWriter` wrote, from a borrowed buffer, without copying.
///
/// Every read checks bounds: a truncated or damaged blob makes `isValid` false and reads return
/// zeros from then on, so a corrupt row can never read out of bounds or crash the process.
struct ByteReader {
    let base: UnsafeRawBufferPointer
    private(set) var offset: Int
    let end: Int
    /// False once a read ran past the end or met a malformed varint.
    private(set) var isValid = true

    init(_ buffer: UnsafeRawBufferPointer) {
        base = buffer
        offset = 0
        end = buffer.count
    }

    /// A reader over a sub-range of another reader's buffer.
    init(_ buffer: UnsafeRawBufferPointer, from start: Int, to end: Int) {
        base = buffer
        offset = start
        self.end = end
    }

    var isAtEnd: Bool { offset >= end }

    @inline(__always)
    mutating func byte() -> UInt8 {
        guard offset < end else { isValid = false; return 0 }
        let b = base[offset]
        offset += 1
        return b
    }

    @inline(__always)
    mutating func varint() -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while offset < end {
            let b = base[offset]
            offset += 1
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
            if shift >= 64 { break }
        }
        isValid = false
        offset = end
        return 0
    }

    @inline(__always)
    mutating func varint32() -> UInt32 { UInt32(truncatingIfNeeded: varint()) }

    @inline(__always)
    mutating func signed() -> Int64 {
        let z = varint()
        return Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
    }

    @inline(__always)
    mutating func fixed64() -> UInt64 {
        guard end - offset >= 8 else { isValid = false; offset = end; return 0 }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(base[offset + i]) << UInt64(i * 8) }
        offset += 8
        return v
    }

    /// The next `count` bytes as a range of the buffer (empty and invalid when too few remain).
    mutating func take(_ count: Int) -> Range<Int> {
        guard count >= 0, end - offset >= count else { isValid = false; offset = end; return end..<end }
        defer { offset += count }
        return offset..<(offset + count)
    }

    /// Skips `count` bytes.
    mutating func skip(_ count: Int) { _ = take(count) }

    /// A reader over the next length-prefixed section; this reader moves past it.
    mutating func section() -> ByteReader {
        let range = take(Int(truncatingIfNeeded: varint()))
        return ByteReader(base, from: range.lowerBound, to: range.upperBound)
    }

    func bytes(_ range: Range<Int>) -> [UInt8] { Array(base[range]) }
}
