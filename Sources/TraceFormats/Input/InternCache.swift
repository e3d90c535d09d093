import TraceModel

/// A direct-mapped cache in front of the string table: attribute keys, service names and most
/// values repeat on every span, and a hit costs two word loads instead of hashing every byte.
///
/// A string of at most 16 bytes is identified exactly by its length and its first and last
/// eight bytes, so its hit needs no comparison; a longer one is compared with the table's copy.
/// A miss interns through the builder and fills the slot. The cache belongs to one decode into
/// one builder.
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

    /// Whether the table's string `id` has exactly these bytes. O(length), a word at a time.
    private static func same(_ bytes: UnsafeBufferPointer<UInt8>, _ id: StringID, in table: StringTable) -> Bool {
        table.withUTF8(id) { stored in
            guard stored.count == bytes.count, let a = stored.baseAddress, let b = bytes.baseAddress else { return false }
            var i = 0
            while i + 8 <= bytes.count {
                if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) {
                    return false
                }
                i += 8
            }
            while i < bytes.count {
                if a[i] != b[i] { return false }
                i += 1
            }
            return true
        }
    }

    /// The id of `bytes` in `b`'s string table, interning it when needed. O(1) on a hit.
    @inline(__always)
    func intern(_ bytes: UnsafeBufferPointer<UInt8>, _ b: inout SpanTableBuilder) -> StringID {
        let n = bytes.count
        let (first, last) = Fingerprint.of(bytes)
        var h = (first &* 0x9E37_79B9_7F4A_7C15) ^ (last &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(n)
        h ^= h >> 31
        let slot = entries + Int(truncatingIfNeeded: h & UInt64(Self.size - 1))
        if slot.pointee.length == n && slot.pointee.first == first && slot.pointee.last == last
            && (n <= 16 || Self.same(bytes, slot.pointee.id, in: b.strings)) {
            return slot.pointee.id
        }
        let id = b.intern(utf8: bytes)
        slot.pointee = Entry(first: first, last: last, length: n, id: id)
        return id
    }
}
