import TraceFormats
import TraceModel
import TraceQuery

/// The query target: the input as query text through the lexer, parser and checker; a query
/// that checks is printed, parsed again and run on a small table, a metrics query through the
/// metrics engine too.
enum QueryFuzzing {
    static let target = FuzzTarget(name: "query", seeds: ["docs/query-language.md"]) { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        switch Query.result(text) {
        case .failure(let diagnostic):
            _ = diagnostic.description
        case .success(let query):
            _ = Query.result(query.description)
            _ = QueryEngine.run(query, on: table)
            if query.isMetrics { _ = try? MetricsEngine.run(query, on: table) }
        }
    }

    /// Two traces with the usual intrinsics and a few attributes of each type.
    static let table: SpanTable = {
        let json = #"""
        {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"api"}}]},
         "scopeSpans":[{"spans":[
          {"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"b7ad6b7169203331","name":"GET /users",
           "kind":2,"startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000000250000000",
           "status":{"code":2,"message":"boom"},
           "attributes":[{"key":"http.status_code","value":{"intValue":"500"}},
                         {"key":"ratio","value":{"doubleValue":0.5}},{"key":"ok","value":{"boolValue":false}}],
           "events":[{"name":"exception","timeUnixNano":"1700000000100000000"}]},
          {"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"00f067aa0ba902b7","parentSpanId":"b7ad6b7169203331",
           "name":"SELECT users","kind":3,"startTimeUnixNano":"1700000000010000000","endTimeUnixNano":"1700000000200000000",
           "attributes":[{"key":"db.system","value":{"stringValue":"postgresql"}}]},
          {"traceId":"1e223ff1f80f1c69","spanId":"1e223ff1f80f1c69","name":"cron",
           "startTimeUnixNano":"1700000001000000000","endTimeUnixNano":"1700000001000000100"}]}]}]}
        """#
        var builder = SpanTableBuilder()
        _ = try? TraceDecoder.decode(Array(json.utf8), source: "query-fuzz-table", into: &builder)
        return builder.finish()
    }()
}
