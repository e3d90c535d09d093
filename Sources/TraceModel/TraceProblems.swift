/// The kinds of trouble a trace shows at a glance: what the trace list marks per trace and
/// what `trace:problem = "clock-skew"` filters on.
///
/// The model only names them; `TraceAnalysis` finds them (`TraceProblems(diagnostics:rootCause:)`),
/// from the same report `trex analyze` prints, so the list's marks and the analysis agree.
public struct TraceProblems: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Errors, with the spans where they started (the report's error origins).
    public static let errorOrigin = TraceProblems(rawValue: 1 << 0)
    /// A child on another host starts before its parent or ends after it.
    public static let clockSkew = TraceProblems(rawValue: 1 << 1)
    /// Orphans (parents not in the trace) or a partial trace (saved before it finished, or
    /// its top missing).
    public static let missingSpans = TraceProblems(rawValue: 1 << 2)
    /// Sequential repeated calls where one batched call would do.
    public static let nPlusOne = TraceProblems(rawValue: 1 << 3)
    /// Many children running at once.
    public static let fanOut = TraceProblems(rawValue: 1 << 4)
    /// A root server span that probably continues a client call of another trace.
    public static let brokenPropagation = TraceProblems(rawValue: 1 << 5)
    /// A child that ends after its parent.
    public static let outlivingChildren = TraceProblems(rawValue: 1 << 6)

    /// Every problem, in the order the list's marks show them.
    public static let all: [TraceProblems] = [.errorOrigin, .clockSkew, .missingSpans, .nPlusOne, .fanOut,
                                             .brokenPropagation, .outlivingChildren]

    /// The name a query uses (`trace:problem = "clock-skew"`), for a single problem.
    public var name: String {
        switch self {
        case .errorOrigin: "error"
        case .clockSkew: "clock-skew"
        case .missingSpans: "missing-spans"
        case .nPlusOne: "n-plus-one"
        case .fanOut: "fan-out"
        case .brokenPropagation: "broken-propagation"
        case .outlivingChildren: "outliving-children"
        default: elements.map(\.name).joined(separator: ",")
        }
    }

    /// The letter the trace list shows for a single problem, in its slot.
    public var mark: Character {
        switch self {
        case .errorOrigin: "E"
        case .clockSkew: "S"
        case .missingSpans: "M"
        case .nPlusOne: "N"
        case .fanOut: "F"
        case .brokenPropagation: "B"
        case .outlivingChildren: "O"
        default: "?"
        }
    }

    /// What a single problem means, in a few words (the legend's and the docs' text).
    public var meaning: String {
        switch self {
        case .errorOrigin: "errors, and the spans where they started"
        case .clockSkew: "a child on another host outside its parent"
        case .missingSpans: "orphans, or a partial trace"
        case .nPlusOne: "repeated sequential calls (N+1)"
        case .fanOut: "many calls at once"
        case .brokenPropagation: "the request continues in another trace"
        case .outlivingChildren: "children that end after their parent"
        default: elements.map(\.meaning).joined(separator: "; ")
        }
    }

    /// The single problem a query name stands for (any case).
    public init?(named name: String) {
        guard let found = Self.all.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = found
    }

    /// The single problems in this set, in `all`'s order.
    public var elements: [TraceProblems] { Self.all.filter { contains($0) } }

    /// How many problems the set holds.
    public var count: Int { rawValue.nonzeroBitCount }

    /// Orders sets for "most troubled first": more problems first, then the more serious
    /// (earlier in `all`) first. Larger is more troubled.
    public var severityKey: Int {
        var weight = 0
        for (position, problem) in Self.all.enumerated() where contains(problem) { weight |= 1 << (Self.all.count - 1 - position) }
        return count << Self.all.count | weight
    }
}
