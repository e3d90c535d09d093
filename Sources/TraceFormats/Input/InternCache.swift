import TraceModel

/// A direct-mapped cache in front of the string table for strings of at most 16 bytes (keys
/// like "http.method", values like "GET"), which repeat on every span.
///
/// Such a string is identified exactly by its length and its first and last eight bytes, so a
/// hit needs no hashing of the bytes and no comparison with the table's copy. A miss interns
/// through the builder and fills the slot. The cache belongs to one decode into one builder.
final class InternCache {
    private struct Entry {
        var first: UInt64
        var last: UInt64
        var length: Int
        var id: StringID
    }

    private static let size = 4096
    private let entries: UnsafeMutablePointer<Entry>

    init() {
        entries = .allocate(capacity: Self.size)
        entries.initialize(repeating: Entry(first: 0, last: 0, length: -1, id: .empty), count: Self.size)
    }

    deinit { entries.deallocate() }

    /// The id of `bytes` in `b`'s string table, interning it when needed. O(1) on a hit.
    @inline(__always)
    func intern(_ bytes: UnsafeBufferPointer<UInt8>, _ b: inout SpanTableBuilder) -> StringID {
        let n = bytes.count
        guard n <= 16 else { return b.intern(utf8: bytes) }
        let (first, last) = Fingerprint.of(bytes)
        var h = (first &* 0x9E37_79B9_7F4A_7C15) ^ (last &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(n)
        h ^= h >> 31
        let slot = entries + Int(truncatingIfNeeded: h & UInt64(Self.size - 1))
        if slot.pointee.length == n && slot.pointee.first == first && slot.pointee.last == last { return slot.pointee.id }
        let id = b.intern(utf8: bytes)
        slot.pointee = Entry(first: first, last: last, length: n, id: id)
        return id
    }
}
