import TraceQuery

/// A condition on a dictionary-encoded string field (service, span name, root service, root
/// name) that the store resolves to the set of string ids satisfying it.
public enum StoredStringCondition: Sendable, Hashable {
    /// Equal to one of these.
    case oneOf([String])
    /// `op literal` with the query language's semantics (`ComparisonOperator.textTest`):
    /// resolved against every distinct value the store holds for the field.
    case comparison(ComparisonOperator, String)

    /// Whether a value satisfies the condition; nil for a pattern that does not compile.
    func test() -> ((String) -> Bool)? {
        switch self {
        case .oneOf(let values):
            let set = Set(values)
            return { set.contains($0) }
        case .comparison(let op, let literal):
            return op.textTest(literal)
        }
    }
}
