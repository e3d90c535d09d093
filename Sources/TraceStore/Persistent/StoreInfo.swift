import TraceModel

/// What `trex store info` reports about a store.
public struct StoreInfo: Sendable, Hashable {
    /// Spans per service (by the span's resource `service.name`).
    public struct ServiceSpans: Sendable, Hashable {
        public var name: String
        public var spans: Int
    }

    public var path: String
    /// The database file plus its write-ahead log.
    public var fileBytes: Int
    /// Pages SQLite holds free for reuse (prune frees them; imports reuse them).
    public var freeBytes: Int
    public var schemaVersion: Int
    public var traceCount: Int
    public var spanCount: Int
    public var stringCount: Int
    public var resourceCount: Int
    public var scopeCount: Int
    /// The earliest span start and the latest span end; nil for an empty store.
    public var timeRange: ClosedRange<Timestamp>?
    /// Most spans first.
    public var services: [ServiceSpans]
    public var created: Timestamp
    /// When an import last changed a trace; nil for an empty store.
    public var lastImport: Timestamp?
    /// Secondary indexes that do not exist (an import deferring them is running, or was
    /// interrupted; the next import builds them). Queries are correct without them, only slower.
    public var missingIndexes: [String]

    /// File bytes per stored span (nil when there are none).
    public var bytesPerSpan: Double? {
        spanCount > 0 ? Double(fileBytes - freeBytes) / Double(spanCount) : nil
    }
}
