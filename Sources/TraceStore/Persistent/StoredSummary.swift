import TraceModel

/// A trace's summary as the `traces` table stores it: `TraceSummary` with store string ids.
///
/// Computed either from the trace in memory (a trace new to the store) or from the span rows
/// the store holds for it (a trace merged from several imports); both give exactly what
/// `TraceSummary` computes for the trace loaded back from the store.
struct StoredSummary: Equatable {
    var start: Int64
    var end: Int64
    /// The latest span start (`traces.last_start_ns`): a span starting in a window implies
    /// `start <= window end` and `lastStart >= window start`.
    var lastStart: Int64
    var spanCount: Int
    var errorCount: Int
    var rootIndex: Int
    var hasSingleRoot: Bool
    var rootService: Int64
    var rootName: Int64
    var services: [Int64]

    init(start: Int64, end: Int64, lastStart: Int64, spanCount: Int, errorCount: Int, rootIndex: Int, hasSingleRoot: Bool,
         rootService: Int64, rootName: Int64, services: [Int64]) {
        self.start = start
        self.end = end
        self.lastStart = lastStart
        self.spanCount = spanCount
        self.errorCount = errorCount
        self.rootIndex = rootIndex
        self.hasSingleRoot = hasSingleRoot
        self.rootService = rootService
        self.rootName = rootName
        self.services = services
    }

    /// From a trace in memory, mapping its string ids to the store's. O(spans).
    init(_ summary: TraceSummary, lastStart: Int64, mapping: inout SourceMapping) throws {
        start = summary.start.unixNanos
        end = summary.end.unixNanos
        self.lastStart = lastStart
        spanCount = summary.spanCount
        errorCount = summary.errorCount
        rootIndex = summary.rootIndex
        hasSingleRoot = summary.hasSingleRoot
        rootService = try mapping.storeID(summary.rootService)
        rootName = try mapping.storeID(summary.rootName)
        services = try summary.services.map { try mapping.storeID($0) }
    }

    /// From a trace's stored span facts, in any order. Mirrors `TraceSummary.init(_:)` on the
    /// spans ordered as a loaded trace orders them (start time, then span id). O(n log n).
    init(facts unsorted: [SpanFacts]) {
        let facts = unsorted.sorted { $0.start != $1.start ? $0.start < $1.start : $0.spanID < $1.spanID }
        spanCount = facts.count
        var rootCount = 0
        var firstRoot = 0
        var start = Int64.max
        var end = Int64.min
        var lastStart = Int64.min
        var errors = 0
        var services: [Int64] = []
        var seen = Set<Int64>()
        for (offset, span) in facts.enumerated() {
            if span.parentID == 0 {
                if rootCount == 0 { firstRoot = offset }
                rootCount += 1
            }
            start = min(start, span.start)
            end = max(end, span.end)
            lastStart = max(lastStart, span.start)
            if span.isError { errors += 1 }
            if seen.insert(span.service).inserted { services.append(span.service) }
        }
        hasSingleRoot = rootCount == 1
        rootIndex = rootCount == 1 ? firstRoot : 0
        let root = facts.isEmpty ? nil : facts[rootIndex]
        rootService = root?.service ?? 0
        rootName = root?.name ?? 0
        self.start = facts.isEmpty ? 0 : start
        self.end = facts.isEmpty ? 0 : end
        self.lastStart = facts.isEmpty ? 0 : lastStart
        errorCount = errors
        self.services = services
    }

    /// The `services` column: the ids as varints.
    var servicesBlob: [UInt8] {
        var writer = ByteWriter(capacity: services.count * 2)
        for id in services { writer.varint(UInt64(id)) }
        return writer.bytes
    }

    /// Decodes the `services` column. O(bytes).
    static func services(_ blob: UnsafeRawBufferPointer?) -> [Int64] {
        guard let blob else { return [] }
        var reader = ByteReader(blob)
        var ids: [Int64] = []
        while !reader.isAtEnd && reader.isValid { ids.append(Int64(bitPattern: reader.varint())) }
        return ids
    }
}
