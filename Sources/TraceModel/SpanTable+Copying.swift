extension SpanTable {
    /// A table with only some traces (indices into `traces`, in the order given), copied span
    /// by span with the strings they use. O(their spans × attributes).
    public func copying(traces indices: [Int]) -> SpanTable {
        var builder = SpanTableBuilder()
        builder.writtenTraceIDs = writtenTraceIDs
        for index in indices {
            for span in trace(at: index).spans { builder.copy(span, from: self) }
        }
        return builder.finish()
    }
}
