/// IP addresses as text, the way Go's `net.IP.String()` writes them (Jaeger's host keys).
enum IPAddressText {
    /// Dotted IPv4 of a big-endian 32-bit value: 16909060 -> "1.2.3.4".
    static func ipv4(_ value: UInt32) -> String {
        "\(value >> 24).\((value >> 16) & 0xff).\((value >> 8) & 0xff).\(value & 0xff)"
    }

    /// 4 bytes as IPv4; 16 bytes as IPv6 (an IPv4-mapped address as IPv4), with the longest
    /// run of two or more zero groups written `::` (RFC 5952). Nil for any other length.
    static func format(_ bytes: [UInt8]) -> String? {
        if bytes.count == 4 {
            return bytes.map(String.init).joined(separator: ".")
        }
        guard bytes.count == 16 else { return nil }
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xff, bytes[11] == 0xff {
            return bytes[12..<16].map(String.init).joined(separator: ".")
        }
        let groups = (0..<8).map { UInt16(bytes[2 * $0]) << 8 | UInt16(bytes[2 * $0 + 1]) }
        // The first longest run of zero groups, if at least two long.
        var bestStart = -1
        var bestLength = 0
        var i = 0
        while i < 8 {
            var j = i
            while j < 8, groups[j] == 0 { j += 1 }
            if j - i > bestLength {
                bestStart = i
                bestLength = j - i
            }
            i = j == i ? i + 1 : j
        }
        if bestLength < 2 { bestStart = -1 }
        var text = ""
        var g = 0
        while g < 8 {
            if g == bestStart {
                text += "::"
                g += bestLength
                continue
            }
            if g > 0, !text.hasSuffix(":") { text += ":" }
            text += String(groups[g], radix: 16)
            g += 1
        }
        return text
    }
}
