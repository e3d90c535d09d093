import Foundation
import OTLPProto
import Testing

/// The generated OTLP messages against the wire format the OpenTelemetry specification fixes:
/// bytes written by hand from the field numbers and types decode to the expected fields, and
/// the messages encode back to the same bytes. A wrong field number in a .proto file fails here.
@Suite struct WireFormatTests {
    /// An `ExportTraceServiceRequest` with one span, byte by byte:
    /// resource_spans (1) { resource (1) { attributes (1) { key "service.name", value { string_value "api" } } }
    /// scope_spans (2) { scope (1) { name "lib" } spans (2) { trace_id (1), span_id (2), name (5) "GET",
    /// kind (6) SERVER, start (7, fixed64), end (8, fixed64), flags (16, fixed32) 1, status (15) { code (3) ERROR } } } }
    static let request: [UInt8] = {
        func field(_ number: UInt8, _ wire: UInt8) -> [UInt8] { [number << 3 | wire] }
        func bytes(_ number: UInt8, _ payload: [UInt8]) -> [UInt8] { field(number, 2) + [UInt8(payload.count)] + payload }
        func text(_ number: UInt8, _ s: String) -> [UInt8] { bytes(number, Array(s.utf8)) }
        func fixed64(_ number: UInt8, _ v: UInt64) -> [UInt8] { field(number, 1) + (0..<8).map { UInt8(truncatingIfNeeded: v >> ($0 * 8)) } }
        let traceID = [UInt8](repeating: 0xAB, count: 16)
        let spanID = [UInt8](repeating: 0xCD, count: 8)
        let value = text(1, "api")                                        // AnyValue.string_value
        let keyValue = text(1, "service.name") + bytes(2, value)          // KeyValue
        let resource = bytes(1, keyValue)                                 // Resource.attributes
        let status = field(3, 0) + [2]                                    // Status.code = ERROR
        let span = bytes(1, traceID) + bytes(2, spanID) + text(5, "GET") + field(6, 0) + [2]
            + fixed64(7, 1_700_000_000_000_000_000) + fixed64(8, 1_700_000_000_250_000_000)
            + bytes(15, status) + [16 << 3 | 5, 0x01, 1, 0, 0, 0]        // flags: field 16, fixed32 (two-byte tag)
        let scopeSpans = bytes(1, text(1, "lib")) + bytes(2, span)
        return bytes(1, bytes(1, resource) + bytes(2, scopeSpans))
    }()

    @Test func handWrittenBytesDecodeToTheSpecifiedFields() throws {
        let request = try Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest(serializedBytes: Self.request)
        let resourceSpans = try #require(request.resourceSpans.first)
        #expect(resourceSpans.resource.attributes.first?.key == "service.name")
        #expect(resourceSpans.resource.attributes.first?.value.stringValue == "api")
        let scopeSpans = try #require(resourceSpans.scopeSpans.first)
        #expect(scopeSpans.scope.name == "lib")
        let span = try #require(scopeSpans.spans.first)
        #expect(span.traceID == Data(repeating: 0xAB, count: 16))
        #expect(span.spanID == Data(repeating: 0xCD, count: 8))
        #expect(span.name == "GET")
        #expect(span.kind == .server)
        #expect(span.startTimeUnixNano == 1_700_000_000_000_000_000)
        #expect(span.endTimeUnixNano == 1_700_000_000_250_000_000)
        #expect(span.flags == 1)
        #expect(span.status.code == .error)
    }

    @Test func messagesEncodeBackToTheSameBytes() throws {
        let request = try Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest(serializedBytes: Self.request)
        let bytes: [UInt8] = try request.serializedBytes()
        let again = try Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest(serializedBytes: bytes)
        #expect(again == request)
    }

    @Test func partialSuccessAndStatusUseTheirFieldNumbers() throws {
        var response = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceResponse()
        response.partialSuccess.rejectedSpans = 3
        response.partialSuccess.errorMessage = "x"
        let bytes: [UInt8] = try response.serializedBytes()
        // partial_success (1) { rejected_spans (1, varint) 3, error_message (2) "x" }
        #expect(bytes == [0x0A, 5, 0x08, 3, 0x12, 1, UInt8(ascii: "x")])
        var status = Google_Rpc_Status()
        status.code = 3
        status.message = "bad"
        let statusBytes: [UInt8] = try status.serializedBytes()
        #expect(statusBytes == [0x08, 3, 0x12, 3] + Array("bad".utf8))
    }
}
