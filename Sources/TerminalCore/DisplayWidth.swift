/// Display widths in terminal columns, computed in Swift (no `wcwidth`), per scalar and per grapheme.
///
/// Per scalar the widths follow glibc's `wcwidth` (see `UnicodeWidthTables`). Per grapheme cluster
/// (a Swift `Character`):
/// - emoji are 2: emoji presentation, an emoji with VS16 (U+FE0F), ZWJ sequences, flag pairs;
/// - otherwise the sum of the scalars' widths (a base plus combining marks is the base's width,
///   a Hangul syllable spelled with jamo is 2);
/// - a character that `VisibleEscapes` escapes (controls, bidi formatting) is as wide as its
///   visible escape (`\e` is 2, `\u{202E}` is 8), which is how `Buffer` draws it; per scalar
///   (for the backend's encoder) controls stay 0.
public enum DisplayWidth {
    /// The width of one scalar: 0, 1 or 2; control characters are 0.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        if v < 0xA0 { return 0 }  // DEL and C1 controls
        if v < 0x300 { return 1 }
        if UnicodeWidthTables.contains(UnicodeWidthTables.zero, v) { return 0 }
        if v >= 0x1100 && UnicodeWidthTables.contains(UnicodeWidthTables.wide, v) { return 2 }
        return 1
    }

    /// The width of one grapheme cluster: 0, 1 or 2 for nearly everything (a few conjuncts are wider).
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        guard let second = iterator.next() else {
            return VisibleEscapes.isEscaped(first) ? (VisibleEscapes.escape(first)?.utf8.count ?? 0) : of(first)
        }
        if let escaped = VisibleEscapes.visibleWidth(character) { return escaped }
        if isEmojiCluster(first: first, second: second, scalars: scalars) { return 2 }
        var total = of(first) + of(second)
        while let next = iterator.next() { total += of(next) }
        return total
    }

    /// The width of a string: the sum of its characters' widths. O(n).
    public static func of<S: StringProtocol>(_ string: S) -> Int {
        if let ascii = asciiWidth(string.utf8) { return ascii }
        var total = 0
        for character in string { total += of(character) }
        return total
    }

    /// Whether the character is or contains a control character (C0, DEL, C1), which must never reach
    /// the terminal as is.
    public static func isControl(_ character: Character) -> Bool {
        for scalar in character.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || (v >= 0x7F && v < 0xA0) { return true }
        }
        return false
    }

    /// Whether a multi-scalar character is drawn as one emoji (ZWJ sequence, VS16, modifier, flag).
    public static func isEmojiSequence(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next(), let second = iterator.next() else { return false }
        return isEmojiCluster(first: first, second: second, scalars: scalars)
    }

    /// Whether the scalar is a regional indicator letter (two of them make a flag).
    public static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x1F1E6 && scalar.value <= 0x1F1FF
    }

    // MARK: - Helpers

    /// The width of printable ASCII text, or nil when the text has anything else. O(n).
    static func asciiWidth<U: Collection>(_ utf8: U) -> Int? where U.Element == UInt8 {
        var count = 0
        for byte in utf8 {
            if byte < 0x20 || byte >= 0x7F { return nil }
            count += 1
        }
        return count
    }

    /// Whether a multi-scalar cluster is drawn as one emoji, two columns wide.
    static func isEmojiCluster(first: Unicode.Scalar, second: Unicode.Scalar, scalars: Character.UnicodeScalarView) -> Bool {
        if isRegionalIndicator(first) && isRegionalIndicator(second) { return true }
        let properties = first.properties
        if properties.isEmojiPresentation { return true }
        guard properties.isEmoji else { return false }
        for scalar in scalars where scalar.value == 0xFE0F || scalar.value == 0x200D {
            return true
        }
        return false
    }
}

extension StringProtocol {
    /// The number of terminal columns the text occupies. O(n).
    public var displayWidth: Int { DisplayWidth.of(self) }
}

extension Character {
    /// The number of terminal columns the character occupies.
    public var displayWidth: Int { DisplayWidth.of(self) }
}
