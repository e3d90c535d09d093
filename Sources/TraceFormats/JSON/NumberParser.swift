/// Locale-independent parsing of JSON number text, by hand.
///
/// Never `strtod` (its decimal point follows the C locale). Doubles take an exact fast path
/// when the digits fit in 53 bits and the power of ten is at most 22 (Clinger's method: both
/// operands are exact, so one IEEE multiplication or division rounds correctly); other values
/// fall back to `Double(String)`, which Swift implements without the locale.
enum NumberParser {
    // MARK: - Grammar

    /// Scans a JSON number starting at `from`; returns where it ends and whether it is
    /// integral (no fraction, no exponent), or nil when the text is not a JSON number.
    /// The number may be followed by anything (the caller checks what comes next).
    @inline(__always)
    static func scan(_ p: UnsafePointer<UInt8>, from: Int, limit: Int) -> (end: Int, integral: Bool)? {
        var i = from
        if i < limit && p[i] == UInt8(ascii: "-") { i += 1 }
        guard i < limit else { return nil }
        if p[i] == UInt8(ascii: "0") {
            i += 1
        } else if isDigit(p[i]) {
            i += 1
            while i < limit && isDigit(p[i]) { i += 1 }
        } else {
            return nil
        }
        var integral = true
        if i < limit && p[i] == UInt8(ascii: ".") {
            integral = false
            i += 1
            guard i < limit && isDigit(p[i]) else { return nil }
            while i < limit && isDigit(p[i]) { i += 1 }
        }
        if i < limit && (p[i] | 0x20) == UInt8(ascii: "e") {
            integral = false
            i += 1
            if i < limit && (p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-")) { i += 1 }
            guard i < limit && isDigit(p[i]) else { return nil }
            while i < limit && isDigit(p[i]) { i += 1 }
        }
        return (i, integral)
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }

    // MARK: - Integers

    /// The value of valid JSON number text as an Int64: integral text directly, other text
    /// when it denotes an integer exactly ("1.5e3"). Nil when out of range or fractional.
    @inline(__always)
    static func int64(_ p: UnsafePointer<UInt8>, from: Int, to end: Int, integral: Bool) -> Int64? {
        guard integral else {
            guard let d = double(p, from: from, to: end), d.rounded() == d else { return nil }
            return Int64(exactly: d)
        }
        var i = from
        let negative = p[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        let digits = end - i
        var magnitude: UInt64 = 0
        if digits <= 18 {
            while i < end {
                magnitude = magnitude &* 10 &+ UInt64(p[i] &- UInt8(ascii: "0"))
                i += 1
            }
            return negative ? -Int64(magnitude) : Int64(magnitude)
        }
        while i < end {
            let (m, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(UInt64(p[i] &- UInt8(ascii: "0")))
            if o1 || o2 { return nil }
            magnitude = s
            i += 1
        }
        if negative {
            if magnitude == UInt64(Int64.max) + 1 { return .min }
            return magnitude <= UInt64(Int64.max) ? -Int64(magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    // MARK: - Doubles

    private static let exactPowers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The correctly rounded value of valid JSON number text.
    static func double(_ p: UnsafePointer<UInt8>, from: Int, to end: Int) -> Double? {
        var i = from
        let negative = p[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        var exact = true
        while i < end && isDigit(p[i]) {
            if significant < 19 {
                mantissa = mantissa &* 10 &+ UInt64(p[i] &- 48)
                if mantissa != 0 { significant += 1 }
            } else {
                exponent += 1
                if p[i] != UInt8(ascii: "0") { exact = false }
            }
            i += 1
        }
        if i < end && p[i] == UInt8(ascii: ".") {
            i += 1
            while i < end && isDigit(p[i]) {
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(p[i] &- 48)
                    if mantissa != 0 { significant += 1 }
                    exponent -= 1
                } else if p[i] != UInt8(ascii: "0") {
                    exact = false
                }
                i += 1
            }
        }
        if i < end && (p[i] | 0x20) == UInt8(ascii: "e") {
            i += 1
            var expNegative = false
            if p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") {
                expNegative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            var e = 0
            while i < end && isDigit(p[i]) {
                if e < 100_000 { e = e * 10 + Int(p[i] &- 48) }
                i += 1
            }
            exponent += expNegative ? -e : e
        }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        if exact && mantissa <= (1 << 53) && exponent >= -22 && exponent <= 22 {
            var d = Double(mantissa)
            if exponent >= 0 { d *= exactPowers[exponent] } else { d /= exactPowers[-exponent] }
            return negative ? -d : d
        }
        return Double(String(decoding: UnsafeBufferPointer(start: p + from, count: end - from), as: UTF8.self))
    }

    /// proto3 JSON's names for special doubles.
    static func special(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        switch String(decoding: bytes, as: UTF8.self) {
        case "NaN": return .nan
        case "Infinity", "inf", "+Infinity": return .infinity
        case "-Infinity", "-inf": return -.infinity
        default: return nil
        }
    }
}
