import Testing
import TraceModel
@testable import TraceFormats

@Suite struct OTLPDecoderTests {
    // MARK: - Every field

    @Test func decodesEveryFieldOfTheFixture() throws {
        let (t, report) = try Decode.table(OTLPFixture.full)
        #expect(report.format == .otlpJSON)
        #expect(report.warnings.isEmpty)
        #expect(report.spansDecoded == 3)
        #expect(t.traces.count == 2)

        let s = try #require(t.span("b7ad6b7169203331"))
        #expect(s.traceID == TraceID(hex: OTLPFixture.traceA))
        #expect(s.parentSpanID == SpanID(hex: "00f067aa0ba902b7"))
        #expect(t.strings[s.traceState] == "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE")
        #expect(s.flags == 769)
        #expect(s.sampled == true)
        #expect(s.markers == [.hasFlags])
        #expect(t.name(of: s) == "POST /api/checkout")
        #expect(s.kind == .server)
        #expect(s.start.unixNanos == 1_700_000_000_000_000_000)
        #expect(s.end.unixNanos == 1_700_000_001_500_000_000)
        #expect((s.status, t.strings[s.statusMessage]) == (.error, "card declined"))
        #expect((s.droppedAttributesCount, s.droppedEventsCount, s.droppedLinksCount) == (3, 4, 6))

        #expect(t.pairs(of: s) == [
            KeyValue("http.method", .string("POST")),
            KeyValue("escaped", .string("café \"q\" \\ \n")),
            KeyValue("retry", .bool(false)),
            KeyValue("http.status_code", .int(402)),
            KeyValue("as.number", .int(7)),
            KeyValue("big", .int(.min)),
            KeyValue("ratio", .double(0.25)),
            KeyValue("whole.double", .double(3)),
            KeyValue("blob", .bytes([0, 1, 2, 255])),
            KeyValue("list", .array([.string("a"), .int(2), .array([.bool(true)]), .empty])),
            KeyValue("map", .keyValueList([KeyValue("inner", .double(2.5)),
                                           KeyValue("nested", .keyValueList([KeyValue("deep", .string("x"))])),
                                           KeyValue("none", .empty)])),
            KeyValue("empty.value", .empty),
            KeyValue("emoji", .string("🔥 hot")),
        ])

        let events = Array(t.events(of: s))
        #expect(events.count == 2)
        #expect(events[0].time.unixNanos == 1_700_000_000_100_000_000)
        #expect(t.strings[events[0].name] == "exception")
        #expect(events[0].droppedAttributesCount == 1)
        #expect(t.keyValues(events[0].attributes) == [KeyValue("exception.type", .string("CardDeclined"))])
        #expect(t.strings[events[1].name] == "retry")
        #expect(events[1].attributes.isEmpty)

        let links = Array(t.links(of: s))
        #expect(links.count == 1)
        #expect(links[0].traceID == TraceID(hex: OTLPFixture.traceB))
        #expect(links[0].spanID == SpanID(hex: "00f067aa0ba902b7"))
        #expect(t.strings[links[0].traceState] == "x=1")
        #expect(links[0].droppedAttributesCount == 5)
        #expect(links[0].flags == 257)
        #expect(t.keyValues(links[0].attributes) == [KeyValue("link.kind", .string("batch"))])

        let resource = t.resources[Int(s.resource)]
        #expect(t.serviceName(of: s) == "checkout")
        #expect(t.resourcePairs(of: s) == [KeyValue("service.name", .string("checkout")),
                                           KeyValue("host.name", .string("checkout-7f9c"))])
        #expect(resource.droppedAttributesCount == 2)
        #expect(t.strings[resource.schemaURL] == "https://opentelemetry.io/schemas/1.20.0")
        let scope = t.scope(of: s)
        #expect(t.strings[scope.name] == "io.opentelemetry.go")
        #expect(t.strings[scope.version] == "1.2.3")
        #expect(t.keyValues(scope.attributes) == [KeyValue("scope.attr", .bool(true))])
        #expect(scope.droppedAttributesCount == 1)
        #expect(t.strings[scope.schemaURL] == "https://opentelemetry.io/schemas/1.21.0")
    }

    @Test func enumNamesNumbersAndTheSecondScopeAndResource() throws {
        let (t, _) = try Decode.table(OTLPFixture.full)
        let client = try #require(t.span("00f067aa0ba902b7"))
        #expect(client.kind == .client)
        #expect(client.status == .ok)
        #expect(client.start.unixNanos == 1_699_999_999_900_000_000)
        #expect(client.isRoot)
        #expect(!client.markers.contains(.hasFlags))
        #expect(t.strings[t.scope(of: client).name] == "manual")
        #expect(client.resource == t.span("b7ad6b7169203331")!.resource)

        let batch = try #require(t.span("a3ce929d0e0e4736"))
        #expect(batch.resource == 0)
        #expect(batch.scope == 0)
        #expect(batch.kind == .unspecified)
        #expect((batch.status, t.strings[batch.statusMessage]) == (.unset, "only a message"))
    }

    @Test func snakeCaseMembersGiveTheSameSpan() throws {
        let camel = try Decode.table(OTLPFixture.full).table
        let (snake, report) = try Decode.table(OTLPFixture.snakeCase)
        #expect(report.warnings.isEmpty)
        let a = SpanSnapshot(camel.span("b7ad6b7169203331")!, in: camel)
        let b = SpanSnapshot(try #require(snake.span("b7ad6b7169203331")), in: snake)
        #expect(a == b)
    }

    @Test func membersInAnyOrder() throws {
        // schemaUrl before and after the spans, scope after the spans, value before key.
        let json = #"""
        {"resourceSpans": [{"schemaUrl": "s1", "scopeSpans": [{"spans": [
            {"name": "n", "endTimeUnixNano": "20", "startTimeUnixNano": "10", "spanId": "0000000000000002",
             "attributes": [{"value": {"intValue": "5"}, "key": "k"}], "traceId": "00000000000000000000000000000001"}],
          "scope": {"version": "v", "name": "lib"}, "schemaUrl": "s2"}],
          "resource": {"attributes": [{"value": {"stringValue": "svc"}, "key": "service.name"}]}}]}
        """#
        let (t, report) = try Decode.table(json)
        #expect(report.warnings.isEmpty)
        let s = try #require(t.spans.first)
        #expect(t.serviceName(of: s) == "svc")
        #expect(t.strings[t.resources[Int(s.resource)].schemaURL] == "s1")
        #expect(t.strings[t.scope(of: s).name] == "lib")
        #expect(t.strings[t.scope(of: s).schemaURL] == "s2")
        #expect(t.pairs(of: s) == [KeyValue("k", .int(5))])
        #expect((s.start.unixNanos, s.end.unixNanos) == (10, 20))
    }

    @Test func legacyInstrumentationLibraryNames() throws {
        let json = #"""
        {"resourceSpans": [{"instrumentationLibrarySpans": [{"instrumentationLibrary": {"name": "old", "version": "0.1"},
          "spans": [{"traceId": "01", "spanId": "02", "name": "legacy"}]}]}]}
        """#
        let (t, _) = try Decode.table(json)
        let s = try #require(t.spans.first)
        #expect(t.strings[t.scope(of: s).name] == "old")
        #expect(s.traceID == TraceID(high: 0, low: 1))
    }

    // MARK: - Wrappers and lines

    @Test func jaegerAPIv3ResultWrapper() throws {
        let json = #"{"result": {"resourceSpans": [{"resource": {}, "scopeSpans": [{"scope": {}, "spans": [{"kind": 2, "name": "foobar", "spanId": "0000000000000002", "status": {"code": 2}, "traceId": "00000000000000000000000000000001"}]}]}]}}"#
        let (t, report) = try Decode.table(json)
        #expect(report.format == .otlpJSON)
        #expect(t.spans.count == 1)
        #expect(t.spans[0].status == .error)
        #expect(t.name(of: t.spans[0]) == "foobar")
    }

    @Test func jsonLinesSkipLogsAndMetricsInOneNote() throws {
        let span = { (id: Int) in
            #"{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"a"}}]},"scopeSpans":[{"spans":[{"traceId":"01","spanId":"0\#(id)","name":"s\#(id)"}]}]}]}"#
        }
        let lines = [
            span(1),
            #"{"resourceLogs":[{"scopeLogs":[]}]}"#,
            span(2),
            #"{"resourceMetrics":[]}"#,
            #"{"resourceLogs":[]}"#,
            span(3),
        ]
        let (t, report) = try Decode.table(lines.joined(separator: "\n") + "\n")
        #expect(report.format == .otlpJSONLines)
        #expect(t.spans.count == 3)
        #expect(t.traces.count == 1)
        #expect(report.warnings.count == 1)
        #expect(report.warnings[0].message.contains("3 lines"))
        #expect(report.warnings[0].message.contains("2 logs, 1 metrics"))
        #expect(report.warnings[0].line == 2)
        #expect(report.spansSkipped == 0)
    }

    @Test func aMalformedLineIsReportedWithItsLineAndTheRestLoads() throws {
        let good = { (id: Int) in #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"01","spanId":"0\#(id)","name":"s"}]}]}]}"# }
        let text = [good(1), #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"01","spanId":"09","name":"s"},{"traceId":"01","spanId":"#, good(2), good(3)]
            .joined(separator: "\n")
        let (t, report) = try Decode.table(text)
        #expect(Set(t.spans.map(\.spanID.rawValue)) == [1, 2, 3, 9])
        #expect(report.spansSkipped == 1)
        let w = try #require(report.warnings.first)
        #expect(w.line == 2)
        #expect(w.message.contains("malformed JSON"))
        #expect(w.message.contains("resuming at line 3"))
        #expect(w.skippedSpans == 1)
    }

    @Test func aDamagedFirstLineStillMakesTheRestJSONLines() throws {
        let good = { (id: Int) in #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"01","spanId":"0\#(id)","name":"s"}]}]}]}"# }
        // Line 1 is cut inside a value, line 2 is cut likewise: each must not swallow the next.
        let text = [#"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"01","spanId":"#, good(1),
                    #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"01","spanId":"#, good(2)].joined(separator: "\n")
        let (t, report) = try Decode.table(text)
        #expect(Set(t.spans.map(\.spanID.rawValue)) == [1, 2])
        #expect(report.warnings.filter { $0.message.contains("malformed JSON") }.map(\.line) == [1, 3])
    }

    // MARK: - Bad spans

    @Test func invalidSpansAreSkippedWithTheirOffsets() throws {
        let json = #"""
        {"resourceSpans": [{"scopeSpans": [{"spans": [
          {"spanId": "0000000000000001", "name": "no trace"},
          {"traceId": "00000000000000000000000000000000", "spanId": "0000000000000002", "name": "zero trace"},
          {"traceId": "01", "name": "no span id"},
          {"traceId": "01", "spanId": "0000000000000000", "name": "zero span id"},
          {"traceId": "01", "spanId": "05", "name": "bad time", "startTimeUnixNano": "soon"},
          "not an object",
          {"traceId": "01", "spanId": "06", "name": "good", "attributes": [{"key": "k", "value": {"stringValue": "v"}}]}
        ]}]}]}
        """#
        let (t, report) = try Decode.table(json)
        #expect(t.spans.count == 1)
        #expect(t.pairs(of: t.spans[0]) == [KeyValue("k", .string("v"))])
        #expect(report.spansSkipped == 6)
        let skips = report.warnings.filter { $0.skippedSpans == 1 }
        #expect(skips.map(\.line) == [2, 3, 4, 5, 6, 7])
        #expect(skips[0].message.contains("without a traceId"))
        #expect(skips[1].message.contains("all zeros"))
        #expect(skips[2].message.contains("without a spanId"))
        #expect(skips[4].message.contains("startTimeUnixNano"))
        #expect(skips[0].byteOffset == json.utf8.count - json.drop { $0 != "\n" }.utf8.count + 3)
        // The skipped spans' attributes were not kept.
        #expect(t.attributes.count <= 1)
    }

    @Test func manyBadSpansAreSummedUpAfterTen() throws {
        let bad = Array(repeating: #"{"name": "no ids"}"#, count: 25).joined(separator: ",")
        let (_, report) = try Decode.table(#"{"resourceSpans":[{"scopeSpans":[{"spans":[\#(bad),{"traceId":"1","spanId":"1"}]}]}]}"#)
        #expect(report.spansSkipped == 25)
        #expect(report.warnings.count == 11)
        #expect(report.warnings.last?.skippedSpans == 15)
        #expect(report.warnings.last?.message.contains("15 more spans skipped") == true)
        #expect(report.warnings.reduce(0) { $0 + $1.skippedSpans } == 25)
    }

    @Test func followsFromLinkConventionSetsTheMarker() throws {
        let json = #"""
        {"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"01","spanId":"02","parentSpanId":"03","name":"consumer",
          "links":[{"traceId":"01","spanId":"03","attributes":[{"key":"opentracing.ref_type","value":{"stringValue":"follows_from"}}]},
                   {"traceId":"01","spanId":"04"}]}]}]}]}
        """#
        let (t, _) = try Decode.table(json)
        let s = t.spans[0]
        #expect(s.markers.contains(.followsFrom))
        #expect(t.links(of: s).map(\.spanID) == [SpanID(4)])
    }
}
