import TraceModel

/// Appends JSON tokens to a byte buffer: escaped strings, integers, doubles, hex ids.
///
/// Bytes go into a 64 KiB staging chunk through a raw pointer and reach the output array a chunk
/// at a time, so writing a token costs a few stores rather than an array append per byte. Call
/// `finish()` exactly once to get the bytes (it frees the chunk).
struct JSONWriter {
    private var out: [UInt8] = []
    private let chunk: UnsafeMutablePointer<UInt8>
    private var used = 0
    private static let chunkSize = 1 << 16

    init(capacity: Int) {
        out.reserveCapacity(capacity)
        chunk = .allocate(capacity: Self.chunkSize)
    }

    /// The bytes written; the writer must not be used afterwards.
    mutating func finish() -> [UInt8] {
        flush()
        chunk.deallocate()
        return out
    }

    private mutating func flush() {
        out.append(contentsOf: UnsafeBufferPointer(start: chunk, count: used))
        used = 0
    }

    /// Room for `n` more bytes in the chunk (n at most the chunk size); returns where to write.
    @inline(__always)
    private mutating func room(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if used &+ n > Self.chunkSize { flush() }
        return chunk + used
    }

    // MARK: - Raw text

    @inline(__always)
    mutating func raw(_ text: StaticString) {
        bytes(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always)
    mutating func byte(_ b: UInt8) {
        room(1).pointee = b
        used &+= 1
    }

    /// Copies bytes as they are.
    @inline(__always)
    mutating func bytes(_ source: UnsafeBufferPointer<UInt8>) {
        let n = source.count
        guard n > 0, let base = source.baseAddress else { return }
        if n > Self.chunkSize {
            flush()
            out.append(contentsOf: source)
            return
        }
        room(n).update(from: base, count: n)
        used &+= n
    }

    // MARK: - Strings

    /// A quoted, escaped string. Bytes other than `"`, `\` and controls are copied as they are.
    /// O(length).
    mutating func string(_ text: UnsafeBufferPointer<UInt8>) {
        byte(UInt8(ascii: "\""))
        var clean = true
        for b in text where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
            clean = false
            break
        }
        if clean {
            bytes(text)
        } else {
            for b in text { escape(b) }
        }
        byte(UInt8(ascii: "\""))
    }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { string($0) }
    }

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
            byte(HexDigits.digit(b >> 4))
            byte(HexDigits.digit(b & 0xF))
        default: byte(b)
        }
    }


    // MARK: - Numbers

    /// A decimal integer.
    @inline(__always)
    mutating func int(_ value: Int64) {
        var magnitude = value.magnitude
        let p = room(20)
        var n = 0
        if value < 0 {
            p[0] = UInt8(ascii: "-")
            n = 1
        }
        var digits = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            digits &+= 1
        }
        var i = n &+ digits
        repeat {
            i &-= 1
            p[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        used &+= n &+ digits
    }

    /// A decimal integer in quotes (proto3 JSON writes 64-bit integers as strings).
    mutating func quotedInt(_ value: Int64) {
        byte(UInt8(ascii: "\""))
        int(value)
        byte(UInt8(ascii: "\""))
    }

    /// A double in its shortest round-tripping form; NaN and infinities as proto3 JSON's strings.
    mutating func double(_ value: Double) {
        if value.isNaN { raw("\"NaN\"") }
        else if value.isInfinite { value < 0 ? raw("\"-Infinity\"") : raw("\"Infinity\"") }
        else { string(value.description.utf8.count > 0 ? value.description : "0", quoted: false) }
    }

    private mutating func string(_ text: String, quoted: Bool) {
        var text = text
        text.withUTF8 { bytes($0) }
    }

    // MARK: - Ids

    /// A trace id as 32 lowercase hex digits, quoted.
    mutating func hex(_ id: TraceID) {
        let p = room(34)
        p[0] = UInt8(ascii: "\"")
        Self.hexDigits(id.high, to: p + 1)
        Self.hexDigits(id.low, to: p + 17)
        p[33] = UInt8(ascii: "\"")
        used &+= 34
    }

    /// A span id as 16 lowercase hex digits, quoted.
    mutating func hex(_ id: SpanID) {
        let p = room(18)
        p[0] = UInt8(ascii: "\"")
        Self.hexDigits(id.rawValue, to: p + 1)
        p[17] = UInt8(ascii: "\"")
        used &+= 18
    }

    @inline(__always)
    private static func hexDigits(_ v: UInt64, to p: UnsafeMutablePointer<UInt8>) {
        for i in 0..<16 { p[i] = HexDigits.digit(UInt8(truncatingIfNeeded: v &>> UInt64(60 &- i &* 4)) & 0xF) }
    }
}
