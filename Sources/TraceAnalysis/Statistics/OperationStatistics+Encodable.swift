/// JSON for `trex stats --json`: {service, operation?, count, errors, errorRate,
/// durationNanos: {p50, p90, p95, p99, max}, selfTimeNanos: {...}, criticalNanos, criticalShare,
/// approximate?} (`approximate`:
/// true when the row's percentiles are within 0.5%, for rows of more than 65,536 spans).
extension OperationStatistics: Encodable {
    private enum Keys: String, CodingKey {
        case service, operation, count, errors, errorRate, durationNanos, selfTimeNanos, criticalNanos, criticalShare
        case approximate
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
        try c.encode(criticalTime.value, forKey: .criticalNanos)
        try c.encode(criticalShare, forKey: .criticalShare)
        if isApproximate { try c.encode(true, forKey: .approximate) }
    }
}
