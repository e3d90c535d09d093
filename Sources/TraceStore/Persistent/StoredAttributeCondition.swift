import TraceQuery

/// "The span's attribute `key` equals one of `values`", as the query language compares
/// attributes (numbers held in strings compare numerically, renamed OpenTelemetry keys are
/// looked up too), for the store to test inside SQLite on the attribute blocks.
public struct StoredAttributeCondition: Sendable, Hashable {
    /// `.span` or `.any` (the span's attribute, else its resource's); `.resource` conditions
    /// are not pushed down.
    public var scope: AttributeScope
    public var key: String
    /// Strings, integers, floats or booleans (IN gives several).
    public var values: [QueryValue]

    public init(scope: AttributeScope, key: String, values: [QueryValue]) {
        self.scope = scope
        self.key = key
        self.values = values
    }
}
