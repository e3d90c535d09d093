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
public struct OTLPTraceService: RegistrableRPCService {
    public typealias Request = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest
    public typealias Response = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceResponse

    let sink: SpanSink
    let maxMessageBytes: Int

    public init(maxMessageBytes: Int, sink: @escaping SpanSink) {
        self.sink = sink
        self.maxMessageBytes = maxMessageBytes
    }

    /// The generated service's Export method, its message kept as bytes: trex's own wire
    /// decoder reads them (`OTLPProtobufDecoder`, twice as fast as parsing messages first), and
    /// an oversize message is refused with a status (the transport's own limit, set higher as a
    /// hard cap, would reset the stream, which exporters read as UNAVAILABLE and retry).
    public func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        router.registerHandler(
            forMethod: Opentelemetry_Proto_Collector_Trace_V1_TraceService.Method.Export.descriptor,
            deserializer: SizeLimitedBytes(limit: maxMessageBytes),
            serializer: ProtobufSerializer<Response>(),
            handler: { request, context in
                let single = try await ServerRequest(stream: request)
                let response = try await Self.answer(single.message, sink: sink)
                return StreamingServerResponse(single: ServerResponse(message: response, metadata: [:]))
            })
    }

    /// The answer to one request's message, or the status error it gets. Decoding and the sink
    /// run on a dispatch thread (the sink blocks until the batch is committed), never on the
    /// concurrency pool.
    static func answer(_ message: [UInt8], sink: @escaping SpanSink) async throws -> Response {
        typealias Outcome = Result<(DecodeReport, IngestResult), DecodeFailure>
        let outcome = await withCheckedContinuation { (done: CheckedContinuation<Outcome, Never>) in
            DispatchQueue.global().async {
                var builder = SpanTableBuilder()
                do throws(DecodeFailure) {
                    let report = try OTLPProtobufDecoder.decode(message, source: "request", into: &builder)
                    let table = builder.finish()
                    done.resume(returning: .success((report, table.spans.isEmpty && report.spansSkipped == 0 ? .stored : sink(table, report.spansSkipped))))
                } catch {
                    done.resume(returning: .failure(error))
                }
            }
        }
        let report: DecodeReport, result: IngestResult
        switch outcome {
        case .success(let done): (report, result) = done
        case .failure(let error): throw RPCError(code: .invalidArgument, message: "\(error)")
        }
        switch result {
        case .stored: break
        case .busy(let seconds):
            throw GoogleRPCStatus(code: .resourceExhausted, message: "the store is busy: retry later",
                                  details: .retryInfo(delay: .seconds(seconds)))
        case .failed(let why):
            throw RPCError(code: .internalError, message: "the spans could not be stored: \(why)")
        }
        var response = Response()
        if report.spansSkipped > 0 {
            response.partialSuccess.rejectedSpans = Int64(report.spansSkipped)
            response.partialSuccess.errorMessage = report.rejectionMessage
        }
        return response
    }
}

/// A message's bytes as they came, behind a size check: a message over `limit` bytes is
/// `RESOURCE_EXHAUSTED`, naming both sizes.
struct SizeLimitedBytes: MessageDeserializer {
    let limit: Int

    func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> [UInt8] {
        guard serializedMessageBytes.count <= limit else {
            throw RPCError(code: .resourceExhausted,
                           message: "the message is \(serializedMessageBytes.count) bytes, over the limit of \(limit)")
        }
        return serializedMessageBytes.withUnsafeBytes { Array($0) }
    }
}
