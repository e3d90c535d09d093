import Testing
import TraceModel
@testable import TraceFormats

/// Jaeger api_v3's HTTP answers: `{"result": {"resourceSpans": [...]}}` (GRPCGatewayWrapper in
/// jaeger's cmd/jaeger/internal/extension/jaegerquery/internal/apiv3/http_gateway.go, snapshot
/// FindTraces.json), and the grpc-gateway's stream of such chunks one after another (one per
/// line, or with nothing between them), each chunk holding some of the traces.
@Suite struct JaegerAPIv3StreamTests {
    static func chunk(trace: Int, span: Int, name: String, service: String = "frontend") -> String {
        #"{"result":{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"\#(service)"}}]},"scopeSpans":[{"scope":{},"spans":[{"traceId":"0000000000000000000000000000000\#(trace)","spanId":"000000000000000\#(span)","name":"\#(name)","kind":2,"startTimeUnixNano":"1732519999000000000","endTimeUnixNano":"1732520000000000000","status":{}}]}]}]}}"#
    }

    @Test func chunksOnLinesOfTheirOwn() throws {
        let text = [Self.chunk(trace: 1, span: 1, name: "a"), Self.chunk(trace: 1, span: 2, name: "b"),
                    Self.chunk(trace: 2, span: 3, name: "c", service: "checkout")].joined(separator: "\n") + "\n"
        let (t, report) = try Decode.table(text)
        #expect(t.spans.count == 3)
        #expect(t.traces.count == 2)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        #expect(Set(t.spans.map { t.name(of: $0) }) == ["a", "b", "c"])
    }

    @Test func chunksBackToBack() throws {
        let text = Self.chunk(trace: 1, span: 1, name: "a") + Self.chunk(trace: 2, span: 2, name: "b") + "  " + Self.chunk(trace: 3, span: 3, name: "c")
        let (t, report) = try Decode.table(text)
        #expect(t.spans.count == 3 && t.traces.count == 3, "\(report.warnings)")
        #expect(report.warnings.isEmpty, "\(report.warnings)")
    }

    @Test func prettyPrintedChunksOneAfterAnother() throws {
        let pretty = #"""
        {
          "result": {
            "resourceSpans": [
              {"resource": {}, "scopeSpans": [{"scope": {}, "spans": [
                {"traceId": "00000000000000000000000000000001", "spanId": "0000000000000001", "name": "first"}
              ]}]}
            ]
          }
        }
        {
          "result": {
            "resourceSpans": [
              {"resource": {}, "scopeSpans": [{"scope": {}, "spans": [
                {"traceId": "00000000000000000000000000000001", "spanId": "0000000000000002", "parentSpanId": "0000000000000001", "name": "second"}
              ]}]}
            ]
          }
        }
        """#
        let (t, report) = try Decode.table(pretty)
        #expect(t.spans.count == 2 && t.traces.count == 1, "\(report.warnings)")
    }

    /// A chunk of the stream that is an error (`{"error": {...}}`, grpc-gateway's
    /// StreamError) is skipped and said; the chunks before it are kept.
    @Test func anErrorChunkIsReportedAndTheOthersKept() throws {
        let text = Self.chunk(trace: 1, span: 1, name: "a") + "\n"
            + #"{"error":{"grpcCode":13,"httpCode":500,"message":"storage failed","httpStatus":"Internal Server Error"}}"# + "\n"
        let (t, report) = try Decode.table(text)
        #expect(t.spans.count == 1)
        #expect(!report.warnings.isEmpty)
    }
}
