/// JSON for `trex deps --json`: {caller, callee, kind, calls, errors, p95Nanos}.
extension DependencyEdge: Encodable {
    private enum Keys: String, CodingKey {
        case caller, callee, kind, calls, errors, p95Nanos
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(caller, forKey: .caller)
        try c.encode(callee, forKey: .callee)
        try c.encode(kind, forKey: .kind)
        try c.encode(calls, forKey: .calls)
        try c.encode(errors, forKey: .errors)
        try c.encode(p95.value, forKey: .p95Nanos)
    }
}
