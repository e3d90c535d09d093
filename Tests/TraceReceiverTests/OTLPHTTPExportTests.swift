import Foundation
import OTLPProto
import SwiftProtobuf
import Testing
import TestSupport
import TraceModel
@testable import TraceReceiver

/// OTLP/HTTP's rules on single requests (no socket): paths, methods, media types, sizes, bad
/// bodies, partial success, back-pressure, in both encodings.
@Suite struct OTLPHTTPExportTests {
    typealias Request = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest
    typealias Response = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceResponse

    /// A request with `good` valid spans and one span whose trace id is all zeros.
    static func request(good: Int, bad: Int = 0) -> [UInt8] {
        let message = Request.with { r in
            r.resourceSpans = [.with { rs in
                rs.resource = .with { $0.attributes = [.with { $0.key = "service.name"; $0.value = .with { $0.stringValue = "api" } }] }
                rs.scopeSpans = [.with { ss in
                    ss.spans = (0..<(good + bad)).map { i in .with {
                        $0.traceID = Data(repeating: i < good ? 0x11 : 0, count: 16)
                        $0.spanID = Data([0, 0, 0, 0, 0, 0, 0, UInt8(i + 1)])
                        $0.name = "span \(i)"
                        $0.startTimeUnixNano = 1_700_000_000_000_000_000
                        $0.endTimeUnixNano = 1_700_000_000_100_000_000
                    } }
                }]
            }]
        }
        return try! message.serializedBytes()
    }

    static let json = #"{"resourceSpans":[{"resource":{},"scopeSpans":[{"spans":[{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"b7ad6b7169203331","name":"GET","startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000000100000000"}]}]}]}"#

    final class Sink: @unchecked Sendable {
        var tables: [SpanTable] = []
        var answer: IngestResult = .stored
    }

    func export(_ sink: Sink, maxBody: Int = 1 << 20) -> OTLPHTTPExport {
        OTLPHTTPExport(maxBodyBytes: maxBody) { table, _ in
            sink.tables.append(table)
            return sink.answer
        }
    }

    func post(_ body: [UInt8], type: String = "application/x-protobuf", encoding: String? = nil,
              to export: OTLPHTTPExport) -> HTTPExchange.Response {
        export.respond(to: .init(method: "POST", path: "/v1/traces", contentType: type, contentEncoding: encoding, body: body))
    }

    @Test func protobufIsStoredAndAnsweredWithAnEmptyResponse() throws {
        let sink = Sink()
        let r = post(Self.request(good: 3), to: export(sink))
        #expect(r.status == 200)
        #expect(r.headers["Content-Type"] == "application/x-protobuf")
        #expect(try Response(serializedBytes: r.body) == Response())
        #expect(sink.tables.first?.spans.count == 3)
    }

    @Test func invalidSpansAreAPartialSuccess() throws {
        let sink = Sink()
        let r = post(Self.request(good: 2, bad: 1), to: export(sink))
        #expect(r.status == 200)
        let response = try Response(serializedBytes: r.body)
        #expect(response.partialSuccess.rejectedSpans == 1)
        #expect(response.partialSuccess.errorMessage.contains("trace id"), "\(response.partialSuccess.errorMessage)")
        #expect(sink.tables.first?.spans.count == 2)
    }

    @Test func jsonAndGzipDecodeTooAndJSONIsAnsweredInJSON() throws {
        let sink = Sink()
        let r = post(Array(Self.json.utf8), type: "application/json; charset=utf-8", to: export(sink))
        #expect(r.status == 200)
        #expect(r.headers["Content-Type"] == "application/json")
        #expect(String(decoding: r.body, as: UTF8.self) == "{}")
        let gzipped = post(Gzip.compress(Self.request(good: 1)), encoding: "gzip", to: export(sink))
        #expect(gzipped.status == 200)
        #expect(sink.tables.map(\.spans.count) == [1, 1])
    }

    @Test func wrongRequestsGetTheirStatuses() throws {
        let sink = Sink()
        let e = export(sink, maxBody: 1_000)
        #expect(e.respond(to: .init(method: "POST", path: "/v1/logs", contentType: "application/json")).status == 404)
        let get = e.respond(to: .init(method: "GET", path: "/v1/traces"))
        #expect(get.status == 405)
        #expect(get.headers["Allow"] == "POST")
        #expect(post([1, 2], type: "text/plain", to: e).status == 415)
        #expect(post(Self.request(good: 1), encoding: "br", to: e).status == 415)
        #expect(post([UInt8](repeating: 0, count: 1_001), to: e).status == 413)
        let bad = post([0xFF, 0xFF, 0xFF, 0x0F], to: e)
        #expect(bad.status == 400)
        let status = try Google_Rpc_Status(serializedBytes: bad.body)
        #expect(status.code == 3)
        #expect(status.message.contains("not an OTLP protobuf message"))
        let zipkin = post(Array(#"[{"traceId":"0af7651916cd43dd","id":"b7ad6b7169203331","name":"x","timestamp":1}]"#.utf8),
                          type: "application/json", to: e)
        #expect(zipkin.status == 400)
        #expect(sink.tables.isEmpty)
    }

    @Test func aBusyOrFailingStoreIsSaidSo() throws {
        let sink = Sink()
        sink.answer = .busy(retryAfter: 2)
        let busy = post(Self.request(good: 1), to: export(sink))
        #expect(busy.status == 503)
        #expect(busy.headers["Retry-After"] == "2")
        sink.answer = .failed("disk full")
        let failed = post(Self.request(good: 1), to: export(sink))
        #expect(failed.status == 500)
        #expect(try Google_Rpc_Status(serializedBytes: failed.body).message.contains("disk full"))
    }
}
