import TraceModel

/// A hash map from 64-bit keys (string ids, pairs of them packed) to values, by open
/// addressing with a multiplicative hash: what the lint's per-span counting uses where
/// `Dictionary`'s SipHash of a few bytes per span was most of the time (measured: a third of
/// `trex lint` on 1,000,000 spans went to `Hasher`). Not for untrusted keys chosen to
/// collide; string ids are assigned by the table, in order.
struct IntegerKeyMap<Value> {
    private var keys: [UInt64]
    private var values: [Value?]
    private var used: [Bool]
    private(set) var count = 0
    private var shift: UInt64

    init() {
        keys = Array(repeating: 0, count: 16)
        values = Array(repeating: nil, count: 16)
        used = Array(repeating: false, count: 16)
        shift = 64 - 4
    }

    private func slot(_ key: UInt64) -> Int { Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    private func find(_ key: UInt64) -> Int {
        var i = slot(key)
        let mask = keys.count - 1
        while used[i] && keys[i] != key { i = (i + 1) & mask }
        return i
    }

    subscript(key: UInt64) -> Value? {
        let i = find(key)
        return used[i] ? values[i] : nil
    }

    /// The value of a key, made from `initial` on first use, changed in place.
    subscript(key: UInt64, default initial: @autoclosure () -> Value) -> Value {
        get { self[key] ?? initial() }
        _modify {
            if (count + 1) * 4 > keys.count * 3 { grow() }
            let i = find(key)
            if !used[i] {
                used[i] = true
                keys[i] = key
                values[i] = initial()
                count += 1
            }
            var value = values[i].take()!
            defer { values[i] = value }
            yield &value
        }
    }

    /// Every key and value, in no particular order.
    var entries: [(key: UInt64, value: Value)] {
        keys.indices.compactMap { used[$0] ? (keys[$0], values[$0]!) : nil }
    }

    private mutating func grow() {
        let old = entries
        let capacity = keys.count * 2
        keys = Array(repeating: 0, count: capacity)
        values = Array(repeating: nil, count: capacity)
        used = Array(repeating: false, count: capacity)
        shift -= 1
        count = 0
        for (key, value) in old {
            let i = find(key)
            used[i] = true
            keys[i] = key
            values[i] = value
            count += 1
        }
    }
}

extension StringID {
    /// The id as a map key.
    var mapKey: UInt64 { UInt64(rawValue) }

    /// Two ids packed into one map key.
    static func mapKey(_ a: StringID, _ b: StringID) -> UInt64 { UInt64(a.rawValue) << 32 | UInt64(b.rawValue) }
}
