extension TraceSummary {
    /// A summary from its fields, for summaries that were computed earlier and stored (the
    /// persistent store reads them back without loading the trace's spans).
    ///
    /// `rootIndex` is the local index the root has when the trace is loaded (spans ordered by
    /// start time, then span id); the ids are in whatever `StringTable` the caller pairs the
    /// summary with.
    public init(traceID: TraceID, rootIndex: Int, hasSingleRoot: Bool, rootService: StringID, rootName: StringID,
                start: Timestamp, end: Timestamp, spanCount: Int, errorCount: Int, services: [StringID],
                writtenID: String? = nil) {
        self.traceID = traceID
        self.writtenID = writtenID
        self.rootIndex = rootIndex
        self.hasSingleRoot = hasSingleRoot
        self.rootService = rootService
        self.rootName = rootName
        self.start = start
        self.end = end
        self.spanCount = spanCount
        self.errorCount = errorCount
        self.services = services
    }
}
