/// Whether an input is JSON Lines (one record per line): the one rule the decoder
/// (`InputDecoder`) and the two-core splitter (`ParallelLines`) both follow.
enum JSONLinesDetection {
    /// Judged from the first two lines after `start` (leading whitespace skipped): one of them
    /// holds a whole record (`{...}` or `[...]` on one line) and a line follows the first.
    /// Lines over 1 MiB are not looked at (then the first value decides, once a second one
    /// follows). O(1 MiB).
    static func looksLikeJSONLines(_ input: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Bool {
        var first = start
        while first < input.count, input[first] <= 0x20 { first += 1 }
        guard let end1 = lineEnd(input, from: first), end1 < input.count else { return false }
        if isOneLineRecord(input, at: first) { return true }
        let second = end1 + 1
        guard second < input.count, input[second] == UInt8(ascii: "{") || input[second] == UInt8(ascii: "["),
              lineEnd(input, from: second) != nil else { return false }
        return isOneLineRecord(input, at: second)
    }

    /// The offset of the newline ending the line at `start` (or the input's end), looking at
    /// most 1 MiB ahead; nil when the line is longer.
    private static func lineEnd(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let limit = min(input.count, start + (1 << 20))
        var i = start
        while i < limit {
            if input[i] == 0x0A { return i }
            i += 1
        }
        return limit == input.count ? input.count : nil
    }

    /// True when the line at `start` opens with `{` or `[` and closes with `}` or `]`.
    static func isOneLineRecord(_ input: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start < input.count, input[start] == UInt8(ascii: "{") || input[start] == UInt8(ascii: "[") else { return false }
        var i = start
        while i < input.count && input[i] != 0x0A { i += 1 }
        while i > start && input[i - 1] <= 0x20 { i -= 1 }
        return i > start && (input[i - 1] == UInt8(ascii: "}") || input[i - 1] == UInt8(ascii: "]"))
    }
}
