/// JSON for `trex stats --json`: {service, operation?, count, errors, errorRate,
/// durationNanos: {p50, p90, p95, p99, max}, selfTimeNanos: {...}}.
extension OperationStatistics: Encodable {
    private enum Keys: String, CodingKey {
        case service, operation, count, errors, errorRate, durationNanos, selfTimeNanos
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(service, forKey: .service)
        try c.encodeIfPresent(operation, forKey: .operation)
        try c.encode(count, forKey: .count)
        try c.encode(errorCount, forKey: .errors)
        try c.encode(errorRate, forKey: .errorRate)
        try c.encode(duration, forKey: .durationNanos)
        try c.encode(selfTime, forKey: .selfTimeNanos)
    }
}
