/// Numbers and durations: `42`, `-3`, `0.5`, `1e-3`, `5s`, `1.5ms`, `250µs`, `1m30s`.
extension Lexer {
    /// Nanoseconds per unit, longest spelling first so `ms` wins over `m`.
    static let durationUnits: [(String, Int64)] = [
        ("ns", 1), ("us", 1_000), ("µs", 1_000), ("μs", 1_000), ("ms", 1_000_000),
        ("s", 1_000_000_000), ("m", 60_000_000_000), ("h", 3_600_000_000_000),
        // TraceQL's long units: a day of 24 hours, a week of 7 days, a year of 365 days.
        ("d", 86_400_000_000_000), ("w", 604_800_000_000_000), ("y", 31_536_000_000_000_000),
    ]

    /// Spelled-out units people type, with the unit they mean (for suggestions only).
    static let unitSynonyms: [String: String] = [
        "sec": "s", "secs": "s", "second": "s", "seconds": "s",
        "min": "m", "mins": "m", "minute": "m", "minutes": "m",
        "hr": "h", "hrs": "h", "hour": "h", "hours": "h",
        "day": "d", "days": "d", "wk": "w", "week": "w", "weeks": "w", "yr": "y", "year": "y", "years": "y",
        "msec": "ms", "msecs": "ms", "millis": "ms", "usec": "us", "usecs": "us", "micros": "us",
        "nsec": "ns", "nsecs": "ns", "nanos": "ns", "S": "s", "MS": "ms", "H": "h", "M": "m",
    ]

    /// Lexes a number, or a duration when a unit follows. `position` is on the first digit, on a
    /// leading `.` or on a leading `-`.
    mutating func lexNumber(from start: Int) throws(QueryDiagnostic) -> Token {
        let negative = peek() == "-"
        if negative { position += 1 }
        var first = try lexComponent()
        guard let firstUnit = first.unit else {
            let text = String(chars[start..<position])
            if let c = peek(), c == "." || Self.isNameStart(c) || Self.isDigit(c) {
                throw .unexpectedCharacter(String(c), at: SourceRange(position, position + 1))
            }
            if first.isInteger {
                guard let v = Int64(text) else { throw .numberOutOfRange(at: SourceRange(start, position)) }
                return Token(.integer(v), SourceRange(start, position), text)
            }
            guard let v = Double(text), v.isFinite else { throw .numberOutOfRange(at: SourceRange(start, position)) }
            return Token(.float(v), SourceRange(start, position), text)
        }
        // A duration: one or more number-unit components.
        var total = try nanoseconds(first.mantissa, firstUnit, from: start)
        while let c = peek(), Self.isDigit(c) {
            first = try lexComponent()
            guard let unit = first.unit else { throw .missingUnit(at: SourceRange(start, position)) }
            let (sum, overflow) = total.addingReportingOverflow(try nanoseconds(first.mantissa, unit, from: start))
            if overflow { throw .numberOutOfRange(at: SourceRange(start, position)) }
            total = sum
        }
        if let c = peek(), c == "." || Self.isNameStart(c) {
            throw .unexpectedCharacter(String(c), at: SourceRange(position, position + 1))
        }
        return Token(.duration(negative ? -total : total), SourceRange(start, position),
                     String(chars[start..<position]))
    }

    /// One `digits[.digits][e[+-]digits][unit]` piece; throws on an unknown unit.
    private mutating func lexComponent() throws(QueryDiagnostic) -> (mantissa: String, isInteger: Bool, unit: Int64?) {
        let numberStart = position
        var isInteger = true
        while let c = peek(), Self.isDigit(c) { position += 1 }
        if peek() == ".", let n = peek(1), Self.isDigit(n) {
            isInteger = false
            position += 1
            while let c = peek(), Self.isDigit(c) { position += 1 }
        }
        if let e = peek(), e == "e" || e == "E" {
            let signed = peek(1) == "+" || peek(1) == "-"
            if let d = peek(signed ? 2 : 1), Self.isDigit(d) {
                isInteger = false
                position += signed ? 2 : 1
                while let c = peek(), Self.isDigit(c) { position += 1 }
            }
        }
        let mantissa = String(chars[numberStart..<position])
        guard let c = peek(), c.isLetter else { return (mantissa, isInteger, nil) }
        let unitStart = position
        while let c = peek(), c.isLetter, !c.isWhitespace { position += 1 }
        let unitText = String(chars[unitStart..<position])
        guard let unit = Self.durationUnits.first(where: { $0.0 == unitText })?.1 else {
            let known = Self.durationUnits.map(\.0)
            let fixedUnit = Self.unitSynonyms[unitText] ?? Suggestions.nearest(to: unitText, in: known)
            throw .unknownUnit(unitText, at: SourceRange(unitStart, position),
                               suggestion: fixedUnit)
        }
        return (mantissa, isInteger, unit)
    }

    /// `mantissa × unit` in whole nanoseconds (rounded), or a range error.
    private func nanoseconds(_ mantissa: String, _ unit: Int64, from start: Int) throws(QueryDiagnostic) -> Int64 {
        if let whole = Int64(mantissa) {
            let (v, overflow) = whole.multipliedReportingOverflow(by: unit)
            if overflow { throw .numberOutOfRange(at: SourceRange(start, position)) }
            return v
        }
        guard let d = Double(mantissa) else { throw .numberOutOfRange(at: SourceRange(start, position)) }
        let ns = (d * Double(unit)).rounded()
        guard ns.isFinite, abs(ns) < 9.2e18 else { throw .numberOutOfRange(at: SourceRange(start, position)) }
        return Int64(ns)
    }
}
