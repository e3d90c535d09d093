import Foundation
import OTLPProto

/// OTLP export requests shaped like real SDKs write them: each span carries 10 to 20 attributes
/// of every type (HTTP, database, code and thread conventions), a third of them an event, some a
/// link or an error status, spread over three services with full resources. Ids are unique per
/// (seed, trace number), so separate senders never collide.
public enum OTLPRequestFactory {
    public typealias Request = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest

    /// The first trace's start, in Unix nanoseconds (2026-01-01T00:00:00Z).
    public static let epoch: UInt64 = 1_767_225_600_000_000_000

    /// A request with `traces` traces of `spansPerTrace` spans each, numbered from `firstTrace`.
    public static func request(traces: Int, spansPerTrace: Int, firstTrace: Int = 0, seed: UInt64 = 1) -> Request {
        let services = ["checkout", "payments", "inventory"]
        var bySevice: [[Opentelemetry_Proto_Trace_V1_Span]] = Array(repeating: [], count: services.count)
        for t in firstTrace..<(firstTrace + traces) {
            let traceID = id(seed, UInt64(t))
            let start = epoch + UInt64(t) * 1_000_000_000
            for s in 0..<spansPerTrace {
                var span = Opentelemetry_Proto_Trace_V1_Span()
                span.traceID = traceID
                span.spanID = spanID(trace: t, span: s)
                if s > 0 { span.parentSpanID = spanID(trace: t, span: (s - 1) / 3) }
                span.name = s == 0 ? "POST /api/checkout" : (s % 4 == 0 ? "SELECT orders" : "GET /api/item/\(s % 7)")
                span.kind = s == 0 ? .server : (s % 4 == 0 ? .client : .internal)
                span.startTimeUnixNano = start + UInt64(s) * 1_000_000
                span.endTimeUnixNano = span.startTimeUnixNano + UInt64(200_000_000 / (s + 1))
                span.attributes = attributes(trace: t, span: s)
                if s % 3 == 1 {
                    span.events = [.with {
                        $0.timeUnixNano = span.startTimeUnixNano + 500_000
                        $0.name = "exception"
                        $0.attributes = [kv("exception.type", "TimeoutError"),
                                         kv("exception.message", "upstream timed out after 250ms"),
                                         kv("exception.escaped", bool: false)]
                    }]
                }
                if s == 2 {
                    span.links = [.with {
                        $0.traceID = id(seed, UInt64(t) &+ 1_000_000)
                        $0.spanID = spanID(trace: t + 1_000_000, span: 0)
                        $0.attributes = [kv("link.reason", "batch")]
                    }]
                }
                if s == spansPerTrace - 1, t % 10 == 0 {
                    span.status = .with { $0.code = .error; $0.message = "payment declined" }
                } else if s == 0 {
                    span.status = .with { $0.code = .ok }
                }
                bySevice[s % services.count].append(span)
            }
        }
        return .with { request in
            request.resourceSpans = services.indices.compactMap { i in
                guard !bySevice[i].isEmpty else { return nil }
                return .with { rs in
                    rs.resource = .with { $0.attributes = resource(services[i]) }
                    rs.scopeSpans = [.with {
                        $0.scope = .with { $0.name = "io.opentelemetry.contrib.bench"; $0.version = "1.32.0" }
                        $0.spans = bySevice[i]
                    }]
                }
            }
        }
    }

    /// The serialized request.
    public static func bytes(traces: Int, spansPerTrace: Int, firstTrace: Int = 0, seed: UInt64 = 1) -> [UInt8] {
        (try? request(traces: traces, spansPerTrace: spansPerTrace, firstTrace: firstTrace, seed: seed).serializedBytes()) ?? []
    }

    static func attributes(trace t: Int, span s: Int) -> [Opentelemetry_Proto_Common_V1_KeyValue] {
        var list = [
            kv("http.request.method", s % 2 == 0 ? "POST" : "GET"),
            kv("url.full", "https://shop.example.com/api/item/\(s % 7)?session=\(t)"),
            kv("http.response.status_code", int: s % 9 == 8 ? 503 : 200),
            kv("server.address", "shop.example.com"),
            kv("server.port", int: 443),
            kv("network.protocol.version", "1.1"),
            kv("user_agent.original", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"),
            kv("thread.id", int: Int64(40 + s % 8)),
            kv("thread.name", "worker-\(s % 8)"),
            kv("code.function", "handle\(s % 5)"),
            kv("code.filepath", "/srv/app/handlers/item.py"),
            kv("code.lineno", int: Int64(100 + s)),
            kv("session.retry", bool: s % 5 == 0),
            kv("cache.hit_ratio", double: Double(s % 10) / 10),
        ]
        if s % 4 == 0 {
            list += [kv("db.system", "postgresql"), kv("db.namespace", "orders"),
                     kv("db.query.text", "SELECT id, total FROM orders WHERE customer_id = $1 LIMIT 50"),
                     kv("db.response.returned_rows", int: Int64(s * 3))]
        }
        if s % 2 == 1 {
            list.append(.with {
                $0.key = "app.feature_flags"
                $0.value = .with { $0.arrayValue = .with { $0.values = ["new-cart", "fast-pay"].map { v in .with { $0.stringValue = v } } } }
            })
        }
        return list
    }

    static func resource(_ service: String) -> [Opentelemetry_Proto_Common_V1_KeyValue] {
        [kv("service.name", service), kv("service.version", "2.14.1"), kv("service.namespace", "shop"),
         kv("deployment.environment.name", "staging"), kv("host.name", "\(service)-7d9f8b6c4-x2kqz"),
         kv("process.pid", int: 4242), kv("process.runtime.name", "cpython"),
         kv("telemetry.sdk.language", "python"), kv("telemetry.sdk.name", "opentelemetry"),
         kv("telemetry.sdk.version", "1.32.0")]
    }

    /// 16 bytes: `high` (never zero) then `low`, big-endian.
    static func id(_ high: UInt64, _ low: UInt64) -> Data {
        Data(bigEndian(high | 1) + bigEndian(low))
    }

    /// 8 bytes, never zero, unique within a trace.
    static func spanID(trace t: Int, span s: Int) -> Data {
        Data(bigEndian(UInt64(truncatingIfNeeded: t) << 32 | UInt64(s + 1)))
    }

    static func bigEndian(_ value: UInt64) -> [UInt8] {
        stride(from: 56, through: 0, by: -8).map { UInt8(truncatingIfNeeded: value >> UInt64($0)) }
    }

    static func kv(_ key: String, _ value: String) -> Opentelemetry_Proto_Common_V1_KeyValue {
        .with { $0.key = key; $0.value = .with { $0.stringValue = value } }
    }

    static func kv(_ key: String, int: Int64) -> Opentelemetry_Proto_Common_V1_KeyValue {
        .with { $0.key = key; $0.value = .with { $0.intValue = int } }
    }

    static func kv(_ key: String, bool: Bool) -> Opentelemetry_Proto_Common_V1_KeyValue {
        .with { $0.key = key; $0.value = .with { $0.boolValue = bool } }
    }

    static func kv(_ key: String, double: Double) -> Opentelemetry_Proto_Common_V1_KeyValue {
        .with { $0.key = key; $0.value = .with { $0.doubleValue = double } }
    }
}
