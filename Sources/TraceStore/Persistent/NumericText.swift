/// Reads text as a number the way the query language compares attribute strings with numbers
/// (`http.status_code >= 400` matches the Zipkin string "500"): an optional sign, digits, an
/// optional fraction and exponent; no spaces, `nan`, `inf` or hex. The store keeps this value
/// for dictionary strings (`strings.number`), so a numeric attribute comparison can find the
/// string ids that hold a number without reading every string.
enum NumericText {
    /// The value as a double, or nil when the text is not a finite decimal number. O(length).
    static func value(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let first = bytes.first else { return nil }
        let isDigit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        guard isDigit(first) || first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
        else { return nil }
        for b in bytes where !(isDigit(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
                               || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")) {
            return nil
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if let i = Int64(text) { return Double(i) }
        guard let d = Double(text), d.isFinite else { return nil }
        return d
    }
}
