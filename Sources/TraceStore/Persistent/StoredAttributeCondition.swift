import TraceQuery

/// "The span's attribute `key` equals one of `values`" (or, with a textual operator, "matches
/// the regex", "contains the text"), as the query language compares attributes (numbers held in
/// strings compare numerically, renamed OpenTelemetry keys are looked up too), for the store to
/// test inside SQLite on the attribute blocks.
public struct StoredAttributeCondition: Sendable, Hashable {
    /// `.span` or `.any` (the span's attribute, else its resource's); the other scopes are not
    /// pushed down.
    public var scope: AttributeScope
    public var key: String
    /// `.equal`, or one of the textual operators `=~ !~ contains`.
    public var op: ComparisonOperator
    /// Strings, integers, floats or booleans (IN gives several); one string for a textual
    /// operator.
    public var values: [QueryValue]

    public init(scope: AttributeScope, key: String, op: ComparisonOperator = .equal, values: [QueryValue]) {
        self.scope = scope
        self.key = key
        self.op = op
        self.values = values
    }
}
