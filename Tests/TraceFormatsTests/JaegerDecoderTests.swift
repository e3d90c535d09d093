import Testing
import TraceModel
@testable import TraceFormats

@Suite struct JaegerDecoderTests {
    static let trace = "00000000000000000000000000abcdef"

    /// A small trace in the query API shape: processes after spans, typed tags, logs, both
    /// reference types.
    static let document = #"""
    {"data": [{"traceID": "abcdef", "spans": [
      {"traceID": "abcdef", "spanID": "0000000000000001", "operationName": "GET /checkout", "flags": 1,
       "references": [], "startTime": 1700000000000000, "duration": 1200000,
       "tags": [{"key": "span.kind", "type": "string", "value": "server"},
                {"key": "http.status_code", "type": "int64", "value": 500},
                {"key": "big", "type": "int64", "value": "9223372036854775222"},
                {"key": "ratio", "type": "float64", "value": 72.5},
                {"key": "ok", "type": "bool", "value": "true"},
                {"key": "blob", "type": "binary", "value": "AAAwOQ=="},
                {"type": "string", "value": "after", "key": "order"},
                {"key": "error", "type": "bool", "value": true},
                {"key": "otel.library.name", "type": "string", "value": "io.opentelemetry.go"},
                {"key": "otel.library.version", "type": "string", "value": "1.0"}],
       "logs": [{"timestamp": 1700000000500000, "fields": [{"key": "event", "type": "string", "value": "retry"},
                                                          {"key": "attempt", "type": "int64", "value": 2}]},
                {"timestamp": 1700000000600000, "fields": [{"key": "message", "type": "string", "value": "no event field"}]}],
       "processID": "p1", "warnings": null},
      {"traceID": "abcdef", "spanID": "0000000000000002", "operationName": "publish",
       "references": [{"refType": "CHILD_OF", "traceID": "abcdef", "spanID": "0000000000000001"}],
       "startTime": 1700000000100000, "duration": 1000,
       "tags": [{"key": "span.kind", "type": "string", "value": "producer"},
                {"key": "otel.status_code", "type": "string", "value": "ERROR"},
                {"key": "otel.status_description", "type": "string", "value": "broker down"},
                {"key": "w3c.tracestate", "type": "string", "value": "k=v"}],
       "processID": "p2"},
      {"traceID": "abcdef", "spanID": "0000000000000003", "operationName": "consume",
       "references": [{"refType": "FOLLOWS_FROM", "traceID": "abcdef", "spanID": "0000000000000002"},
                      {"refType": "CHILD_OF", "traceID": "ffff", "spanID": "00000000000000ff"}],
       "startTime": 1700000000900000, "duration": 2000, "tags": [], "processID": "p2"},
      {"traceID": "abcdef", "spanID": "0000000000000004", "operationName": "multi",
       "references": [{"refType": "CHILD_OF", "traceID": "ffff", "spanID": "00000000000000ff"},
                      {"refType": "CHILD_OF", "traceID": "abcdef", "spanID": "0000000000000001"},
                      {"refType": "FOLLOWS_FROM", "traceID": "abcdef", "spanID": "0000000000000003"}],
       "startTime": 1700000000200000, "duration": 10, "processID": "p1"}],
     "processes": {"p1": {"serviceName": "frontend", "tags": [{"key": "hostname", "type": "string", "value": "fe-1"},
                                                             {"key": "ip", "type": "string", "value": "10.0.0.1"}]},
                   "p2": {"tags": [{"key": "jaeger.version", "type": "string", "value": "Go-2.30"}], "serviceName": "queue"}},
     "warnings": null}], "total": 0, "limit": 0, "offset": 0, "errors": null}
    """#

    @Test func decodesFieldsTagsLogsAndProcesses() throws {
        let (t, report) = try Decode.table(Self.document)
        #expect(report.format == .jaegerJSON)
        #expect(report.warnings.isEmpty)
        #expect(t.spans.count == 4)
        let root = try #require(t.span("0000000000000001"))
        #expect(root.traceID == TraceID(hex: Self.trace))
        #expect(root.isRoot)
        #expect(root.kind == .server)
        #expect(root.start.unixNanos == 1_700_000_000_000_000_000)
        #expect(root.duration == .milliseconds(1200))
        #expect(root.status == .error)
        #expect(root.sampled == true)
        #expect(t.pairs(of: root) == [
            KeyValue("http.status_code", .int(500)), KeyValue("big", .int(9_223_372_036_854_775_222)),
            KeyValue("ratio", .double(72.5)), KeyValue("ok", .bool(true)), KeyValue("blob", .bytes([0, 0, 48, 57])),
            KeyValue("order", .string("after")),
        ])
        #expect(t.strings[t.scope(of: root).name] == "io.opentelemetry.go")
        #expect(t.strings[t.scope(of: root).version] == "1.0")
        let logs = Array(t.events(of: root))
        #expect(logs.map { t.strings[$0.name] } == ["retry", "log"])
        #expect(logs[0].time.unixNanos == 1_700_000_000_500_000_000)
        #expect(t.keyValues(logs[0].attributes) == [KeyValue("attempt", .int(2))])
        #expect(t.keyValues(logs[1].attributes) == [KeyValue("message", .string("no event field"))])
        #expect(t.serviceName(of: root) == "frontend")
        #expect(t.resourcePairs(of: root) == [KeyValue("service.name", .string("frontend")),
                                              KeyValue("hostname", .string("fe-1")), KeyValue("ip", .string("10.0.0.1"))])

        let producer = try #require(t.span("0000000000000002"))
        #expect(producer.kind == .producer)
        #expect((producer.status, t.strings[producer.statusMessage]) == (.error, "broker down"))
        #expect(t.strings[producer.traceState] == "k=v")
        #expect(t.pairs(of: producer).isEmpty)
        #expect(producer.parentSpanID == SpanID(1))
        #expect(t.resourcePairs(of: producer) == [KeyValue("jaeger.version", .string("Go-2.30")),
                                                  KeyValue("service.name", .string("queue"))])
        #expect(t.serviceName(of: producer) == "queue")
    }

    @Test func referencesFollowJaegersParentRule() throws {
        let (t, _) = try Decode.table(Self.document)
        let consumer = try #require(t.span("0000000000000003"))
        #expect(consumer.parentSpanID == SpanID(2))
        #expect(consumer.markers.contains(.followsFrom))
        #expect(consumer.kind == .unspecified)
        let links = Array(t.links(of: consumer))
        #expect(links.map(\.spanID) == [SpanID(0xff)])
        #expect(links[0].traceID == TraceID(high: 0, low: 0xffff))
        #expect(t.keyValues(links[0].attributes) == [KeyValue("opentracing.ref_type", .string("child_of"))])

        // The first reference is to another trace: the CHILD_OF in this trace is the parent,
        // and the FOLLOWS_FROM that is not first becomes a link.
        let multi = try #require(t.span("0000000000000004"))
        #expect(multi.parentSpanID == SpanID(1))
        #expect(!multi.markers.contains(.followsFrom))
        #expect(t.links(of: multi).map(\.spanID) == [SpanID(0xff), SpanID(3)])
        #expect(t.keyValues(t.links(of: multi).last!.attributes) == [KeyValue("opentracing.ref_type", .string("follows_from"))])
    }

    @Test func everyDocumentShapeGivesTheSameSpans() throws {
        let span = #"{"traceID": "abcdef", "spanID": "0000000000000009", "operationName": "op", "startTime": 1, "duration": 2, "processID": "p1"}"#
        let processes = #""processes": {"p1": {"serviceName": "svc"}}"#
        let shapes = [
            #"{"data": [{"traceID": "abcdef", "spans": [\#(span)], \#(processes)}]}"#,
            #"{"data": {"traceID": "abcdef", "spans": [\#(span)], \#(processes), "depth": 0}}"#,
            #"{"traceID": "abcdef", "spans": [\#(span)], \#(processes)}"#,
            #"{\#(processes), "spans": [\#(span)], "traceID": "abcdef"}"#,
            #"[{"traceID": "abcdef", "spans": [\#(span)], \#(processes)}]"#,
            #"[{"traceID": "abcdef", "spanID": "0000000000000009", "operationName": "op", "startTime": 1, "duration": 2, "process": {"serviceName": "svc", "tags": []}}]"#,
            #"{"traceID": "abcdef", "spanID": "0000000000000009", "operationName": "op", "startTime": 1, "duration": 2, "process": {"serviceName": "svc"}}"#,
        ]
        for shape in shapes {
            let (t, report) = try Decode.table(shape)
            #expect(report.format == .jaegerJSON, "\(shape)")
            #expect(report.warnings.isEmpty, "\(shape): \(report.warnings)")
            let s = try #require(t.spans.first, "\(shape)")
            #expect(t.spans.count == 1)
            #expect(s.spanID == SpanID(9))
            #expect(s.traceID == TraceID(hex: Self.trace))
            #expect(t.serviceName(of: s) == "svc", "\(shape)")
            #expect(s.end.unixNanos == 3000)
        }
    }

    @Test func spansWithoutTraceIDTakeTheTraces() throws {
        let (t, _) = try Decode.table(#"{"traceID": "ab", "spans": [{"spanID": "01", "operationName": "x", "startTime": 5}]}"#)
        #expect(t.spans.first?.traceID == TraceID(high: 0, low: 0xab))
    }

    @Test func unknownProcessesAreNotedAndApiV2TagsAreRead() throws {
        let json = #"""
        [{"traceID": "01", "spanID": "01", "operationName": "x", "startTime": 5, "duration": 1, "processID": "p9",
          "tags": [{"key": "a", "vType": "INT64", "vInt64": "12"}, {"key": "b", "vStr": "s"}, {"key": "c", "vBool": true},
                   {"key": "d", "vType": "FLOAT64", "vFloat64": 1.5}, {"key": "e", "value": 3}, {"key": "f", "value": 3.5}]}]
        """#
        let (t, report) = try Decode.table(json)
        #expect(t.spans[0].resource == 0)
        #expect(report.warnings.count == 1)
        #expect(report.warnings[0].message.contains("1 span names no process"))
        #expect(t.pairs(of: t.spans[0]) == [KeyValue("a", .int(12)), KeyValue("b", .string("s")), KeyValue("c", .bool(true)),
                                            KeyValue("d", .double(1.5)), KeyValue("e", .int(3)), KeyValue("f", .double(3.5))])
    }

    // MARK: - Client and server halves

    @Test func clientAndServerHalvesSharingAnIDAreSplit() throws {
        // client (frontend) and server (backend) share span 0a; db ran in the backend, and
        // cache ran in the frontend under the client span.
        let json = #"""
        {"traceID": "01", "processes": {"fe": {"serviceName": "frontend"}, "be": {"serviceName": "backend"}}, "spans": [
          {"spanID": "01", "operationName": "root", "startTime": 0, "duration": 100, "processID": "fe"},
          {"spanID": "0a", "operationName": "call", "startTime": 10, "duration": 50, "processID": "fe",
           "references": [{"refType": "CHILD_OF", "spanID": "01"}], "tags": [{"key": "span.kind", "value": "client"}]},
          {"spanID": "0a", "operationName": "call", "startTime": 12, "duration": 46, "processID": "be",
           "references": [{"refType": "CHILD_OF", "spanID": "01"}], "tags": [{"key": "span.kind", "value": "server"}]},
          {"spanID": "0b", "operationName": "db", "startTime": 20, "duration": 5, "processID": "be",
           "references": [{"refType": "CHILD_OF", "spanID": "0a"}]},
          {"spanID": "0c", "operationName": "cache", "startTime": 11, "duration": 1, "processID": "fe",
           "references": [{"refType": "CHILD_OF", "spanID": "0a"}]}]}
        """#
        let (t, report) = try Decode.table(json)
        #expect(report.warnings.isEmpty)
        let client = try #require(t.spans.first { $0.kind == .client })
        let server = try #require(t.spans.first { $0.kind == .server })
        #expect(client.spanID == SpanID(0x0a))
        #expect(client.parentSpanID == SpanID(1))
        #expect(server.spanID == DerivedID.serverHalf(of: SpanID(0x0a)))
        #expect(server.parentSpanID == SpanID(0x0a))
        #expect(server.markers.contains(.sharedServerHalf))
        #expect(t.span("000000000000000b")?.parentSpanID == server.spanID)
        #expect(t.span("000000000000000c")?.parentSpanID == SpanID(0x0a))
        #expect(Set(t.spans.map(\.spanID)).count == 5)
    }

    @Test func nonHexIDsAreHashedWithOneWarning() throws {
        let json = #"""
        {"traceID": "trace-123", "processes": {"p1": {"serviceName": "s"}}, "spans": [
          {"traceID": "trace-123", "spanID": "span-1", "operationName": "a", "startTime": 1, "duration": 1, "processID": "p1"},
          {"traceID": "trace-123", "spanID": "span-2", "operationName": "b", "startTime": 1, "duration": 1, "processID": "p1",
           "references": [{"refType": "CHILD_OF", "traceID": "trace-123", "spanID": "span-1"}]}]}
        """#
        let (t, report) = try Decode.table(json)
        #expect(report.warnings.count == 1)
        #expect(report.warnings[0].message.contains("\"trace-123\""))
        #expect(report.warnings[0].skippedSpans == 0)
        let a = try #require(t.spans.first { $0.spanID == StableHash.spanID(for: "span-1") })
        let b = try #require(t.spans.first { $0.spanID == StableHash.spanID(for: "span-2") })
        #expect(a.traceID == StableHash.traceID(for: "trace-123"))
        #expect(b.parentSpanID == a.spanID)
        #expect(a.markers.contains(.hashedID))
    }

    @Test func malformedSpansAreRejectedWithReasons() throws {
        let cases: [(String, String)] = [
            (#"[{"traceID":"2be38093ead7a083","spanID":"7bd66f09ba90ea3d","duration": "invalid"}]"#, "duration is not a number"),
            (#"{"traceID":"2be38093ead7a083","spanID":"7606ddfe69932d34","duration":267037}"#, "without a startTime"),
            (#"[{"spanID":"01","startTime":1}]"#, "without a traceID"),
            (#"[{"traceID":"01","startTime":1}]"#, "without a spanID"),
        ]
        for (json, reason) in cases {
            let (t, report) = try Decode.table(json)
            #expect(t.spans.isEmpty)
            #expect(report.spansSkipped == 1)
            #expect(report.warnings.contains { $0.message.contains(reason) }, "\(json)")
        }
    }
}
