import TraceModel
import TraceStore

/// Runs one search page by page: each page asks for the most recent traces of the window, at
/// most `pageSize`; the next page asks for those older than the oldest trace the page brought,
/// until the search's limit is reached (counting traces new to this search), the backend has no
/// more (a page short of the size, or a window that no longer moves), or the search is
/// cancelled.
///
/// A backend's window is in whole granules (`RemoteBackend.timeGranularity`: Tempo's seconds),
/// so a page after the first takes in the granule of the oldest trace seen again: it asks for as
/// many traces more as were seen in that granule, and a backend listing ids first fetches none of
/// them again (`RemoteSearch.seen`).
struct RemotePager {
    let backend: any RemoteBackend
    let pageSize: Int
    /// How the answers are named in decoding messages: `jaeger+http://host:16686`.
    let sourceName: String

    /// Runs `search`. `add` takes each page's traces and returns how many were new to the
    /// source.
    func run(_ search: RemoteSearch, add: (SpanTable) -> Int, progress: (Int) -> Void,
             isCancelled: () -> Bool) throws(RemoteError) -> SearchOutcome {
        var outcome = SearchOutcome(backend: backend.name, searched: backend.searched(search))
        outcome.hadQuery = search.queryText != nil
        // Each trace this search brought, with its start.
        var seen: [TraceID: Timestamp] = [:]
        if isCancelled() { outcome.cancelled = true; return outcome }
        for part in try backend.parts(of: search) {
            var page = part
            var partFound = 0
            // Traces seen that the next page's window takes in again (its last granule).
            var overlap = 0
            var pagesOfPart = 0
            // A bound whatever the backend answers: each page must bring something new or end.
            let maxPagesPerPart = part.limit / max(1, pageSize) * 4 + 10
            while partFound < part.limit, outcome.found < search.limit {
                if isCancelled() {
                    outcome.cancelled = true
                    return outcome
                }
                page.limit = min(pageSize, part.limit - partFound, search.limit - outcome.found) + overlap
                page.seen = Set(seen.keys)
                let answer = try backend.page(page)
                outcome.pages += 1
                // Cancelled while the page was on its way: it is dropped, the search ends as it was.
                if isCancelled() {
                    outcome.cancelled = true
                    return outcome
                }
                var builder = SpanTableBuilder()
                for document in answer.documents where !document.isEmpty {
                    outcome.warnings += RemoteSource.decode(document, source: "\(sourceName) search page \(outcome.pages)", into: &builder)
                }
                let table = builder.finish()
                let listing = TraceCatalog(table: table).traceListing(overlapping: nil)
                let fresh = listing.summaries.filter { seen[$0.traceID] == nil }
                for summary in fresh { seen[summary.traceID] = summary.start }
                partFound += fresh.count
                outcome.found += fresh.count
                outcome.new += add(table)
                progress(outcome.found)
                // The backend has no more when a page comes short; a page of traces seen already
                // (Jaeger's services share traces) goes on to older ones, as long as the window
                // moves.
                let answered = answer.listed ?? listing.count
                pagesOfPart += 1
                guard answered >= page.limit, pagesOfPart < maxPagesPerPart, let oldest = listing.summaries.map(\.start).min(),
                      oldest > page.window.lowerBound, oldest.unixNanos - 1 < page.window.upperBound.unixNanos else { break }
                let upper = Timestamp(unixNanos: oldest.unixNanos - 1)
                page.window = page.window.lowerBound...upper
                let granule = backend.timeGranularity
                let granuleStart = upper.unixNanos - ((upper.unixNanos % granule) + granule) % granule
                overlap = seen.values.count { $0.unixNanos >= granuleStart && $0.unixNanos < granuleStart + granule }
            }
        }
        return outcome
    }
}
