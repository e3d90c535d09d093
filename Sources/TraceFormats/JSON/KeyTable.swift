/// Maps the member names of one kind of JSON object to the cases of an enum, in O(1) per name
/// and without allocating.
///
/// Each case's raw value is registered in lowerCamelCase and, derived from it, in snake_case
/// (`startTimeUnixNano` and `start_time_unix_nano`), because OTLP JSON allows both. A name is
/// fingerprinted by its length and its first and last eight bytes, which identify names up to
/// 16 bytes exactly; longer names are also compared in full.
struct KeyTable<Field: CaseIterable & RawRepresentable & Sendable>: Sendable where Field.RawValue == String {
    private struct Entry: Sendable {
        var first: UInt64 = 0
        var last: UInt64 = 0
        var length: Int = -1
        var field: Field?
        /// Index into `longNames` of the full name, for names over 16 bytes.
        var long: Int = -1
    }

    private var entries: [Entry]
    private var longNames: [[UInt8]] = []
    private let mask: Int

    /// Registers every case under its raw value and that value's snake_case form.
    init() {
        var size = 16
        while size < Field.allCases.count * 8 { size *= 2 }
        entries = Array(repeating: Entry(), count: size)
        mask = size - 1
        for field in Field.allCases {
            let camel = Array(field.rawValue.utf8)
            insert(camel, field)
            let snake = Self.snakeCase(camel)
            if snake != camel { insert(snake, field) }
        }
    }

    /// `startTimeUnixNano` -> `start_time_unix_nano`.
    static func snakeCase(_ name: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        for b in name {
            if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") {
                out.append(UInt8(ascii: "_"))
                out.append(b | 0x20)
            } else {
                out.append(b)
            }
        }
        return out
    }

    private mutating func insert(_ name: [UInt8], _ field: Field) {
        let (first, last) = name.withUnsafeBufferPointer { Self.fingerprint($0) }
        var slot = Self.slot(first, last, name.count) & mask
        while entries[slot].length >= 0 { slot = (slot + 1) & mask }
        var long = -1
        if name.count > 16 {
            longNames.append(name)
            long = longNames.count - 1
        }
        entries[slot] = Entry(first: first, last: last, length: name.count, field: field, long: long)
    }

    /// The field a member name denotes, or nil when the table does not know it.
    @inline(__always)
    func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Field? {
        let (first, last) = Self.fingerprint(key)
        let n = key.count
        var slot = Self.slot(first, last, n) & mask
        return entries.withUnsafeBufferPointer { table in
            while true {
                let length = table[slot].length
                if length < 0 { return nil }
                if length == n && table[slot].first == first && table[slot].last == last
                    && (n <= 16 || Self.middleEquals(longNames[table[slot].long], key)) {
                    return table[slot].field
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Compares the bytes between the first and last eight (already known equal).
    private static func middleEquals(_ name: [UInt8], _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        name.withUnsafeBufferPointer { a in
            var i = 8
            while i < key.count - 8 {
                if a[i] != key[i] { return false }
                i += 1
            }
            return true
        }
    }

    @inline(__always)
    private static func slot(_ first: UInt64, _ last: UInt64, _ length: Int) -> Int {
        let h = (first &* 0x9E37_79B9_7F4A_7C15) ^ (last &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
        return Int(truncatingIfNeeded: (h ^ (h >> 29)) >> 7)
    }
}

extension KeyTable {
    @inline(__always)
    static func fingerprint(_ key: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) { Fingerprint.of(key) }
}
