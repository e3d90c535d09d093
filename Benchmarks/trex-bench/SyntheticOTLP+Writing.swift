/// A byte buffer with the few JSON writers the generator needs.
struct JSONBytes {
    var bytes: [UInt8] = []

    init(capacity: Int = 5 << 20) { bytes.reserveCapacity(capacity) }

    @inline(__always) mutating func raw(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: s.utf8)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func int(_ v: Int64) {
        var v = v
        if v < 0 {
            bytes.append(UInt8(ascii: "-"))
            v = -v
        }
        let first = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(v % 10))
            v /= 10
        } while v > 0
        bytes[first...].reverse()
    }

    mutating func hex(_ v: UInt64) {
        let table = Array("0123456789abcdef".utf8)
        for i in (0..<16).reversed() { bytes.append(table[Int((v >> UInt64(i * 4)) & 0xF)]) }
    }

    mutating func attribute(_ key: StaticString, _ value: String, comma: Bool = true) {
        if comma { raw(",") }
        raw("{\"key\":\"")
        raw(key)
        raw("\",\"value\":{\"stringValue\":")
        string(value)
        raw("}}")
    }

    mutating func attribute(_ key: StaticString, int value: Int64) {
        raw(",{\"key\":\"")
        raw(key)
        raw("\",\"value\":{\"intValue\":\"")
        int(value)
        raw("\"}}")
    }

    mutating func attribute(_ key: StaticString, bool value: Bool) {
        raw(",{\"key\":\"")
        raw(key)
        raw(value ? "\",\"value\":{\"boolValue\":true}}" : "\",\"value\":{\"boolValue\":false}}")
    }

    mutating func attribute(_ key: StaticString, double value: Double) {
        raw(",{\"key\":\"")
        raw(key)
        raw("\",\"value\":{\"doubleValue\":")
        bytes.append(contentsOf: "\(value)".utf8)
        raw("}}")
    }
}

extension Generator {
    typealias S = SyntheticOTLP

    /// Writes a trace as lines of at most `spansPerLine` spans, grouped by service. Returns
    /// the number of lines.
    mutating func writeLines(_ trace: S.SyntheticTrace, spansPerLine: Int, into out: inout JSONBytes) -> Int {
        var lines = 0
        var chunkStart = 0
        while chunkStart < trace.spans.count {
            let chunk = trace.spans[chunkStart..<min(chunkStart + spansPerLine, trace.spans.count)]
            var byService: [Int: [S.SyntheticSpan]] = [:]
            for s in chunk { byService[s.service, default: []].append(s) }
            out.raw("{\"resourceSpans\":[")
            for (n, service) in byService.keys.sorted().enumerated() {
                if n > 0 { out.raw(",") }
                writeResourceSpans(service: service, spans: byService[service]!, trace: trace, into: &out)
            }
            out.raw("]}\n")
            lines += 1
            chunkStart += spansPerLine
        }
        return lines
    }

    private mutating func writeResourceSpans(service: Int, spans: [S.SyntheticSpan], trace: S.SyntheticTrace,
                                             into out: inout JSONBytes) {
        let name = S.services[service]
        out.raw("{\"resource\":{\"attributes\":[")
        out.attribute("service.name", name, comma: false)
        out.attribute("service.version", "2.\(service % 4).\(service * 7 % 10)")
        out.attribute("deployment.environment", "production")
        out.attribute("host.name", "\(name)-\(service * 31 % 7)")
        out.attribute("telemetry.sdk.language", service % 3 == 0 ? "go" : service % 3 == 1 ? "java" : "python")
        out.attribute("telemetry.sdk.version", "1.24.0")
        out.raw("]},\"scopeSpans\":[{\"scope\":{\"name\":\"io.opentelemetry.instrumentation\",\"version\":\"1.32.0\"},\"spans\":[")
        for (i, span) in spans.enumerated() {
            if i > 0 { out.raw(",") }
            writeSpan(span, trace: trace, into: &out)
        }
        out.raw("]}],\"schemaUrl\":\"https://opentelemetry.io/schemas/1.21.0\"}")
    }

    private mutating func writeSpan(_ span: S.SyntheticSpan, trace: S.SyntheticTrace, into out: inout JSONBytes) {
        out.raw("{\"traceId\":\"")
        out.hex(trace.high)
        out.hex(trace.low)
        out.raw("\",\"spanId\":\"")
        out.hex(span.id)
        if span.parent != 0 {
            out.raw("\",\"parentSpanId\":\"")
            out.hex(span.parent)
        }
        out.raw("\",\"name\":")
        out.string(name(of: span))
        out.raw(",\"kind\":")
        switch span.type {
        case .server: out.raw("2")
        case .client, .database: out.raw("3")
        case .producer: out.raw("4")
        case .consumer: out.raw("5")
        case .internal: out.raw("1")
        }
        out.raw(",\"startTimeUnixNano\":\"")
        out.int(span.start)
        out.raw("\",\"endTimeUnixNano\":\"")
        out.int(span.end)
        out.raw("\",\"attributes\":[")
        writeAttributes(span, into: &out)
        out.raw("]")
        if chance(10) { writeEvents(span, into: &out) }
        if span.error {
            out.raw(",\"status\":{\"code\":2,\"message\":")
            out.string(pick(S.errors))
            out.raw("}")
        } else {
            out.raw(",\"status\":{}")
        }
        out.raw("}")
    }

    private mutating func name(of span: S.SyntheticSpan) -> String {
        switch span.type {
        case .server: return "\(pick(S.methods)) \(pick(S.routes))"
        case .client: return "HTTP \(pick(S.methods))"
        case .database: return "\(pick(S.operations)) \(pick(S.tables))"
        case .producer: return "\(pick(S.topics)) publish"
        case .consumer: return "\(pick(S.topics)) process"
        case .internal: return pick(S.functions)
        }
    }

    private mutating func writeAttributes(_ span: S.SyntheticSpan, into out: inout JSONBytes) {
        out.attribute("thread.id", "\(1 + below(64))", comma: false)
        out.attribute("code.function", pick(S.functions))
        switch span.type {
        case .server:
            let status = span.error ? [500, 503, 404, 401][below(4)] : 200
            out.attribute("http.request.method", pick(S.methods))
            out.attribute("http.route", pick(S.routes))
            out.attribute("url.path", "/api/orders/\(below(100_000))")
            out.attribute("url.scheme", "https")
            out.attribute("http.response.status_code", int: Int64(status))
            out.attribute("server.address", "\(S.services[span.service]).svc.cluster.local")
            out.attribute("server.port", int: 8080)
            out.attribute("client.address", "10.0.\(below(16)).\(below(250))")
            out.attribute("user.id", "\(10_000 + below(50_000))")
            out.attribute("request.id", hexString(next()))
            out.attribute("network.protocol.version", "1.1")
            if chance(50) { out.attribute("user_agent.original", "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0") }
        case .client:
            out.attribute("http.request.method", pick(S.methods))
            out.attribute("url.full", "https://api.internal\(pick(S.routes))")
            out.attribute("server.address", "api.internal")
            out.attribute("server.port", int: 443)
            out.attribute("http.response.status_code", int: span.error ? 503 : 200)
            out.attribute("network.peer.address", "10.1.\(below(16)).\(below(250))")
            out.attribute("http.resend_count", int: Int64(below(3)))
            out.attribute("peer.service", pick(S.services))
            if chance(40) { out.attribute("http.request.body.size", int: Int64(below(20_000))) }
        case .database:
            let table = pick(S.tables)
            out.attribute("db.system", "postgresql")
            out.attribute("db.name", "shop")
            out.attribute("db.operation", pick(S.operations))
            out.attribute("db.sql.table", table)
            out.attribute("db.statement", "SELECT * FROM \(table) WHERE id = $1")
            out.attribute("server.address", "pg-primary.db")
            out.attribute("server.port", int: 5432)
            out.attribute("db.user", "app")
            out.attribute("db.rows_affected", int: Int64(below(50)))
            out.attribute("pool.name", "hikari-\(below(3))")
        case .producer, .consumer:
            out.attribute("messaging.system", "kafka")
            out.attribute("messaging.destination.name", pick(S.topics))
            out.attribute("messaging.operation", span.type == .producer ? "publish" : "process")
            out.attribute("messaging.message.id", hexString(next()))
            out.attribute("messaging.kafka.partition", int: Int64(below(12)))
            out.attribute("messaging.kafka.offset", int: Int64(below(1 << 40)))
            out.attribute("messaging.client_id", "client-\(below(8))")
            out.attribute("server.address", "kafka-\(below(3)).mq")
            out.attribute("server.port", int: 9092)
        case .internal:
            out.attribute("code.namespace", "com.example.shop")
            out.attribute("code.filepath", "src/main/shop/\(pick(S.functions)).kt")
            out.attribute("code.lineno", int: Int64(10 + below(400)))
            out.attribute("thread.name", "worker-\(below(16))")
            out.attribute("cache.hit", bool: chance(70))
            out.attribute("items.count", int: Int64(below(40)))
            out.attribute("sampling.ratio", double: 0.25)
            out.attribute("component", "pricing")
        }
    }

    private mutating func writeEvents(_ span: S.SyntheticSpan, into out: inout JSONBytes) {
        out.raw(",\"events\":[{\"timeUnixNano\":\"")
        out.int(span.start + (span.end - span.start) / 2)
        if span.error || chance(50) {
            out.raw("\",\"name\":\"exception\",\"attributes\":[")
            out.attribute("exception.type", "java.io.IOException", comma: false)
            out.attribute("exception.message", pick(S.errors))
            out.attribute("exception.stacktrace", "at com.example.shop.\(pick(S.functions))(Shop.kt:\(below(400)))")
            out.raw("]}]")
        } else {
            out.raw("\",\"name\":\"cache.miss\",\"attributes\":[")
            out.attribute("cache.key", "product:\(below(5000))", comma: false)
            out.raw("]}]")
        }
    }

    private func hexString(_ v: UInt64) -> String {
        var b = JSONBytes(capacity: 16)
        b.hex(v)
        return String(decoding: b.bytes, as: UTF8.self)
    }
}
