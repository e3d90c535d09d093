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
