/// Standard base64 (RFC 4648 section 4, `+` and `/`), as OTLP JSON writes `bytesValue` and
/// Jaeger writes binary tags.
enum Base64 {
    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = UInt8(i) }
        // The URL-safe alphabet too, which some emitters use for bytes.
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()

    /// Decodes base64 text (padding optional, no whitespace), or nil when it is not base64.
    /// O(length).
    static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var n = text.count
        while n > 0 && text[n - 1] == UInt8(ascii: "=") { n -= 1 }
        guard text.count - n <= 2, n % 4 != 1 else { return nil }
        if text.count != n && text.count % 4 != 0 { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(n * 3 / 4)
        var acc: UInt32 = 0
        var bits = 0
        for i in 0..<n {
            let v = values[Int(text[i])]
            guard v != 0xFF else { return nil }
            acc = (acc << 6) | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: acc >> UInt32(bits)))
            }
        }
        return out
    }

    /// Whether text is padded standard base64 of exactly `byteCount` bytes (how protobuf's JSON
    /// mapping writes ids: 24 characters ending in "==" for 16 bytes, 12 ending in "=" for 8).
    static func isPaddedID(_ text: UnsafeBufferPointer<UInt8>, byteCount: Int) -> Bool {
        let padding = (3 - byteCount % 3) % 3
        guard padding > 0, text.count == (byteCount + 2) / 3 * 4 else { return false }
        for i in 0..<padding where text[text.count - 1 - i] != UInt8(ascii: "=") { return false }
        return true
    }

    /// Encodes bytes as padded standard base64, appending to `out`. O(count).
    static func encode(_ bytes: [UInt8], into out: inout [UInt8]) {
        var i = 0
        while i + 3 <= bytes.count {
            let v = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out.append(alphabet[Int(v >> 18 & 63)])
            out.append(alphabet[Int(v >> 12 & 63)])
            out.append(alphabet[Int(v >> 6 & 63)])
            out.append(alphabet[Int(v & 63)])
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let v = UInt32(bytes[i]) << 16
            out.append(alphabet[Int(v >> 18 & 63)])
            out.append(alphabet[Int(v >> 12 & 63)])
            out.append(UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        } else if rest == 2 {
            let v = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out.append(alphabet[Int(v >> 18 & 63)])
            out.append(alphabet[Int(v >> 12 & 63)])
            out.append(alphabet[Int(v >> 6 & 63)])
            out.append(UInt8(ascii: "="))
        }
    }
}
