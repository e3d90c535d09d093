import TraceModel

/// Runs every lint rule over traces, a table at a time, and writes the report: what `trex
/// lint` and the explorer's lint panel both read, so they find the same things.
///
/// Per trace, each rule looks at the spans and tallies what it sees by subject (a service
/// pair, an attribute, an operation). Rules that need the whole set (which services others
/// call, which peer names are which service) keep counts until `finish()`. Calls across traces
/// (broken propagation) are matched within a table, so a table should hold every trace that
/// may be involved: `TraceSetIndex` over it. O(spans) per table, plus the index.
public struct LintAccumulator: Sendable {
    var tallies = LintTallies()
    /// The broken-propagation calls already counted (their client spans).
    var countedCalls = Set<PropagationLint.CallID>()
    /// Calls seen connected, parent service → child service.
    var connectedCalls: [ServicePair: Int] = [:]
    /// The service that answered calls to a peer name, learnt from connected client calls.
    var peerServices: [String: String] = [:]
    /// The callers of each service, from connected calls.
    var callers: [String: [String]] = [:]
    /// Per service: SERVER spans, and the tally of those starting a trace without a remote
    /// parent (broken-propagation candidates excepted).
    var serverSpans: [String: Int] = [:]
    var rootServers: [String: LintTally] = [:]
    /// Childless, successful client calls per caller and peer name (candidates excepted).
    var childlessCalls: [ServicePair: LintTally] = [:]
    /// Distinct names per service and name shape (names embedding ids).
    var nameShapes: [ServicePair: Set<String>] = [:]
    var nameShapeTallies: [ServicePair: LintTally] = [:]
    /// Spans per service and operation, and the context-poor ones.
    var operationSpans: [ServicePair: Int] = [:]
    public private(set) var traceCount = 0
    public private(set) var spanCount = 0

    public init() {}

    /// Lints every trace of a table. `index` is the table's `TraceSetIndex` (built when nil).
    public mutating func add(_ table: SpanTable, index: TraceSetIndex? = nil) {
        add(table, traces: table.traces.indices, index: index)
    }

    /// Lints some traces of a table (the explorer's open trace), matching calls across every
    /// trace of the table.
    public mutating func add(_ table: SpanTable, traces: some Sequence<Int>, index: TraceSetIndex? = nil) {
        let index = index ?? TraceSetIndex(table)
        let traceIndices = Set(traces)
        var conventions = ConventionsLint(table: table)
        var context = ContextLint(table: table)
        var shapes = NameShapeLint.Shapes()
        var calls = PropagationLint.TableCounts(table: table)
        let candidates = PropagationLint.noteCandidates(index, of: traceIndices, into: &self)
        for t in traceIndices.sorted() {
            let traceContext = LintTraceContext(table.trace(at: t), index: index)
            traceCount += 1
            spanCount += traceContext.trace.spanCount
            PropagationLint.observe(traceContext, candidates: candidates, counts: &calls, into: &self)
            SamplingLint.observe(traceContext, into: &tallies)
            LoopLint.observe(traceContext, into: &tallies)
            NameShapeLint.observe(traceContext, shapes: &shapes, into: &self)
            conventions.observe(traceContext)
            context.observe(traceContext, into: &self)
        }
        context.flush(into: &self)
        calls.flush(into: &self)
        conventions.flush(into: &tallies)
    }

    /// Every finding, worst first, then the most frequent.
    public func finish() -> LintReport {
        var findings = tallies.all.compactMap(Self.message)
        findings += PropagationLint.finish(self)
        findings += NameShapeLint.finish(self)
        findings += ContextLint.finish(self)
        return LintReport(findings: findings, traces: traceCount, spans: spanCount)
    }

    /// The finding of a tally whose message needs nothing beyond it.
    private static func message(_ tally: LintTally) -> LintFinding? {
        switch tally.rule {
        case .brokenPropagation, .serverWithoutRemoteParent, .perServiceSampling, .highCardinalityName, .contextPoorSpan:
            return nil   // written by their rule's finish
        case .lostParent: return PropagationLint.lostParentFinding(tally)
        case .sampledFlagMismatch, .samplingPriorityDisagreement: return SamplingLint.finding(tally)
        case .spansInLoop: return LoopLint.finding(tally)
        case .deprecatedAttribute, .nonConventionalAttribute, .attributeType, .missingRequiredAttribute:
            return ConventionsLint.finding(tally)
        case .errorWithoutDetail: return ContextLint.errorFinding(tally)
        }
    }
}

/// Two names: caller and callee services, a service and an operation, a service and a shape.
struct ServicePair: Hashable, Sendable {
    var first: String
    var second: String
    init(_ first: String, _ second: String) {
        self.first = first
        self.second = second
    }
}

/// One trace as the rules read it: its spans, its tree and the set it was loaded with.
struct LintTraceContext {
    let trace: Trace
    let table: SpanTable
    let tree: TraceTree
    let index: TraceSetIndex

    init(_ trace: Trace, index: TraceSetIndex) {
        self.trace = trace
        table = trace.table
        tree = TraceTree(trace)
        self.index = index
    }

    func service(_ local: Int) -> String { LintTally.service(of: trace[local], in: table) }

    /// The local index of a span's parent in the trace, when it has one there.
    func parent(of local: Int) -> Int? {
        let p = tree.parent[local]
        return p >= 0 ? Int(p) : nil
    }
}
