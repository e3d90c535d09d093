/// The shape of a SQL statement: the statement with its literals stripped, so that
/// `SELECT * FROM items WHERE id = 42` and `... id = 43` are the same operation.
///
/// Replaces quoted strings ('...', with '' and backslash escapes) and numbers (decimal, hex,
/// exponents) with `?`, collapses `IN (?, ?, ...)` lists to `IN (?)`, drops comments
/// (`-- ...`, `/* ... */`, which often carry per-request trace ids) and collapses whitespace.
/// Quoted identifiers ("name", `name`) and placeholders ($1, :name, ?) are kept. O(length).
public enum SQLShape {
    /// The shape of a statement.
    public static func of(_ statement: String) -> String {
        var text = statement
        var out: [UInt8] = []
        text.withUTF8 { shape(utf8: $0, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the shape of UTF-8 text into `out` (emptied first; reuse it across calls).
    /// One pass; `IN (...)` lists are collapsed when their `)` is written.
    public static func shape(utf8 bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(bytes.count)
        var i = 0
        let n = bytes.count
        func lastIsIdentifier() -> Bool {
            guard let last = out.last else { return false }
            return isIdentifier(last)
        }
        func space() {
            if let last = out.last, last != UInt8(ascii: " ") { out.append(UInt8(ascii: " ")) }
        }
        while i < n {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "'"):
                i += 1
                while i < n {
                    if bytes[i] == UInt8(ascii: "\\"), i + 1 < n { i += 2; continue }
                    if bytes[i] == UInt8(ascii: "'") {
                        if i + 1 < n, bytes[i + 1] == UInt8(ascii: "'") { i += 2; continue }
                        break
                    }
                    i += 1
                }
                i += 1
                out.append(UInt8(ascii: "?"))
            case UInt8(ascii: "\""), UInt8(ascii: "`"):
                let quote = b
                out.append(b)
                i += 1
                while i < n, bytes[i] != quote { out.append(bytes[i]); i += 1 }
                if i < n { out.append(quote); i += 1 }
            case UInt8(ascii: "-") where i + 1 < n && bytes[i + 1] == UInt8(ascii: "-"):
                while i < n, bytes[i] != UInt8(ascii: "\n") { i += 1 }
                space()
            case UInt8(ascii: "/") where i + 1 < n && bytes[i + 1] == UInt8(ascii: "*"):
                i += 2
                while i + 1 < n, !(bytes[i] == UInt8(ascii: "*") && bytes[i + 1] == UInt8(ascii: "/")) { i += 1 }
                i = min(n, i + 2)
                space()
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                space()
                i += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where !lastIsIdentifier():
                i += 1
                while i < n, isIdentifier(bytes[i]) || bytes[i] == UInt8(ascii: ".")
                        || ((bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-"))
                            && (bytes[i - 1] | 0x20) == UInt8(ascii: "e")) {
                    i += 1
                }
                out.append(UInt8(ascii: "?"))
            case UInt8(ascii: ".") where i + 1 < n && isDigit(bytes[i + 1]) && !lastIsIdentifier():
                i += 1
                while i < n, isIdentifier(bytes[i]) { i += 1 }
                out.append(UInt8(ascii: "?"))
            case UInt8(ascii: ")"):
                collapseInList(&out)
                out.append(b)
                i += 1
            default:
                out.append(b)
                i += 1
            }
        }
        while out.last == UInt8(ascii: " ") { out.removeLast() }
    }

    /// Called before writing a `)`: when the output ends with `IN (` and a list of `?` (with
    /// commas and spaces), cuts the list to a single `?`.
    static func collapseInList(_ out: inout [UInt8]) {
        var k = out.count - 1
        var marks = 0
        while k >= 0, out[k] == UInt8(ascii: "?") || out[k] == UInt8(ascii: ",") || out[k] == UInt8(ascii: " ") {
            if out[k] == UInt8(ascii: "?") { marks += 1 }
            k -= 1
        }
        guard marks >= 1, k >= 0, out[k] == UInt8(ascii: "(") else { return }
        let paren = k
        k -= 1
        while k >= 0, out[k] == UInt8(ascii: " ") { k -= 1 }
        guard k >= 1, out[k] | 0x20 == UInt8(ascii: "n"), out[k - 1] | 0x20 == UInt8(ascii: "i"),
              k < 2 || !isIdentifier(out[k - 2]) else { return }
        out.removeSubrange((paren + 1)...)
        out.append(UInt8(ascii: "?"))
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    private static func isIdentifier(_ b: UInt8) -> Bool {
        isDigit(b) || (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z"))
            || b == UInt8(ascii: "_") || b == UInt8(ascii: "$") || b == UInt8(ascii: "@")
            || b == UInt8(ascii: "#") || b >= 0x80
    }
}
