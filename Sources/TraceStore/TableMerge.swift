import TraceModel

/// Merges tables as if their spans had been loaded together: spans of one trace in several
/// tables join it, exact duplicates are dropped (`SpanTableBuilder.finish()`), and two spans of
/// a trace with the same id but different content are both kept, as in memory.
public enum TableMerge {
    /// O(total spans × attributes) (strings are re-interned); a single table is returned as is.
    public static func merge(_ tables: [SpanTable]) -> SpanTable {
        let nonEmpty = tables.filter { !$0.spans.isEmpty }
        if nonEmpty.count <= 1 { return nonEmpty.first ?? tables.first ?? .empty }
        var builder = SpanTableBuilder()
        for table in nonEmpty {
            for span in table.spans { builder.copy(span, from: table) }
        }
        return builder.finish()
    }
}
