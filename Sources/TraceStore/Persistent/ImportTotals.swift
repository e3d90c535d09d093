/// What an import did: counts for progress displays and the closing summary line.
public struct ImportTotals: Sendable, Hashable {
    /// Spans offered to the store (every span of every imported table).
    public var spansRead = 0
    /// Spans inserted or changed; the rest were already stored exactly as offered.
    public var spansWritten = 0
    /// Traces offered (a trace split over several tables counts once per table).
    public var traces = 0
    /// Traces the store did not have before.
    public var tracesCreated = 0
    /// Traces the store had, whose spans changed (their summaries were recomputed).
    public var tracesUpdated = 0
    /// Committed transactions.
    public var batches = 0

    public init() {}

    /// Spans that were already stored exactly as offered.
    public var spansUnchanged: Int { spansRead - spansWritten }

    public static func + (a: ImportTotals, b: ImportTotals) -> ImportTotals {
        var sum = a
        sum.spansRead += b.spansRead
        sum.spansWritten += b.spansWritten
        sum.traces += b.traces
        sum.tracesCreated += b.tracesCreated
        sum.tracesUpdated += b.tracesUpdated
        sum.batches += b.batches
        return sum
    }
}
