/// The top of a query: a set of spans chosen by a condition, or two spansets combined.
///
/// A bare condition (`duration > 5s`) and the same condition in braces (`{ duration > 5s }`)
/// are the same `.filter`. Equality ignores source ranges.
public struct SpansetExpression: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        /// The spans of a trace that satisfy a condition.
        case filter(SpanPredicate)
        /// Two spansets combined (`{A} && {B}`, `{A} >> {B}` ...); see `SpansetOperator` for
        /// which spans each operator reports.
        case combine(SpansetOperator, SpansetExpression, SpansetExpression)
        /// `({ a } | count() > 1 | { b })`: the spans a pipeline leaves, as a spanset operand.
        case pipeline(SpansetExpression, [PipelineStage])
    }

    public var kind: Kind
    /// From the first to the last character of the expression.
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    public static func == (a: SpansetExpression, b: SpansetExpression) -> Bool { a.kind == b.kind }
    public func hash(into hasher: inout Hasher) { hasher.combine(kind) }
}
