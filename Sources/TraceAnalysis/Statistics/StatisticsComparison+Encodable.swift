/// JSON for `trex stats --compare/--windows --json`: {operations: [...], services: [...]}, each
/// row {service, operation?, before: <stats row>|null, after: ..., duration: {p50: {before,
/// after, change, verdict}, ..., max}, selfTime: {...}}; nanoseconds; `change` is after/before
/// − 1 (absent when before is 0); verdict regressed, improved, noise, too-few-spans or
/// not-judged (the maximum).
extension StatisticsComparison: Encodable {
    private enum Keys: String, CodingKey { case operations, services }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(operations, forKey: .operations)
        try c.encode(services, forKey: .services)
    }
}

extension StatisticsComparison.Row: Encodable {
    private enum Keys: String, CodingKey { case service, operation, before, after, duration, selfTime }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(service, forKey: .service)
        try c.encodeIfPresent(operation, forKey: .operation)
        try c.encode(before, forKey: .before)
        try c.encode(after, forKey: .after)
        try c.encode(duration, forKey: .duration)
        try c.encode(selfTime, forKey: .selfTime)
    }
}

extension StatisticsComparison.Changes: Encodable {
    private enum Keys: String, CodingKey { case p50, p90, p95, p99, max }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(p50, forKey: .p50)
        try c.encode(p90, forKey: .p90)
        try c.encode(p95, forKey: .p95)
        try c.encode(p99, forKey: .p99)
        try c.encode(max, forKey: .max)
    }
}

extension PercentileChange: Encodable {
    private enum Keys: String, CodingKey { case before, after, change, verdict }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(before, forKey: .before)
        try c.encode(after, forKey: .after)
        try c.encodeIfPresent(relativeChange, forKey: .change)
        try c.encode(verdict, forKey: .verdict)
    }
}
