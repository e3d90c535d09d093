extension SpanTable {
    /// One table holding the spans of several, merged into traces as if they had been loaded
    /// together (spans of one trace in several tables join it; exact duplicates are dropped).
    /// O(total spans × attributes), since strings are re-interned.
    public static func merging(_ tables: [SpanTable]) -> SpanTable {
        if tables.count == 1 { return tables[0] }
        var builder = SpanTableBuilder()
        for table in tables {
            for span in table.spans { builder.copy(span, from: table) }
            builder.writtenTraceIDs.merge(table.writtenTraceIDs) { mine, _ in mine }
        }
        return builder.finish()
    }
}
