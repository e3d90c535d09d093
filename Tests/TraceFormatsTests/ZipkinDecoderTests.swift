import Testing
import TraceModel
@testable import TraceFormats

@Suite struct ZipkinDecoderTests {
    static let client = #"""
    {"traceId": "86154a4ba6e91385", "parentId": "86154a4ba6e91385", "id": "4d1e00c0db9010db", "kind": "CLIENT",
     "name": "get", "timestamp": 1472470996199000, "duration": 207000,
     "localEndpoint": {"serviceName": "frontend", "ipv6": "2001:db8::c001", "port": 8080},
     "remoteEndpoint": {"serviceName": "backend", "ipv4": "192.168.99.101", "port": 9000},
     "annotations": [{"timestamp": 1472470996238000, "value": "foo"}, {"timestamp": 1472470996403000, "value": "bar"}],
     "tags": {"http.path": "/api", "http.status_code": "503", "error": "backend unavailable", "clnt/finagle.version": "6.45.0"},
     "debug": true}
    """#

    @Test func decodesABareSpanFieldByField() throws {
        let (t, report) = try Decode.table(Self.client)
        #expect(report.format == .zipkinJSON)
        #expect(report.warnings.isEmpty)
        let s = try #require(t.spans.first)
        #expect(s.traceID == TraceID(high: 0, low: 0x8615_4a4b_a6e9_1385))
        #expect(s.spanID == SpanID(hex: "4d1e00c0db9010db"))
        #expect(s.parentSpanID == SpanID(hex: "86154a4ba6e91385"))
        #expect(t.name(of: s) == "get")
        #expect(s.kind == .client)
        #expect(s.start.unixNanos == 1_472_470_996_199_000_000)
        #expect(s.duration == .milliseconds(207))
        #expect((s.status, t.strings[s.statusMessage]) == (.error, "backend unavailable"))
        #expect(s.sampled == true)
        #expect(t.pairs(of: s) == [
            KeyValue("http.path", .string("/api")), KeyValue("http.status_code", .string("503")),
            KeyValue("clnt/finagle.version", .string("6.45.0")),
            KeyValue("peer.service", .string("backend")), KeyValue("network.peer.address", .string("192.168.99.101")),
            KeyValue("network.peer.port", .int(9000)),
        ])
        #expect(t.resourcePairs(of: s) == [KeyValue("service.name", .string("frontend")),
                                           KeyValue("network.local.address", .string("2001:db8::c001")),
                                           KeyValue("network.local.port", .int(8080))])
        let events = Array(t.events(of: s))
        #expect(events.map { t.strings[$0.name] } == ["foo", "bar"])
        #expect(events[0].time.unixNanos == 1_472_470_996_238_000_000)
    }

    @Test func arraysAndArraysOfTracesGiveTheSameSpans() throws {
        let a = #"{"traceId": "01", "id": "0a", "name": "a", "timestamp": 10, "duration": 5, "localEndpoint": {"serviceName": "s"}}"#
        let b = #"{"traceId": "02", "id": "0b", "name": "b", "timestamp": 20, "duration": 5, "localEndpoint": {"serviceName": "s"}}"#
        let flat = try Decode.table("[\(a), \(b)]").table.snapshots
        let nested = try Decode.table("[[\(a)], [\(b)]]").table.snapshots
        #expect(flat.count == 2)
        #expect(flat == nested)
        #expect(flat[0].kind == .internal)
        let (empty, report) = try Decode.table("[[], []]")
        #expect(empty.spans.isEmpty)
        #expect(report.format == .zipkinJSON)
    }

    /// zipkin-lens's skew.json shape: a server half shares its client's id.
    static let shared = #"""
    [{"traceId": "1e223ff1f80f1c69", "parentId": "74280ae0c10d8062", "id": "43210ae0c10d1234", "name": "async",
      "timestamp": 1470150004008762, "duration": 65000, "localEndpoint": {"serviceName": "serviceb", "ipv4": "192.0.0.0"}},
     {"traceId": "1e223ff1f80f1c69", "parentId": "bf396325699c84bf", "id": "74280ae0c10d8062", "kind": "SERVER",
      "name": "post", "timestamp": 1470150004008761, "duration": 93577,
      "localEndpoint": {"serviceName": "serviceb", "ipv4": "192.0.0.0"}, "shared": true},
     {"traceId": "1e223ff1f80f1c69", "id": "bf396325699c84bf", "kind": "SERVER", "name": "get",
      "timestamp": 1470150004071068, "duration": 99411, "localEndpoint": {"serviceName": "servicea", "ipv4": "127.0.0.0"}},
     {"traceId": "1e223ff1f80f1c69", "parentId": "bf396325699c84bf", "id": "74280ae0c10d8062", "kind": "CLIENT",
      "name": "post", "timestamp": 1470150004074202, "duration": 94539,
      "localEndpoint": {"serviceName": "servicea", "ipv4": "127.0.0.0"}}]
    """#

    @Test func sharedServerHalfBecomesAChildOfTheClient() throws {
        let (t, report) = try Decode.table(Self.shared)
        #expect(report.warnings.isEmpty)
        #expect(t.spans.count == 4)
        let sharedID = SpanID(hex: "74280ae0c10d8062")!
        let client = try #require(t.spans.first { $0.kind == .client })
        let server = try #require(t.spans.first { $0.markers.contains(.sharedServerHalf) })
        #expect(client.spanID == sharedID)
        #expect(client.parentSpanID == SpanID(hex: "bf396325699c84bf"))
        #expect(server.spanID == DerivedID.serverHalf(of: sharedID))
        #expect(server.parentSpanID == sharedID)
        #expect(server.kind == .server)
        #expect(t.serviceName(of: server) == "serviceb")
        // "async" ran in serviceb, the server's service: it moves under the server half.
        let async = try #require(t.spans.first { t.name(of: $0) == "async" })
        #expect(async.parentSpanID == server.spanID)
        // Every parent now exists in the trace except the root's.
        let ids = Set(t.spans.map(\.spanID))
        #expect(t.spans.filter { !$0.isRoot && !ids.contains($0.parentSpanID) }.isEmpty)
    }

    @Test func fragmentsWithoutTimestampAreMergedIntoTheirSpan() throws {
        let json = #"""
        [{"traceId": "01", "id": "0a", "kind": "CLIENT", "name": "post /x", "timestamp": 100, "duration": 50,
          "localEndpoint": {"serviceName": "caller"}},
         {"traceId": "01", "id": "0a", "kind": "SERVER", "name": "post", "timestamp": 110, "shared": true,
          "localEndpoint": {"serviceName": "callee"}, "tags": {"a": "1"}},
         {"traceId": "01", "id": "0a", "name": "post", "localEndpoint": {"serviceName": "callee"},
          "tags": {"a": "ignored", "b": "2"}, "annotations": [{"timestamp": 130, "value": "late"}], "duration": 30}]
        """#
        let (t, report) = try Decode.table(json)
        #expect(t.spans.count == 2)
        let server = try #require(t.spans.first { $0.kind == .server })
        #expect(t.pairs(of: server) == [KeyValue("a", .string("1")), KeyValue("b", .string("2"))])
        #expect(t.events(of: server).map { t.strings[$0.name] } == ["late"])
        #expect(server.duration == .microseconds(30))
        #expect(server.parentSpanID == SpanID(0x0a))
        #expect(report.warnings.isEmpty)
    }

    @Test func missingTimesAreHandledWithNotes() throws {
        let json = #"""
        [{"traceId": "01", "id": "01", "name": "no duration", "timestamp": 100},
         {"traceId": "01", "id": "02", "name": "annotated", "annotations": [{"timestamp": 300, "value": "b"}, {"timestamp": 200, "value": "a"}]},
         {"traceId": "01", "id": "03", "name": "nothing"},
         {"traceId": "01", "id": "04", "name": "bad", "timestamp": "yesterday"}]
        """#
        let (t, report) = try Decode.table(json)
        #expect(t.spans.count == 2)
        let noDuration = try #require(t.span("0000000000000001"))
        #expect(noDuration.duration == .zero)
        let annotated = try #require(t.span("0000000000000002"))
        #expect(annotated.start.unixNanos == 200_000)
        #expect(annotated.end.unixNanos == 300_000)
        #expect(report.spansSkipped == 2)
        #expect(report.warnings.contains { $0.message.contains("without a timestamp") && $0.skippedSpans == 1 })
        #expect(report.warnings.contains { $0.message.contains("timestamp is not a number") })
        #expect(report.warnings.contains { $0.message.contains("2 spans have no duration") })
        #expect(report.warnings.contains { $0.message.contains("1 span has no timestamp") })
    }

    @Test func sixtyFourBitTraceIDsArePaddedAndMatch128BitOnes() throws {
        let json = #"""
        [{"traceId": "a3ce929d0e0e4736", "id": "01", "name": "short", "timestamp": 1, "duration": 1},
         {"traceId": "0000000000000000a3ce929d0e0e4736", "id": "02", "parentId": "01", "name": "long", "timestamp": 1, "duration": 1}]
        """#
        let (t, _) = try Decode.table(json)
        #expect(t.traces.count == 1)
        #expect(t.traces[0].traceID == TraceID(high: 0, low: 0xa3ce_929d_0e0e_4736))
    }
}
