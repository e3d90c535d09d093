import TraceModel

/// Writes one OTLP JSON request (`{"resourceSpans":[...]}`) piece by piece, batch by batch,
/// so that `convert` and `store export` write any number of traces in bounded memory. The
/// bytes are those `OTLPJSONEncoder.encode` gives for all batches' resource groups in order
/// (a single batch gives exactly its bytes); compact or indented alike.
public struct OTLPJSONStream {
    public let pretty: Bool
    /// What closes the request, taken from the first batch's encoding ("]}" or "\n  ]\n}").
    private var closing: [UInt8]?

    public init(pretty: Bool) { self.pretty = pretty }

    /// The bytes for one batch's traces (indices into `table.traces`; all when nil): the
    /// request's opening before the first, a comma before the others. Empty for no spans.
    public mutating func write(_ table: SpanTable, traces: [Int]? = nil) -> [UInt8] {
        if traces?.isEmpty ?? table.spans.isEmpty { return [] }
        let document = OTLPJSONEncoder.encode(table, traces: traces, pretty: pretty)
        guard let open = document.firstIndex(of: UInt8(ascii: "[")),
              let close = document.lastIndex(of: UInt8(ascii: "]")), open < close else { return [] }
        // The closing bracket's line: the whitespace before it belongs to the closing.
        var end = close
        while end > open + 1, [UInt8(ascii: " "), UInt8(ascii: "\n")].contains(document[end - 1]) { end -= 1 }
        let items = document[(open + 1)..<end]
        guard !items.isEmpty else { return [] }
        if closing == nil {
            closing = Array(document[end...])
            return Array(document[...open]) + items
        }
        return [UInt8(ascii: ",")] + items
    }

    /// The bytes that end the request (the whole, empty request when no batch had spans).
    public func finish() -> [UInt8] {
        closing ?? OTLPJSONEncoder.encode(SpanTable.merging([]), pretty: pretty)
    }
}
