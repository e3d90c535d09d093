import TraceModel

/// The number an interned string spells (`"500"`, `"0.25"`), parsed once per distinct
/// string: Zipkin stores every tag as a string, and `http.status_code >= 400` must still
/// compare numerically.
///
/// Nine bytes per string of the table, allocated on first use (a query that never reads a
/// number out of a string pays nothing) and filled lazily. Not thread-safe: one per compiled
/// query.
final class NumericStringCache {
    /// 0 = not parsed, 1 = not a number, 2 = integer (bits), 3 = double (bits).
    private var state: UnsafeMutablePointer<UInt8>?
    private var bits: UnsafeMutablePointer<UInt64>?
    private let count: Int
    private let table: SpanTable

    init(table: SpanTable) {
        self.table = table
        count = table.strings.count
    }

    deinit {
        state?.deallocate()
        bits?.deallocate()
    }

    /// The number a string holds, or nil. O(1) after the first call for that string (the very
    /// first call allocates and zeroes one byte per string of the table).
    @inline(__always)
    func number(_ id: StringID) -> NumericValue? {
        let i = Int(id.rawValue)
        guard i < count else { return NumericValue(parsing: table.strings[id]) }
        let (state, bits) = storage()
        switch state[i] {
        case 1: return nil
        case 2: return .integer(Int64(bitPattern: bits[i]))
        case 3: return .double(Double(bitPattern: bits[i]))
        default:
            let parsed = NumericValue(parsing: table.strings[id])
            switch parsed {
            case .integer(let v): state[i] = 2; bits[i] = UInt64(bitPattern: v)
            case .double(let d): state[i] = 3; bits[i] = d.bitPattern
            case nil: state[i] = 1
            }
            return parsed
        }
    }

    @inline(__always)
    private func storage() -> (UnsafeMutablePointer<UInt8>, UnsafeMutablePointer<UInt64>) {
        if let state, let bits { return (state, bits) }
        let s = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, count))
        s.initialize(repeating: 0, count: max(1, count))
        let b = UnsafeMutablePointer<UInt64>.allocate(capacity: max(1, count))
        state = s
        bits = b
        return (s, b)
    }
}
