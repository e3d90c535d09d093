import TraceModel

/// The JSON form (quoted, escaped) of each interned string the encoder writes, made once per
/// string and then copied as bytes.
///
/// A span table holds each distinct string once but the output repeats it on every span that
/// uses it; quoting and escaping it once, into an arena of its own, turns every later write
/// into one copy. It also keeps the string table's (generic, closure-taking) accessor out of
/// the per-attribute path. Memory: the quoted bytes of the strings used, plus 8 bytes per
/// distinct string. Call `release()` once at the end.
struct QuotedStrings {
    /// Per string id: offset into `arena` (high 32 bits) and length + 1 (low 32 bits; 0 when
    /// the string has not been quoted yet).
    private var places: [UInt64]
    private var arena: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0

    init(strings: StringTable) {
        places = [UInt64](repeating: 0, count: strings.count)
        capacity = 1 << 16
        arena = .allocate(capacity: capacity)
    }

    mutating func release() { arena.deallocate() }

    /// The quoted form of a string, valid until the next call. O(1) after its first use.
    @inline(__always)
    mutating func quoted(_ id: StringID, in strings: StringTable) -> UnsafeBufferPointer<UInt8> {
        let i = Int(id.rawValue)
        if i < places.count {
            let place = places[i]
            if place != 0 {
                return UnsafeBufferPointer(start: arena + Int(place >> 32), count: Int(place & 0xFFFF_FFFF) - 1)
            }
        }
        return quoteFirstTime(id, in: strings)
    }

    private mutating func quoteFirstTime(_ id: StringID, in strings: StringTable) -> UnsafeBufferPointer<UInt8> {
        let start = count
        strings.withUTF8(id) { text in
            reserve(text.count * 6 + 2)
            arena[count] = UInt8(ascii: "\"")
            count += 1
            for b in text { escape(b) }
            arena[count] = UInt8(ascii: "\"")
            count += 1
        }
        let length = count - start
        let i = Int(id.rawValue)
        if i < places.count, start < Int(UInt32.max) { places[i] = UInt64(start) << 32 | UInt64(length + 1) }
        return UnsafeBufferPointer(start: arena + start, count: length)
    }

    private mutating func reserve(_ n: Int) {
        guard count + n > capacity else { return }
        var newCapacity = capacity * 2
        while count + n > newCapacity { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: arena, count: count)
        arena.deallocate()
        arena = grown
        capacity = newCapacity
    }

    private mutating func escape(_ b: UInt8) {
        func put(_ bytes: StaticString) {
            for k in 0..<bytes.utf8CodeUnitCount {
                arena[count] = bytes.utf8Start[k]
                count += 1
            }
        }
        switch b {
        case UInt8(ascii: "\""): put("\\\"")
        case UInt8(ascii: "\\"): put("\\\\")
        case 0x0A: put("\\n")
        case 0x0D: put("\\r")
        case 0x09: put("\\t")
        case 0x08: put("\\b")
        case 0x0C: put("\\f")
        case 0..<0x20:
            put("\\u00")
            arena[count] = HexDigits.digit(b >> 4)
            arena[count + 1] = HexDigits.digit(b & 0xF)
            count += 2
        default:
            arena[count] = b
            count += 1
        }
    }

}
