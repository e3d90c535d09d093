/// The kinds of diagnostic, with the names the CLI's JSON uses.
public enum DiagnosticKind: String, Sendable, Hashable, CaseIterable, Encodable {
    /// A child on another host starts before its parent or ends after it.
    case clockSkew = "clock-skew"
    /// A span whose parent id is not in the trace.
    case orphan = "orphan"
    /// More than one span without a parent id.
    case multipleRoots = "multiple-roots"
    /// Spans sharing one span id (shared client/server halves, or true duplicates).
    case duplicateSpanID = "duplicate-span-id"
    /// A negative or zero duration.
    case badDuration = "bad-duration"
    /// A child that ends after its parent.
    case outlivesParent = "outlives-parent"
    /// Sequential repeated calls where one batched call would do.
    case nPlusOne = "n-plus-one"
    /// Many children running at once.
    case fanOut = "fan-out"
    /// The trace was saved before it finished, or its top is missing.
    case partialTrace = "partial-trace"
    /// A root server span that probably continues a client call recorded in another trace.
    case brokenPropagation = "broken-propagation"
    /// Parent links that form a loop (cut by the tree).
    case parentCycle = "parent-cycle"
}

/// How much a diagnostic should worry the reader.
public enum DiagnosticSeverity: String, Sendable, Hashable, Comparable, Encodable {
    /// Worth knowing; often expected (an asynchronous child outliving its parent).
    case info
    /// The trace, or the system, is probably wrong here.
    case warning

    public static func < (a: Self, b: Self) -> Bool { a == .info && b == .warning }
}
