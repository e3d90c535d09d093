/// Re-indents compact JSON (two spaces per level, `"key": value`), as `pretty: true` asks.
/// Strings are copied verbatim; empty objects and arrays stay `{}` and `[]`. O(length).
enum JSONPrettyPrinter {
    static func indent(_ compact: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(compact.count * 2)
        var depth = 0
        var i = 0
        let n = compact.count
        func newline(_ out: inout [UInt8], _ depth: Int) {
            out.append(0x0A)
            for _ in 0..<(depth * 2) { out.append(0x20) }
        }
        while i < n {
            let b = compact[i]
            switch b {
            case UInt8(ascii: "\""):
                out.append(b)
                i += 1
                while i < n {
                    let c = compact[i]
                    out.append(c)
                    i += 1
                    if c == UInt8(ascii: "\\"), i < n {
                        out.append(compact[i])
                        i += 1
                    } else if c == UInt8(ascii: "\"") {
                        break
                    }
                }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let close = b == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if i + 1 < n && compact[i + 1] == close {
                    out.append(b)
                    out.append(close)
                    i += 2
                    continue
                }
                out.append(b)
                depth += 1
                newline(&out, depth)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth = max(0, depth - 1)
                newline(&out, depth)
                out.append(b)
            case UInt8(ascii: ","):
                out.append(b)
                newline(&out, depth)
            case UInt8(ascii: ":"):
                out.append(b)
                out.append(0x20)
            default:
                out.append(b)
            }
            i += 1
        }
        return out
    }
}
