import TraceModel

extension SpanTable {
    /// The first of `keys` (a key and its renamed aliases) a span has in a scope: `.span`, its
    /// resource's for `.resource`, the span's then the resource's for `.any`; nil for the other
    /// scopes, which need more than the span. O(attributes of the span and its resource).
    @inline(__always)
    func attribute(_ keys: [StringID], scope: AttributeScope, of span: Span) -> Attribute? {
        if scope == .span || scope == .any {
            for k in keys { if let a = attribute(k, in: span.attributes) { return a } }
        }
        if scope == .resource || scope == .any {
            let resource = resources[Int(span.resource)].attributes
            for k in keys { if let a = attribute(k, in: resource) { return a } }
        }
        return nil
    }
}
