import Foundation
import GRPCCore
import OTLPClientSupport
import OTLPProto
import Testing
import TestSupport
import TraceModel
import TraceStore
@testable import TraceReceiver

/// OTLP/gRPC on a real loopback socket, called with grpc-swift-2's client (OTLPClientSupport):
/// OK once stored, gzip, partial success, RESOURCE_EXHAUSTED with retry info under back-pressure,
/// INVALID_ARGUMENT for a payload that is no request, oversize messages refused.
@Suite(.serialized) struct GRPCReceiverTests {
    typealias Request = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest

    final class Sink: @unchecked Sendable {
        let lock = NSLock()
        var spans = 0
        var answer: IngestResult = .stored
        func take(_ table: SpanTable, _ rejected: Int) -> IngestResult {
            lock.withLock {
                if answer == .stored { spans += table.spans.count }
                return answer
            }
        }
    }

    /// A server on a free port into `sink`, and a client to it; both closed after `body`.
    func withServer(_ sink: @escaping SpanSink, maxMessageBytes: Int = 1 << 20, gzip: Bool = false,
                    _ body: (OTLPGRPCExporter) async throws -> Void) async throws {
        let server = try OTLPGRPCServer(host: "127.0.0.1", port: 0, maxMessageBytes: maxMessageBytes, sink: sink)
        #expect(server.port > 0)
        let client = try OTLPGRPCExporter(port: server.port, gzip: gzip)
        do {
            try await body(client)
        } catch {
            await client.close()
            server.stop()
            throw error
        }
        await client.close()
        server.stop()
    }

    @Test func acknowledgedSpansAreInTheStore() async throws {
        let directory = TemporaryDirectory()
        let store = try PersistentStore.open(at: directory.file("traces.sqlite"), create: true)
        let ingest = StoreIngest(store: store)
        try await withServer({ ingest.ingest($0, rejected: $1) }) { client in
            let response = try await client.export(OTLPRequestFactory.request(traces: 4, spansPerTrace: 10))
            #expect(response == .init())
        }
        try ingest.finish()
        #expect(try store.spanCount() == 40)
        #expect(try store.traceListing().count == 4)
        #expect(ingest.takeChanges().count == 4)
    }

    @Test func gzipCompressedRequestsAreInflated() async throws {
        let sink = Sink()
        try await withServer(sink.take, gzip: true) { client in
            _ = try await client.export(OTLPRequestFactory.request(traces: 2, spansPerTrace: 30))
        }
        #expect(sink.spans == 60)
    }

    @Test func invalidSpansAreAPartialSuccess() async throws {
        let sink = Sink()
        var request = OTLPRequestFactory.request(traces: 1, spansPerTrace: 5)
        request.resourceSpans[0].scopeSpans[0].spans[0].traceID = Data(count: 16)   // all zeros: invalid
        let sent = request
        try await withServer(sink.take) { client in
            let response = try await client.export(sent)
            #expect(response.partialSuccess.rejectedSpans == 1)
            #expect(response.partialSuccess.errorMessage.contains("trace id"), "\(response.partialSuccess.errorMessage)")
        }
        #expect(sink.spans == 4)
    }

    @Test func aBusyStoreIsResourceExhaustedWithRetryInfo() async throws {
        let sink = Sink()
        sink.answer = .busy(retryAfter: 2)
        try await withServer(sink.take) { client in
            let error = await #expect(throws: RPCError.self) {
                try await client.export(OTLPRequestFactory.request(traces: 1, spansPerTrace: 3))
            }
            #expect(error?.code == .resourceExhausted)
            #expect(error.flatMap(OTLPGRPCExporter.retryDelay) == .seconds(2))
        }
    }

    @Test func aFailedStoreIsInternal() async throws {
        let sink = Sink()
        sink.answer = .failed("disk full")
        try await withServer(sink.take) { client in
            let error = await #expect(throws: RPCError.self) {
                try await client.export(OTLPRequestFactory.request(traces: 1, spansPerTrace: 3))
            }
            #expect(error?.code == .internalError)
            #expect(error?.message.contains("disk full") == true)
        }
    }

    @Test func aPayloadThatIsNoRequestIsInvalidArgument() async throws {
        let sink = Sink()
        try await withServer(sink.take) { client in
            let error = await #expect(throws: RPCError.self) {
                try await client.exportRaw([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01])   // a length past the end
            }
            #expect(error?.code == .invalidArgument)
        }
        #expect(sink.spans == 0)
    }

    @Test func anOversizeMessageIsResourceExhausted() async throws {
        let sink = Sink()
        let request = OTLPRequestFactory.request(traces: 2, spansPerTrace: 5)
        let size = try (request.serializedBytes() as [UInt8]).count
        try await withServer(sink.take, maxMessageBytes: size - 1) { client in
            let error = await #expect(throws: RPCError.self) { try await client.export(request) }
            #expect(error?.code == .resourceExhausted, "\(String(describing: error))")
            #expect(error?.message.contains("over the limit of \(size - 1)") == true)
        }
        #expect(sink.spans == 0)
        try await withServer(sink.take, maxMessageBytes: size) { client in
            _ = try await client.export(request)
        }
        #expect(sink.spans == 10)
    }

    @Test func anEmptyRequestIsOK() async throws {
        let sink = Sink()
        try await withServer(sink.take) { client in
            let response = try await client.export(Request())
            #expect(response == .init())
        }
        #expect(sink.spans == 0)
    }
}
