/// A byte-level JSON scanner over one input buffer: the decoders' hot path.
///
/// Why not Foundation: on this machine `JSONDecoder` read OTLP JSON at 26-29 MB/s (853 MiB RSS
/// for a 147 MB file) and `JSONSerialization` at 7-10 MB/s, an order of magnitude short of the
/// 300 MB/s trex needs to open a day of traces interactively (see
/// `../shared/notes/swift-ncurses.md`, "Loading JSON fast"). This scanner builds no document
/// tree and no `String` per key: decoders walk the input with it, compare member names as bytes
/// (`KeyTable`), and intern string values straight from the input buffer. Strings are unescaped
/// into a scratch buffer only when they contain escapes; numbers are parsed by hand (never
/// `strtod`, whose result depends on the C locale).
///
/// The scanner never reads outside the buffer, never recurses without bound (`skipValue` is
/// iterative and depth-limited), and reports every syntax error as a `JSONError` with the byte
/// offset. Values of an unexpected type are skipped and counted in `mismatches`, not thrown.
struct JSONScanner {
    /// The deepest nesting `skipValue` and the decoders accept.
    static let maxDepth = 512

    let base: UnsafePointer<UInt8>
    /// The input length; valid offsets are `0..<end`.
    let end: Int
    var pos: Int = 0
    let scratch = ScratchBuffer()

    /// Values of an unexpected JSON type that were skipped (for one aggregated note).
    var mismatches = 0
    /// Offset of the first such value, or -1.
    var firstMismatch = -1

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        if let address = buffer.baseAddress {
            base = address
            end = buffer.count
        } else {
            base = UnsafePointer(Self.emptyByte)
            end = 0
        }
    }

    private nonisolated(unsafe) static let emptyByte = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)

    // MARK: - Bytes and whitespace

    var isAtEnd: Bool { pos >= end }

    /// False while reading one JSON Lines record: a newline then ends the record, so a
    /// truncated line cannot swallow the next one.
    var newlineIsWhitespace = true

    /// Skips JSON whitespace (space, tab, CR, and LF unless `newlineIsWhitespace` is off).
    @inline(__always)
    mutating func skipWhitespace() {
        while pos < end {
            let b = base[pos]
            if b > 0x20 { return }
            if b == 0x20 || b == 0x0D || b == 0x09 || (b == 0x0A && newlineIsWhitespace) {
                pos += 1
                continue
            }
            return
        }
    }

    /// The next non-whitespace byte without consuming it; 0 at the end of input.
    @inline(__always)
    mutating func peek() -> UInt8 {
        skipWhitespace()
        return pos < end ? base[pos] : 0
    }

    /// The error for the byte at `pos` (or the end of input) where something else was expected.
    func unexpected(_ expected: StaticString) -> JSONError {
        pos < end ? JSONError(offset: pos, problem: .unexpected(base[pos], expected: expected))
            : JSONError(offset: end, problem: .unexpectedEnd)
    }

    // MARK: - Objects and arrays

    /// Opens an object: true after consuming `{`; false for `null` or for a value of another
    /// type, which is skipped and counted as a mismatch.
    @inline(__always)
    mutating func beginObject() throws(JSONError) -> Bool {
        if peek() == UInt8(ascii: "{") {
            pos += 1
            return true
        }
        try skipMismatch()
        return false
    }

    /// Opens an array, like `beginObject`.
    @inline(__always)
    mutating func beginArray() throws(JSONError) -> Bool {
        if peek() == UInt8(ascii: "[") {
            pos += 1
            return true
        }
        try skipMismatch()
        return false
    }

    /// Moves to the next member of an open object and returns its name, or nil after consuming
    /// the closing `}`. `first` must start true for each object.
    @inline(__always)
    mutating func nextKey(_ first: inout Bool) throws(JSONError) -> JSONString? {
        var b = peek()
        if b == UInt8(ascii: "}") {
            pos += 1
            return nil
        }
        if first {
            first = false
        } else {
            guard b == UInt8(ascii: ",") else { throw unexpected("',' or '}'") }
            pos += 1
            b = peek()
        }
        guard b == UInt8(ascii: "\"") else { throw unexpected("a member name") }
        pos += 1
        let key = try scanStringBody()
        guard peek() == UInt8(ascii: ":") else { throw unexpected("':'") }
        pos += 1
        return key
    }

    /// Moves to the next element of an open array: true when there is one, false after
    /// consuming the closing `]`. `first` must start true for each array.
    @inline(__always)
    mutating func nextElement(_ first: inout Bool) throws(JSONError) -> Bool {
        let b = peek()
        if b == UInt8(ascii: "]") {
            pos += 1
            return false
        }
        if first {
            first = false
            return true
        }
        guard b == UInt8(ascii: ",") else { throw unexpected("',' or ']'") }
        pos += 1
        return true
    }

    // MARK: - Strings

    /// Reads a string value; nil (after skipping it) for `null` or a value of another type.
    @inline(__always)
    mutating func readString() throws(JSONError) -> JSONString? {
        if peek() == UInt8(ascii: "\"") {
            pos += 1
            return try scanStringBody()
        }
        try skipMismatch()
        return nil
    }

    /// Scans a string's content after its opening quote and consumes the closing quote.
    /// Eight bytes at a time: a word with no quote, backslash or control byte is skipped
    /// whole; otherwise the first such byte is found from the word's stop mask.
    @inline(__always)
    mutating func scanStringBody() throws(JSONError) -> JSONString {
        let start = pos
        var escapes = false
        while pos &+ 8 <= end {
            let mask = SWAR.stopMask(UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self))
            if mask == 0 {
                pos &+= 8
                continue
            }
            pos &+= mask.trailingZeroBitCount &>> 3
            let b = base[pos]
            if b == UInt8(ascii: "\"") {
                let s = JSONString(start: start, end: pos, hasEscapes: escapes)
                pos &+= 1
                return s
            }
            if b == UInt8(ascii: "\\") {
                escapes = true
                pos &+= 2
                continue
            }
            throw JSONError(offset: pos, problem: .controlCharacterInString)
        }
        while true {
            guard pos < end else { throw JSONError(offset: end, problem: .unexpectedEnd) }
            let b = base[pos]
            if b == UInt8(ascii: "\"") {
                let s = JSONString(start: start, end: pos, hasEscapes: escapes)
                pos += 1
                return s
            }
            if b == UInt8(ascii: "\\") {
                escapes = true
                pos += 2
                if pos > end { throw JSONError(offset: end, problem: .unexpectedEnd) }
                continue
            }
            if b < 0x20 { throw JSONError(offset: pos, problem: .controlCharacterInString) }
            pos += 1
        }
    }

    /// The content of a string: a view of the input, or of the scratch buffer (valid until
    /// the next call) when it had escapes.
    @inline(__always)
    mutating func bytes(of s: JSONString) throws(JSONError) -> UnsafeBufferPointer<UInt8> {
        if !s.hasEscapes { return UnsafeBufferPointer(start: base + s.start, count: s.end - s.start) }
        return try unescape(s)
    }

    /// The content of a string as a Swift `String` (for rare paths: messages, enum names).
    mutating func text(of s: JSONString) throws(JSONError) -> String {
        String(decoding: try bytes(of: s), as: UTF8.self)
    }

    // MARK: - Mismatches

    /// Skips a value that has an unexpected type, counting it unless it is `null`.
    mutating func skipMismatch() throws(JSONError) {
        let b = peek()
        if b == UInt8(ascii: "n") {
            try skipValue()
            return
        }
        let at = pos
        try skipValue()
        noteMismatch(at: at)
    }

    /// Counts a value of an unexpected type (or out of range) that a decoder ignored.
    mutating func noteMismatch(at offset: Int) {
        if mismatches == 0 { firstMismatch = offset }
        mismatches += 1
    }
}
