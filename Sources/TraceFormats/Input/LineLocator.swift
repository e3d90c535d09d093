/// Finds the 1-based line of byte offsets, counting newlines incrementally (warnings come in
/// increasing offset order, so each byte is counted about once). O(distance) per query.
struct LineLocator {
    private let base: UnsafePointer<UInt8>
    private let end: Int
    private var offset = 0
    private var line = 1

    init(base: UnsafePointer<UInt8>, end: Int) {
        self.base = base
        self.end = end
    }

    /// The line holding the byte at `target` (clamped to the input).
    mutating func line(at target: Int) -> Int {
        let target = min(max(target, 0), end)
        if target < offset {
            offset = 0
            line = 1
        }
        while offset < target {
            if base[offset] == 0x0A { line += 1 }
            offset += 1
        }
        return line
    }

    /// The offset where the line holding `target` starts.
    func lineStart(of target: Int) -> Int {
        var i = min(max(target, 0), end)
        while i > 0 && base[i - 1] != 0x0A { i -= 1 }
        return i
    }

    /// The first offset at or after `from` that starts a line beginning with `{` or `[`
    /// (the start of a JSON Lines record), or nil.
    func nextRecordStart(from: Int) -> Int? {
        var i = max(from, 1)
        while i < end {
            if base[i - 1] == 0x0A && (base[i] == UInt8(ascii: "{") || base[i] == UInt8(ascii: "[")) { return i }
            i += 1
        }
        return nil
    }
}
