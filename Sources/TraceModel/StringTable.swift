/// Interned UTF-8 strings: every distinct string is stored once and named by a `StringID`.
///
/// A million spans of service "checkout" hold one copy of "checkout" and a million 4-byte ids.
/// Layout: one byte arena, an end offset and a hash per string, and an open-addressing slot
/// table of ids (load factor at most 1/2). Per distinct string this costs its bytes plus about
/// 16 bytes, far below a `[String: UInt32]` dictionary (a heap-allocated String per entry longer
/// than 15 bytes, plus the dictionary's own overhead). Equal strings always get equal ids, so
/// equality on interned strings is an integer comparison.
public struct StringTable: Sendable {
    private var arena: [UInt8] = []
    private var ends: [UInt32] = [0]       // ends[i] = end offset of string i; string 0 is ""
    private var hashes: [UInt32] = [0]
    private var slots: [UInt32]            // 0 = empty, otherwise id + 1
    private var mask: Int

    public init() {
        slots = [UInt32](repeating: 0, count: 1024)
        mask = 1023
    }

    /// The number of distinct strings, including the empty string.
    public var count: Int { ends.count }

    /// Bytes held by the table (arena, offsets, hashes and slots), for memory reports.
    public var memoryBytes: Int { arena.capacity + ends.capacity * 4 + hashes.capacity * 4 + slots.capacity * 4 }

    // MARK: - Interning

    /// Interns UTF-8 bytes, returning the id of the existing copy when there is one.
    /// Amortized O(length).
    public mutating func intern(utf8 bytes: UnsafeBufferPointer<UInt8>) -> StringID {
        if bytes.isEmpty { return .empty }
        let hash = Self.hash(bytes)
        var slot = Int(hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            let id = Int(entry - 1)
            if hashes[id] == hash, equals(id, bytes) { return StringID(UInt32(id)) }
            slot = (slot + 1) & mask
        }
        let id = ends.count
        arena.append(contentsOf: bytes)
        ends.append(UInt32(truncatingIfNeeded: arena.count))
        hashes.append(hash)
        slots[slot] = UInt32(id + 1)
        if ends.count * 2 > slots.count { grow() }
        return StringID(UInt32(id))
    }

    /// Interns a Swift string.
    public mutating func intern(_ text: String) -> StringID {
        var text = text
        return text.withUTF8 { intern(utf8: $0) }
    }

    /// The id of a string if it is in the table, without adding it.
    public func lookup(_ text: String) -> StringID? {
        var text = text
        return text.withUTF8 { lookup(utf8: $0) }
    }

    public func lookup(utf8 bytes: UnsafeBufferPointer<UInt8>) -> StringID? {
        if bytes.isEmpty { return .empty }
        let hash = Self.hash(bytes)
        var slot = Int(hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            let id = Int(entry - 1)
            if hashes[id] == hash, equals(id, bytes) { return StringID(UInt32(id)) }
            slot = (slot + 1) & mask
        }
    }

    // MARK: - Reading

    /// The string for an id. Allocates a `String`; prefer `withUTF8` in hot loops.
    public subscript(id: StringID) -> String {
        let (start, end) = range(Int(id.rawValue))
        return arena.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self)
        }
    }

    /// Calls `body` with the UTF-8 bytes of a string, without copying.
    public func withUTF8<R>(_ id: StringID, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let (start, end) = range(Int(id.rawValue))
        return try arena.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// The length of a string in UTF-8 bytes.
    public func utf8Count(_ id: StringID) -> Int {
        let (start, end) = range(Int(id.rawValue))
        return end - start
    }

    // MARK: - Internals

    @inline(__always)
    private func range(_ id: Int) -> (Int, Int) {
        (id == 0 ? 0 : Int(ends[id - 1]), Int(ends[id]))
    }

    @inline(__always)
    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let (start, end) = range(id)
        guard end - start == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { arenaBuffer in
            memoryEquals(arenaBuffer.baseAddress! + start, bytes.baseAddress!, bytes.count)
        }
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        var newSlots = [UInt32](repeating: 0, count: capacity)
        let newMask = capacity - 1
        for id in 1..<ends.count {
            var slot = Int(hashes[id]) & newMask
            while newSlots[slot] != 0 { slot = (slot + 1) & newMask }
            newSlots[slot] = UInt32(id + 1)
        }
        slots = newSlots
        mask = newMask
    }

    /// FNV-1a folded to 32 bits with a final avalanche, so low bits are usable as a slot.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h = StableHash.fnv1a(bytes)
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return UInt32(truncatingIfNeeded: h)
    }
}

@inline(__always)
func memoryEquals(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var i = 0
    while i + 8 <= count {
        if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self)
            != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) { return false }
        i += 8
    }
    while i < count {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}
