/// The role of a span in a request, as OpenTelemetry defines it (`SpanKind` in trace.proto).
public enum SpanKind: UInt8, Sendable, CaseIterable {
    case unspecified = 0
    case `internal` = 1
    case server = 2
    case client = 3
    case producer = 4
    case consumer = 5

    /// The upper-case name used by OTLP JSON without its prefix: SERVER, CLIENT ...
    public var name: String {
        switch self {
        case .unspecified: "UNSPECIFIED"
        case .internal: "INTERNAL"
        case .server: "SERVER"
        case .client: "CLIENT"
        case .producer: "PRODUCER"
        case .consumer: "CONSUMER"
        }
    }

    /// Accepts `SERVER`, `server`, `SPAN_KIND_SERVER`, `Server` and the OTLP integers.
    public init?(name: some StringProtocol) {
        var upper = name.uppercased()
        if upper.hasPrefix("SPAN_KIND_") { upper.removeFirst(10) }
        if let n = UInt8(upper), let kind = SpanKind(rawValue: n) { self = kind; return }
        guard let kind = SpanKind.allCases.first(where: { $0.name == upper }) else { return nil }
        self = kind
    }
}

/// A span's status code (`Status.StatusCode` in trace.proto).
public enum StatusCode: UInt8, Sendable, CaseIterable {
    case unset = 0
    case ok = 1
    case error = 2

    public var name: String {
        switch self {
        case .unset: "UNSET"
        case .ok: "OK"
        case .error: "ERROR"
        }
    }

    /// Accepts `ERROR`, `error`, `STATUS_CODE_ERROR` and the OTLP integers.
    public init?(name: some StringProtocol) {
        var upper = name.uppercased()
        if upper.hasPrefix("STATUS_CODE_") { upper.removeFirst(12) }
        if let n = UInt8(upper), let code = StatusCode(rawValue: n) { self = code; return }
        guard let code = StatusCode.allCases.first(where: { $0.name == upper }) else { return nil }
        self = code
    }
}
