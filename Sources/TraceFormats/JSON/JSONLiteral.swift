/// A short byte sequence (at most 16 bytes) held as two words, so `JSONScanner.consume(_:)`
/// can test for it with two loads and compares instead of a byte loop.
struct JSONLiteral: Sendable {
    let first: UInt64
    let second: UInt64
    let firstMask: UInt64
    let secondMask: UInt64
    let count: Int

    init(_ text: StaticString) {
        let n = text.utf8CodeUnitCount
        precondition(n > 0 && n <= 16, "a JSONLiteral holds 1 to 16 bytes")
        var words: (UInt64, UInt64) = (0, 0)
        let p = text.utf8Start
        for i in 0..<n {
            if i < 8 { words.0 |= UInt64(p[i]) << UInt64(i * 8) } else { words.1 |= UInt64(p[i]) << UInt64((i - 8) * 8) }
        }
        first = words.0
        second = words.1
        firstMask = n >= 8 ? .max : (1 << UInt64(n * 8)) - 1
        secondMask = n <= 8 ? 0 : n == 16 ? .max : (1 << UInt64((n - 8) * 8)) - 1
        count = n
    }
}

extension JSONScanner {
    /// Consumes `literal` when the input continues with exactly those bytes (no whitespace
    /// skipped); false, consuming nothing, otherwise. O(1).
    @inline(__always)
    mutating func consume(_ literal: JSONLiteral) -> Bool {
        if pos &+ 16 <= end {
            let p = UnsafeRawPointer(base + pos)
            guard p.loadUnaligned(as: UInt64.self) & literal.firstMask == literal.first,
                  p.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & literal.secondMask == literal.second else {
                return false
            }
            pos &+= literal.count
            return true
        }
        return consumeNearEnd(literal)
    }

    private mutating func consumeNearEnd(_ literal: JSONLiteral) -> Bool {
        guard pos + literal.count <= end else { return false }
        for i in 0..<literal.count {
            let word = i < 8 ? literal.first : literal.second
            guard base[pos + i] == UInt8(truncatingIfNeeded: word >> UInt64((i % 8) * 8)) else { return false }
        }
        pos += literal.count
        return true
    }

    /// Consumes one byte when it comes next (no whitespace skipped).
    @inline(__always)
    mutating func consume(byte: UInt8) -> Bool {
        if pos < end && base[pos] == byte {
            pos &+= 1
            return true
        }
        return false
    }
}
