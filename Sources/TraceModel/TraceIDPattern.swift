/// A trace id as a person typed it: a whole id or any prefix of one, in any of the forms
/// files and tracing UIs show (see `TraceID.shownHex`), or the text a non-hex id was written as
/// (`trace-123`).
///
/// `1e` finds `1e223ff1f80f1c69`, a 64-bit id held as `00000000000000001e22...`; `df84e36b9e2ee38`
/// followed by 16 more digits (31 in all, Jaeger's form of an id starting with 0) finds
/// `0df84e36b9e2ee38...`. Hex matching ignores case; written texts match exactly.
public struct TraceIDPattern: Sendable, Hashable, CustomStringConvertible {
    /// What was typed.
    public let text: String
    /// The typed hex digits' values, when the text is 1-32 hex digits.
    private let digits: [UInt8]?

    /// Nil for empty text.
    public init?(_ text: String) {
        guard !text.isEmpty else { return nil }
        self.text = text
        let bytes = Array(text.utf8)
        let values = bytes.count <= 32 ? bytes.compactMap(HexDigits.value) : []
        digits = values.count == bytes.count ? values : nil
    }

    public var description: String { text }

    /// True when the text is hex digits (then it can match ids by their digits).
    public var isHex: Bool { digits != nil }

    /// The id this text names when it is a whole id: hex digits read as a number (so 16, 31
    /// or 32 digits all name their id), or, for other text, the stable hash that the decoders
    /// give an id written that way. Shorter hex texts are prefixes, not ids: nil.
    public var wholeID: TraceID? {
        if let digits {
            guard digits.count >= 16 else { return nil }
            return TraceID(hex: text)
        }
        return StableHash.traceID(for: text)
    }

    /// True when the text is a prefix of one of the id's forms, or of the text the id was
    /// written as in its file (`written`, for ids that were not hex). O(text length).
    public func matches(_ id: TraceID, written: String? = nil) -> Bool {
        if let written, written.utf8.starts(with: text.utf8) { return true }
        guard let digits else { return false }
        // The 32-digit form, the 16-digit form of a 64-bit id, and the form without leading zeros.
        return matchesDigits(id, from: 0)
            || (id.high == 0 && digits.count <= 16 && matchesDigits(id, from: 16))
            || matchesDigits(id, from: id.leadingZeroDigits)
    }

    /// True when the text is all of one of the id's forms (or its written text), not only a
    /// prefix: an exact hit wins over longer ids that merely start the same way.
    public func isWhole(_ id: TraceID, written: String? = nil) -> Bool {
        if let written, written == text { return true }
        guard let digits else { return false }
        let zeros = id.leadingZeroDigits
        return (digits.count == 32 && matchesDigits(id, from: 0))
            || (id.high == 0 && digits.count == 16 && matchesDigits(id, from: 16))
            || (digits.count == 32 - zeros && matchesDigits(id, from: zeros))
    }

    /// The id ranges whose ids this text matches by their digits (a superset of `matches`
    /// for ids without written text: check each candidate with `matches`). One range per place
    /// the typed digits can stand in the 32-digit form: first (the 32-digit form), at digit 16
    /// (the 16-digit form of a 64-bit id), and after every possible run of leading zeros (the
    /// form without them), so an index on ids answers a prefix with a few range scans.
    public var hexRanges: [ClosedRange<TraceID>] {
        guard let digits else { return [] }
        var starts: Set<Int> = [0]
        if digits.count <= 16 { starts.insert(16) }
        if digits[0] != 0 { starts.formUnion(0...(32 - digits.count)) }
        return starts.sorted().map { start in
            Self.id(digits, at: start, filling: 0)...Self.id(digits, at: start, filling: 0xF)
        }
    }

    /// An id with zeros before `start`, `digits` from there, and `filling` after them.
    private static func id(_ digits: [UInt8], at start: Int, filling: UInt8) -> TraceID {
        var high: UInt64 = 0
        var low: UInt64 = 0
        for i in 0..<32 {
            let d: UInt8 = i < start ? 0 : i < start + digits.count ? digits[i - start] : filling
            high = (high << 4) | (low >> 60)
            low = (low << 4) | UInt64(d)
        }
        return TraceID(high: high, low: low)
    }

    /// Whether `digits` equals the id's digits from position `start` of the 32-digit form on.
    private func matchesDigits(_ id: TraceID, from start: Int) -> Bool {
        guard let digits, start + digits.count <= 32 else { return false }
        for (offset, d) in digits.enumerated() where id.digit(start + offset) != d { return false }
        return true
    }
}
