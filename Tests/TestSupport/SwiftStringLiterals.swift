import Foundation

/// Reads string literals out of Swift source: just enough for test files' query arguments.
enum SwiftStringLiterals {
    /// The literal first argument of every call to one of `functions` (`f("..."` or
    /// `f(#"..."#`), decoded; literals with interpolations are skipped.
    static func firstArguments(of functions: [String], in source: String) -> [String] {
        let text = Array(source.unicodeScalars)
        var out: [String] = []
        var i = 0
        while i < text.count {
            guard let name = functions.first(where: { matches($0 + "(", text, at: i) }),
                  i == 0 || !isIdentifier(text[i - 1]) || name.contains(".") else { i += 1; continue }
            var j = i + name.count + 1
            while j < text.count, text[j] == " " { j += 1 }
            if let (literal, end) = literal(text, at: j) {
                if let literal { out.append(literal) }
                i = end
            } else {
                i = j
            }
        }
        return out
    }

    private static func matches(_ word: String, _ text: [Unicode.Scalar], at i: Int) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard i + scalars.count <= text.count else { return false }
        return Array(text[i..<i + scalars.count]) == scalars
    }

    private static func isIdentifier(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c == "." || CharacterSet.alphanumerics.contains(c)
    }

    /// The literal starting at `i` (nil inside when it interpolates) and the index after it;
    /// nil when no literal starts there.
    private static func literal(_ text: [Unicode.Scalar], at i: Int) -> (String?, Int)? {
        var hashes = 0
        var j = i
        while j < text.count, text[j] == "#" { hashes += 1; j += 1 }
        guard j < text.count, text[j] == "\"" else { return nil }
        if j + 2 < text.count, text[j + 1] == "\"", text[j + 2] == "\"" { return nil }   // multi-line
        j += 1
        var value = String.UnicodeScalarView()
        var interpolates = false
        let closing = [Unicode.Scalar("\"")] + Array(repeating: Unicode.Scalar("#"), count: hashes)
        while j < text.count {
            if Array(text[j..<min(text.count, j + closing.count)]) == closing {
                return (interpolates ? nil : String(value), j + closing.count)
            }
            let escape = text[j] == "\\" && (hashes == 0 || matches("\\" + String(repeating: "#", count: hashes), text, at: j))
            if escape {
                j += 1 + hashes
                guard j < text.count else { break }
                switch text[j] {
                case "n": value.append("\n")
                case "t": value.append("\t")
                case "r": value.append("\r")
                case "0": value.append("\0")
                case "(": interpolates = true
                case "u":
                    var k = j + 2   // past `u{`
                    var hex = ""
                    while k < text.count, text[k] != "}" { hex.unicodeScalars.append(text[k]); k += 1 }
                    if let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) { value.append(scalar) }
                    j = k
                default: value.append(text[j])
                }
                j += 1
                continue
            }
            if text[j] == "\n" { break }
            value.append(text[j])
            j += 1
        }
        return nil
    }
}
