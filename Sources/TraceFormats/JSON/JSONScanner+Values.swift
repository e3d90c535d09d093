extension JSONScanner {
    // MARK: - Numbers

    /// Scans a number token at `pos`; throws when it is malformed.
    @inline(__always)
    mutating func scanNumber() throws(JSONError) -> (start: Int, end: Int, integral: Bool) {
        let start = pos
        guard let (stop, integral) = NumberParser.scan(base, from: pos, limit: end) else {
            throw JSONError(offset: start, problem: .badNumber)
        }
        pos = stop
        return (start, stop, integral)
    }

    /// Reads a 64-bit integer written as a number or as a string of digits (proto3 JSON writes
    /// int64 as strings). Nil, counted as a mismatch, for other values or out-of-range ones.
    @inline(__always)
    mutating func readInt64() throws(JSONError) -> Int64? {
        let b = peek()
        let at = pos
        if b == UInt8(ascii: "\"") {
            pos += 1
            let s = try scanStringBody()
            if let v = Self.integer(in: base, s) { return v }
            noteMismatch(at: at)
            return nil
        }
        if b == UInt8(ascii: "-") || NumberParser.isDigit(b) {
            let n = try scanNumber()
            if let v = NumberParser.int64(base, from: n.start, to: n.end, integral: n.integral) { return v }
            noteMismatch(at: at)
            return nil
        }
        try skipMismatch()
        return nil
    }

    /// An OTLP time: a 64-bit unsigned count of nanoseconds (fixed64), written as a string or a
    /// number. Values above Int64.max come back as Int64.max with `clamped` set; nil (counted as a
    /// mismatch) for anything that is not such an integer.
    mutating func readUnsignedTime() throws(JSONError) -> (value: Int64, clamped: Bool)? {
        let b = peek()
        let at = pos
        if b == UInt8(ascii: "\"") {
            pos += 1
            let s = try scanStringBody()
            if let v = Self.integer(in: base, s) { return (v, false) }
            if Self.fitsUInt64(base, from: s.start, to: s.end) { return (.max, true) }
            noteMismatch(at: at)
            return nil
        }
        if b == UInt8(ascii: "-") || NumberParser.isDigit(b) {
            let n = try scanNumber()
            if let v = NumberParser.int64(base, from: n.start, to: n.end, integral: n.integral) { return (v, false) }
            if n.integral, Self.fitsUInt64(base, from: n.start, to: n.end) { return (.max, true) }
            noteMismatch(at: at)
            return nil
        }
        try skipMismatch()
        return nil
    }

    /// Whether the bytes are plain decimal digits of a value that fits in UInt64.
    private static func fitsUInt64(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Bool {
        guard end > start, end - start <= 20 else { return false }
        var value: UInt64 = 0
        for i in start..<end {
            let d = base[i] &- UInt8(ascii: "0")
            guard d < 10 else { return false }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(UInt64(d))
            if o1 || o2 { return false }
            value = sum
        }
        return true
    }

    /// The integer inside a string token, when it holds exactly one valid number. One pass
    /// for plain digits (how timestamps come), the full grammar otherwise.
    @inline(__always)
    private static func integer(in base: UnsafePointer<UInt8>, _ s: JSONString) -> Int64? {
        let n = s.end - s.start
        if n > 0 && n <= 18 && base[s.start] != UInt8(ascii: "0") {
            var value: Int64 = 0
            var i = s.start
            while i < s.end {
                let d = base[i] &- UInt8(ascii: "0")
                guard d < 10 else { break }
                value = value &* 10 &+ Int64(d)
                i += 1
            }
            if i == s.end { return value }
        } else if n == 19 && base[s.start] != UInt8(ascii: "0") {
            // Nanosecond timestamps: 18 digits unchecked, then one checked step.
            var value: Int64 = 0
            var i = s.start
            while i < s.end - 1 {
                let d = base[i] &- UInt8(ascii: "0")
                guard d < 10 else { break }
                value = value &* 10 &+ Int64(d)
                i += 1
            }
            let d = base[i] &- UInt8(ascii: "0")
            if i == s.end - 1 && d < 10 {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (r, o2) = m.addingReportingOverflow(Int64(d))
                return o1 || o2 ? nil : r
            }
        }
        guard !s.hasEscapes, let (stop, integral) = NumberParser.scan(base, from: s.start, limit: s.end),
              stop == s.end else { return nil }
        return NumberParser.int64(base, from: s.start, to: s.end, integral: integral)
    }

    /// Reads a double written as a number, as a numeric string, or as proto3 JSON's "NaN",
    /// "Infinity", "-Infinity". Nil, counted as a mismatch, for other values.
    mutating func readDouble() throws(JSONError) -> Double? {
        let at = pos
        let raw = try readRaw()
        if let d = try double(from: raw) { return d }
        if case .null = raw { return nil }
        noteMismatch(at: at)
        return nil
    }

    /// Reads `true` or `false` (or the strings "true"/"false"). Nil, counted as a mismatch,
    /// for other values.
    mutating func readBool() throws(JSONError) -> Bool? {
        let at = pos
        let raw = try readRaw()
        if let b = try bool(from: raw) { return b }
        if case .null = raw { return nil }
        noteMismatch(at: at)
        return nil
    }

    // MARK: - Raw values

    /// Reads any value as a raw token; objects and arrays are skipped and returned as ranges.
    mutating func readRaw() throws(JSONError) -> JSONRawValue {
        let b = peek()
        switch b {
        case UInt8(ascii: "\""):
            pos += 1
            return .string(try scanStringBody())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let n = try scanNumber()
            return .number(start: n.start, end: n.end, integral: n.integral)
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default:
            let start = pos
            try skipValue()
            return .compound(start: start, end: pos)
        }
    }

    /// An integer from a raw value: a number, or a string holding one.
    mutating func int64(from raw: JSONRawValue) -> Int64? {
        switch raw {
        case .number(let s, let e, let integral): return NumberParser.int64(base, from: s, to: e, integral: integral)
        case .string(let s): return Self.integer(in: base, s)
        default: return nil
        }
    }

    /// A double from a raw value: a number, a numeric string, or a proto3 special name.
    mutating func double(from raw: JSONRawValue) throws(JSONError) -> Double? {
        switch raw {
        case .number(let s, let e, _): return NumberParser.double(base, from: s, to: e)
        case .string(let s):
            let text = try bytes(of: s)
            guard let p = text.baseAddress else { return nil }
            if let (stop, _) = NumberParser.scan(p, from: 0, limit: text.count), stop == text.count {
                return NumberParser.double(p, from: 0, to: stop)
            }
            return NumberParser.special(text)
        default: return nil
        }
    }

    /// A boolean from a raw value: `true`/`false`, or the strings "true"/"false" (any case).
    mutating func bool(from raw: JSONRawValue) throws(JSONError) -> Bool? {
        switch raw {
        case .bool(let b): return b
        case .string(let s):
            switch try text(of: s).lowercased() {
            case "true": return true
            case "false": return false
            default: return nil
            }
        default: return nil
        }
    }

    /// Consumes an exact literal (`true`, `false`, `null`).
    @inline(__always)
    mutating func literal(_ word: StaticString) throws(JSONError) {
        let n = word.utf8CodeUnitCount
        let p = word.utf8Start
        for k in 0..<n {
            guard pos + k < end else { throw JSONError(offset: end, problem: .unexpectedEnd) }
            guard base[pos + k] == p[k] else {
                throw JSONError(offset: pos + k, problem: .unexpected(base[pos + k], expected: "a JSON value"))
            }
        }
        pos += n
    }
}
