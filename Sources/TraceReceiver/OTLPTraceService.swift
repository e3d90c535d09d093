import Dispatch
import GRPCCore
import GRPCProtobuf
import OTLPGRPC
import OTLPProto
import TraceFormats
import TraceModel

/// OTLP/gRPC's `opentelemetry.proto.collector.trace.v1.TraceService/Export`, as the
/// specification defines it: the request's spans go to the sink and the answer is an
/// `ExportTraceServiceResponse` (partial success with the rejected span count and why, when
/// some spans were invalid), or an error status:
///
/// | case | status |
/// |------|--------|
/// | a message that is no request (the library's deserializer) | `INVALID_ARGUMENT` |
/// | a message over `maxMessageBytes` (inflated) | `RESOURCE_EXHAUSTED` |
/// | the sink is full (the store cannot keep up) | `RESOURCE_EXHAUSTED`, with `RetryInfo` |
/// | the sink failed to store | `INTERNAL` |
/// | stored (durably, before this answer) | `OK` |
///
/// gzip-compressed messages are inflated by the transport (`OTLPGRPCServer` enables it).
public struct OTLPTraceService: Opentelemetry_Proto_Collector_Trace_V1_TraceService.SimpleServiceProtocol {
    public typealias Request = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest
    public typealias Response = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceResponse

    let sink: SpanSink
    let maxMessageBytes: Int

    public init(maxMessageBytes: Int, sink: @escaping SpanSink) {
        self.sink = sink
        self.maxMessageBytes = maxMessageBytes
    }

    /// The generated registration, with a deserializer that refuses oversize messages with a
    /// status (the transport's own limit, set higher as a hard cap, would reset the stream, which
    /// exporters read as UNAVAILABLE and retry).
    public func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        router.registerHandler(
            forMethod: Opentelemetry_Proto_Collector_Trace_V1_TraceService.Method.Export.descriptor,
            deserializer: SizeLimitedDeserializer(limit: maxMessageBytes),
            serializer: ProtobufSerializer<Response>(),
            handler: { request, context in
                let single = try await ServerRequest(stream: request)
                let response = try await self.export(request: single.message, context: context)
                return StreamingServerResponse(single: ServerResponse(message: response, metadata: [:]))
            })
    }

    public func export(request: Request, context: ServerContext) async throws -> Response {
        try await Self.answer(request, sink: sink)
    }

    /// The answer to one request, or the status error it gets. The sink runs on a dispatch
    /// thread (it blocks until the batch is committed), never on the concurrency pool.
    static func answer(_ request: Request, sink: @escaping SpanSink) async throws -> Response {
        var builder = SpanTableBuilder()
        let report = OTLPProtobufDecoder.decode(request, source: "request", into: &builder)
        let table = builder.finish()
        if !table.spans.isEmpty {
            let result = await withCheckedContinuation { (done: CheckedContinuation<IngestResult, Never>) in
                DispatchQueue.global().async { done.resume(returning: sink(table)) }
            }
            switch result {
            case .stored: break
            case .busy(let seconds):
                throw GoogleRPCStatus(code: .resourceExhausted, message: "the store is busy: retry later",
                                      details: .retryInfo(delay: .seconds(seconds)))
            case .failed(let why):
                throw RPCError(code: .internalError, message: "the spans could not be stored: \(why)")
            }
        }
        var response = Response()
        if report.spansSkipped > 0 {
            response.partialSuccess.rejectedSpans = Int64(report.spansSkipped)
            response.partialSuccess.errorMessage = report.rejectionMessage
        }
        return response
    }
}

/// Protobuf's deserializer behind a size check: a message over `limit` bytes is
/// `RESOURCE_EXHAUSTED`, naming both sizes.
struct SizeLimitedDeserializer: MessageDeserializer {
    let limit: Int

    func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> OTLPTraceService.Request {
        guard serializedMessageBytes.count <= limit else {
            throw RPCError(code: .resourceExhausted,
                           message: "the message is \(serializedMessageBytes.count) bytes, over the limit of \(limit)")
        }
        return try ProtobufDeserializer<OTLPTraceService.Request>().deserialize(serializedMessageBytes)
    }
}
