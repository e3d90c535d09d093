import TraceModel

/// What a compiled test reads while it runs over one trace: the table's flat arrays as
/// buffers (no bounds checks or reference counting in the hot loop) and the per-trace
/// structures the query needs, computed once for the trace.
struct EvalFrame {
    let spans: UnsafeBufferPointer<Span>
    let attributes: UnsafeBufferPointer<Attribute>
    /// The global index of the trace's first span; local index = global - base.
    let base: Int
    /// Present when the query needs depth, self time or structure.
    let tree: TraceTree?
    /// Present when the query uses `selftime`, by local index.
    let selfTimes: [Nanoseconds]
    /// Present when the query uses a `trace.` field.
    let summary: TraceSummary?
    /// Present when the query uses `trace:problem`.
    let problems: TraceProblems?
    /// The trace being evaluated (for a pipeline inside a spanset expression).
    let trace: Trace
    /// With `summary`: the global index of the trace's first span without a parent, if any.
    let root: Int?
}
