/// A pipeline stage as written, before checking: `avg(duration) > 20ms`, `by(service)`.
struct StageSyntax {
    let name: Token
    let arguments: [Token]
    let close: Token
    let comparison: (op: ComparisonOperator, opToken: Token, value: Token)?

    var range: SourceRange {
        name.range.union(comparison.map { $0.value.range } ?? close.range)
    }
}
