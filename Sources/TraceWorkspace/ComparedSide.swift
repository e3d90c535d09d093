import TraceAnalysis
import TraceModel

/// One side of a trace comparison (`trex compare`, the explorer's compare screen): a trace, or
/// the median of the traces with a trace's root operation.
public struct ComparedSide: Sendable {
    /// The short name in column titles and markers: `A`, `B`, `BASE`, `TRACE`.
    public let name: String
    /// What it is, for the header (raw trace data: escaped where it is printed).
    public let description: String
    /// The traces it stands for.
    public let traceIDs: [TraceID]
    /// The trace folded by path (for a baseline, the median tree).
    public let tree: OperationTree

    /// A single trace: `trace 4bf92f35…: frontend GET /checkout`.
    public init(name: String, trace: Trace) {
        let summary = TraceSummary(trace)
        self.name = name
        description = "trace \(trace.shownID): \(trace.table.strings[summary.rootService]) \(trace.table.strings[summary.rootName])"
        traceIDs = [trace.id]
        tree = OperationTree(trace)
    }

    /// The baseline: the median of the trees of the traces `selection` chose.
    public init(name: String, baseline selection: BaselineSelection, trees: [OperationTree]) {
        self.name = name
        let root = selection.rootOperation
        let of = selection.matching > trees.count ? " (the nearest in time of \(NumberFormat.grouped(selection.matching)))" : ""
        description = "median of \(NumberFormat.count(trees.count, "trace"))\(of) with root \(root.service) \(root.name)"
        traceIDs = selection.ids
        tree = OperationTree(medianOf: trees)
    }

    /// `A: trace 4bf9…: frontend GET /checkout — 17 spans, 1.21s, critical path 1.21s` (raw
    /// trace data: escape it where it is printed).
    public var headline: String {
        let f = tree.figures
        let median = f.traceCount > 1 ? "median " : ""
        return "\(name): \(description) — \(median)\(NumberFormat.count(f.spanCount, "span")), "
            + "\(DurationFormat.string(f.duration)), critical path \(DurationFormat.string(f.criticalPathLength))"
    }
}

extension TraceComparison {
    /// `B - A: duration +90ms (+8.2%), critical path +90ms, spans +1`: how much B differs overall.
    public func differenceLine(a: ComparedSide, b: ComparedSide) -> String {
        let fa = self.a, fb = self.b
        var out = "\(b.name) - \(a.name): duration \(Self.signed(fb.duration - fa.duration))"
        if fa.duration > .zero { out += " (\(Self.percent((fb.duration - fa.duration).ratio(to: fa.duration))))" }
        out += ", critical path \(Self.signed(fb.criticalPathLength - fa.criticalPathLength))"
        out += ", spans \(fb.spanCount - fa.spanCount > 0 ? "+" : "")\(NumberFormat.grouped(fb.spanCount - fa.spanCount))"
        return out
    }

    /// A path's operation as shown: `checkout POST /api/charge`, `[parent not in trace]`.
    public static func label(_ key: OperationKey) -> String {
        if key.isMissingParent { return "[parent not in trace]" }
        return (key.service.isEmpty ? "(no service)" : key.service) + " " + key.name
    }

    /// A difference with its sign: `+10ms`, `-4ms`, `0`.
    public static func signed(_ d: Nanoseconds, ascii: Bool = false) -> String {
        d > .zero ? "+" + DurationFormat.string(d, ascii: ascii) : DurationFormat.string(d, ascii: ascii)
    }

    /// A ratio as a signed percentage: `+167%`, `-4.5%` (one decimal under 10%), `0%`.
    public static func percent(_ ratio: Double) -> String {
        let p = ratio * 100
        if p == 0 { return "0%" }
        let sign = p > 0 ? "+" : "-"
        let size = abs(p)
        if size < 10 { return sign + NumberFormat.oneDecimal(size) + "%" }
        // A ratio of nanosecond counts can exceed any Int (1 ns against hours); such a change is
        // past reading anyway.
        if size >= 1e12 { return sign + ">" + NumberFormat.grouped(1_000_000_000_000) + "%" }
        return sign + NumberFormat.grouped(Int(size.rounded())) + "%"
    }
}
