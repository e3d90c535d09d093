/// Views of a reader's bytes: slices for the decoders that take a buffer, copies, comparisons.
extension ByteReader {
    /// The bytes of a range of this reader's buffer (nil when empty), for the decoders that
    /// take a whole buffer.
    func slice(_ range: Range<Int>) -> UnsafeRawBufferPointer? {
        guard !range.isEmpty, range.upperBound <= base.count else { return nil }
        return UnsafeRawBufferPointer(rebasing: base[range])
    }

    /// The bytes this reader spans, without copying (nil when empty).
    var slice: UnsafeRawBufferPointer? { slice(offset..<end) }

    /// The bytes this reader spans (from its start offset to its end), copied.
    var remainingBytes: [UInt8] { offset < end ? Array(base[offset..<end]) : [] }

    /// True when the bytes this reader spans equal `other`.
    func sameBytes(as other: [UInt8]) -> Bool {
        guard end - offset == other.count else { return false }
        return other.withUnsafeBytes { o in
            var i = 0
            while i < other.count {
                if base[offset + i] != o[i] { return false }
                i += 1
            }
            return true
        }
    }
}
