/// ASCII for the typographic symbols the views write themselves (ellipsis, middle dot, en
/// dash, multiplication sign, micro, the error and warning marks, the shade), for terminals
/// and output without UTF-8. One table: the ncurses backend draws cells with it and `trex show
/// --ascii` prints lines with it.
public enum ASCIIStandIns {
    public static let table: [UInt32: UInt8] = [
        0x2026: 0x7E, 0x00B7: 0x2D, 0x2013: 0x2D, 0x00D7: 0x78, 0x00B5: 0x75,
        0x2717: 0x78, 0x2718: 0x58, 0x26A0: 0x21, 0x2593: 0x3D,
    ]

    /// The ASCII byte standing in for a scalar, nil when it has none.
    public static func byte(for scalar: Unicode.Scalar) -> UInt8? { table[scalar.value] }

    /// `text` with every symbol of the table replaced; other characters as they are. O(n).
    public static func replacing(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(byte(for: scalar).map { Unicode.Scalar($0) } ?? scalar)
        }
        return String(out)
    }
}
