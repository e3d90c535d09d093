import TraceModel

/// Appends JSON tokens to a byte buffer: escaped strings, integers, doubles, hex ids.
struct JSONWriter {
    var out: [UInt8] = []

    init(capacity: Int) { out.reserveCapacity(capacity) }

    // MARK: - Raw text

    @inline(__always)
    mutating func raw(_ text: StaticString) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always)
    mutating func byte(_ b: UInt8) { out.append(b) }

    // MARK: - Strings

    /// A quoted, escaped string. Bytes other than `"`, `\` and controls are copied as they are.
    /// O(length).
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) {
        out.append(UInt8(ascii: "\""))
        var clean = true
        for b in bytes where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
            clean = false
            break
        }
        if clean {
            out.append(contentsOf: bytes)
        } else {
            for b in bytes { escape(b) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// An interned string, quoted.
    @inline(__always)
    mutating func string(_ id: StringID, in strings: StringTable) {
        strings.withUTF8(id) { string($0) }
    }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { string($0) }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func escape(_ b: UInt8) {
        switch b {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case 0x0A: raw("\\n")
        case 0x0D: raw("\\r")
        case 0x09: raw("\\t")
        case 0x08: raw("\\b")
        case 0x0C: raw("\\f")
        case 0..<0x20:
            raw("\\u00")
            out.append(Self.hexDigits[Int(b >> 4)])
            out.append(Self.hexDigits[Int(b & 0xF)])
        default: out.append(b)
        }
    }

    // MARK: - Numbers

    /// A decimal integer.
    mutating func int(_ value: Int64) {
        var magnitude = value.magnitude
        if value < 0 { out.append(UInt8(ascii: "-")) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var n = 0
            repeat {
                digits[n] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                n += 1
            } while magnitude > 0
            while n > 0 {
                n -= 1
                out.append(digits[n])
            }
        }
    }

    /// A decimal integer in quotes (proto3 JSON writes 64-bit integers as strings).
    mutating func quotedInt(_ value: Int64) {
        out.append(UInt8(ascii: "\""))
        int(value)
        out.append(UInt8(ascii: "\""))
    }

    /// A double in its shortest round-tripping form; NaN and infinities as proto3 JSON's strings.
    mutating func double(_ value: Double) {
        if value.isNaN { raw("\"NaN\"") }
        else if value.isInfinite { value < 0 ? raw("\"-Infinity\"") : raw("\"Infinity\"") }
        else { out.append(contentsOf: value.description.utf8) }
    }

    // MARK: - Ids

    /// A trace id as 32 lowercase hex digits, quoted.
    mutating func hex(_ id: TraceID) {
        out.append(UInt8(ascii: "\""))
        hexDigits(id.high)
        hexDigits(id.low)
        out.append(UInt8(ascii: "\""))
    }

    /// A span id as 16 lowercase hex digits, quoted.
    mutating func hex(_ id: SpanID) {
        out.append(UInt8(ascii: "\""))
        hexDigits(id.rawValue)
        out.append(UInt8(ascii: "\""))
    }

    private mutating func hexDigits(_ v: UInt64) {
        Self.hexDigits.withUnsafeBufferPointer { digits in
            var shift: UInt64 = 60
            while true {
                out.append(digits[Int((v >> shift) & 0xF)])
                if shift == 0 { break }
                shift -= 4
            }
        }
    }
}
