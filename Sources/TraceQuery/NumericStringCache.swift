import TraceModel

/// The number an interned string spells (`"500"`, `"0.25"`), parsed once per distinct
/// string: Zipkin stores every tag as a string, and `http.status_code >= 400` must still
/// compare numerically.
///
/// Nine bytes per string of the table, filled lazily. Not thread-safe: one per compiled query.
final class NumericStringCache {
    /// 0 = not parsed, 1 = not a number, 2 = integer (bits), 3 = double (bits).
    private let state: UnsafeMutablePointer<UInt8>
    private let bits: UnsafeMutablePointer<UInt64>
    private let count: Int
    private let table: SpanTable

    init(table: SpanTable) {
        self.table = table
        count = table.strings.count
        state = .allocate(capacity: max(1, count))
        state.initialize(repeating: 0, count: max(1, count))
        bits = .allocate(capacity: max(1, count))
    }

    deinit {
        state.deallocate()
        bits.deallocate()
    }

    /// The number a string holds, or nil. O(1) after the first call for that string.
    @inline(__always)
    func number(_ id: StringID) -> NumericValue? {
        let i = Int(id.rawValue)
        guard i < count else { return NumericValue(parsing: table.strings[id]) }
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
}

/// An integer or a double, compared exactly when both sides are integers.
enum NumericValue: Equatable {
    case integer(Int64)
    case double(Double)

    /// Parses decimal text: an optional sign, digits, an optional fraction and exponent.
    /// Rejects `nan`, `inf`, hex and surrounding spaces.
    init?(parsing text: String) {
        guard let first = text.utf8.first,
              first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
                || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")),
              text.utf8.allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".")
                  || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "e")
                  || $0 == UInt8(ascii: "E") })
        else { return nil }
        if let i = Int64(text) { self = .integer(i); return }
        guard let d = Double(text), d.isFinite else { return nil }
        self = .double(d)
    }

    /// -1, 0 or 1; nil when a double is NaN.
    @inline(__always)
    func compare(_ other: NumericValue) -> Int? {
        switch (self, other) {
        case (.integer(let a), .integer(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        default:
            let a = asDouble, b = other.asDouble
            if a < b { return -1 }
            if a == b { return 0 }
            if a > b { return 1 }
            return nil
        }
    }

    var asDouble: Double {
        switch self {
        case .integer(let i): Double(i)
        case .double(let d): d
        }
    }
}
