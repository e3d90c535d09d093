import TraceModel

/// Turns id strings into fixed-size ids, counting the ones that were not hex.
///
/// Rules, in order: hex digits (1-32 for a trace id, 1-16 for a span id; shorter ids are
/// left-padded, so 64-bit trace ids become 128-bit ids with a zero high half); then padded
/// standard base64 of exactly 16 (trace) or 8 (span) bytes, as protobuf's JSON mapping writes
/// bytes — unambiguous because hex never contains `=`; anything else is hashed with
/// `StableHash` (stable across runs, so "span-1" maps to the same id wherever it appears) and
/// counted for one warning per input.
struct IDMapper {
    /// Ids that were hashed, and the first one with its offset.
    private(set) var hashedCount = 0
    private(set) var firstHashed: (text: String, offset: Int)?
    /// Ids read as base64.
    private(set) var base64Count = 0
    /// The text of every hashed trace id, by the id it was given, so that people can still
    /// find and see a trace by what their file says (`SpanTable.writtenTraceIDs`).
    private(set) var writtenTraceIDs: [TraceID: String] = [:]

    /// A trace id; `.zero` for empty text. `hashed` is true when the text was not hex.
    @inline(__always)
    mutating func traceID(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> (id: TraceID, hashed: Bool) {
        if text.isEmpty { return (.zero, false) }
        if let id = HexParse.traceID(text) { return (id, false) }
        return slowTraceID(text, at: offset)
    }

    /// A span id; `.zero` for empty text.
    @inline(__always)
    mutating func spanID(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> (id: SpanID, hashed: Bool) {
        if text.isEmpty { return (.zero, false) }
        if let id = HexParse.spanID(text) { return (id, false) }
        return slowSpanID(text, at: offset)
    }

    private mutating func slowTraceID(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> (id: TraceID, hashed: Bool) {
        if Base64.isPaddedID(text, byteCount: 16), let bytes = Base64.decode(text), let id = TraceID(bytes: bytes) {
            base64Count += 1
            return (id, false)
        }
        let string = String(decoding: text, as: UTF8.self)
        noteHashed(string, at: offset)
        let id = StableHash.traceID(for: string)
        if writtenTraceIDs[id] == nil { writtenTraceIDs[id] = string }
        return (id, true)
    }

    private mutating func slowSpanID(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> (id: SpanID, hashed: Bool) {
        if Base64.isPaddedID(text, byteCount: 8), let bytes = Base64.decode(text), let id = SpanID(bytes: bytes) {
            base64Count += 1
            return (id, false)
        }
        let string = String(decoding: text, as: UTF8.self)
        noteHashed(string, at: offset)
        return (StableHash.spanID(for: string), true)
    }

    private mutating func noteHashed(_ text: String, at offset: Int) {
        if firstHashed == nil { firstHashed = (text, offset) }
        hashedCount += 1
    }
}
