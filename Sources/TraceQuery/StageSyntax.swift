/// A pipeline stage as written, before checking: `avg(duration) > 20ms`, `by(service)`,
/// `{ duration > 1s }`, `rate() by (resource.service.name)`, `topk(5)`.
struct StageSyntax {
    /// An argument of a call: a field or a number, or a spanset (`compare({ status = error })`).
    enum Argument {
        case token(Token)
        case spanset(Syntax)
        /// A computed value: `max(1 + .a)`, `by(3 * .field - 2)`.
        case value(ValueSyntax)

        var range: SourceRange {
            switch self {
            case .token(let t): t.range
            case .spanset(let s): s.range
            case .value(let v): v.range
            }
        }
    }

    enum Kind {
        /// `name(arguments) [by (fields)] [op value]`.
        case call(name: Token, arguments: [Argument], close: Token, by: [Token]?, byRange: SourceRange?)
        /// `{ ... }` (or spansets combined) filtering each set of the pipeline.
        case spanset(Syntax)
    }

    let kind: Kind
    let comparison: (op: ComparisonOperator, opToken: Token, value: Token)?

    /// True for a metrics function (`rate()`, `quantile_over_time(...)` ...).
    var isMetrics: Bool {
        guard case .call(let name, _, _, _, _) = kind else { return false }
        return MetricsFunction.names.contains(name.text.lowercased())
    }

    var range: SourceRange {
        switch kind {
        case .spanset(let s): return s.range
        case .call(let name, _, let close, _, let byRange):
            return name.range.union(comparison.map { $0.value.range } ?? byRange ?? close.range)
        }
    }
}

/// `with(name = value, ...)` at the end of a query: hints to Tempo's query planner.
public struct QueryHint: Sendable, Hashable {
    public var name: String
    /// The value as written (`true`, `0.1`, `"x"`).
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
