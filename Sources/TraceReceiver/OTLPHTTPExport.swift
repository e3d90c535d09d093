import Foundation
import OTLPProto
import SwiftProtobuf
import TraceFormats
import TraceModel

/// OTLP/HTTP's trace export as the specification defines it, on one request: `POST /v1/traces`
/// with `application/x-protobuf` or `application/json` (gzip or not) decodes the spans and hands
/// them to the sink; the answer is an `ExportTraceServiceResponse` in the request's encoding
/// (with partial success when spans were rejected), or an error status with a `google.rpc.Status`:
///
/// | case | status |
/// |------|--------|
/// | another path | 404 |
/// | another method | 405 (`Allow: POST`) |
/// | another media type or content encoding | 415 |
/// | a body over `maxBodyBytes` | 413 |
/// | a body that is no request | 400 |
/// | the sink is full (the store cannot keep up) | 503 with `Retry-After` |
/// | the sink failed to store | 500 |
/// | stored (durably, before this answer) | 200 |
public struct OTLPHTTPExport: Sendable {
    public static let path = "/v1/traces"
    /// The default body limit: 16 MiB.
    public static let defaultMaxBodyBytes = 16 << 20

    public var maxBodyBytes: Int
    /// Stores a decoded batch; called on the caller's thread, once per accepted request.
    public var sink: SpanSink

    public init(maxBodyBytes: Int = defaultMaxBodyBytes, sink: @escaping SpanSink) {
        self.maxBodyBytes = maxBodyBytes
        self.sink = sink
    }

    enum Encoding { case protobuf, json }

    /// The answer to one request. O(body).
    public func respond(to request: HTTPExchange.Request) -> HTTPExchange.Response {
        guard request.path == Self.path else { return Self.status(404, "no such path: only POST /v1/traces", .json) }
        guard request.method.uppercased() == "POST" else {
            var r = Self.status(405, "only POST is allowed on /v1/traces", .json)
            r.headers["Allow"] = "POST"
            return r
        }
        let mediaType = (request.contentType ?? "").split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        } ?? ""
        let encoding: Encoding
        switch mediaType {
        case "application/x-protobuf": encoding = .protobuf
        case "application/json": encoding = .json
        default:
            return Self.status(415, "unsupported media type \"\(mediaType)\": use application/x-protobuf or application/json",
                               .json)
        }
        let contentEncoding = (request.contentEncoding ?? "identity").lowercased()
        guard contentEncoding == "gzip" || contentEncoding == "identity" || contentEncoding.isEmpty else {
            return Self.status(415, "unsupported content encoding \"\(contentEncoding)\": use gzip or none", encoding)
        }
        guard request.body.count <= maxBodyBytes else {
            return Self.status(413, "the body is larger than \(maxBodyBytes) bytes", encoding)
        }
        var builder = SpanTableBuilder()
        let report: DecodeReport
        do throws(DecodeFailure) {
            let limits = DecodeLimits(maxInflatedBytes: max(maxBodyBytes * 8, DecodeLimits.standard.maxInflatedBytes / 64))
            switch encoding {
            case .protobuf:
                report = try OTLPProtobufDecoder.decode(request.body, source: "request", into: &builder, limits: limits)
            case .json:
                guard !request.body.isEmpty else { report = DecodeReport(format: .otlpJSON); break }
                report = try TraceDecoder.decode(request.body, source: "request", into: &builder, limits: limits)
                guard report.format == .otlpJSON || report.format == .otlpJSONLines else {
                    return Self.status(400, "the body is \(report.format.rawValue), not an OTLP ExportTraceServiceRequest",
                                       encoding)
                }
            }
        } catch {
            return Self.status(400, "\(error)", encoding)
        }
        let table = builder.finish()
        if !table.spans.isEmpty || report.spansSkipped > 0 {
            switch sink(table, report.spansSkipped) {
            case .stored: break
            case .busy(let seconds):
                var r = Self.status(503, "the store is busy: retry later", encoding)
                r.headers["Retry-After"] = String(seconds)
                return r
            case .failed(let why): return Self.status(500, "the spans could not be stored: \(why)", encoding)
            }
        }
        return Self.success(rejected: report.spansSkipped,
                            message: report.rejectionMessage,
                            encoding)
    }

    /// 200 with an `ExportTraceServiceResponse`.
    static func success(rejected: Int, message: String, _ encoding: Encoding) -> HTTPExchange.Response {
        var response = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceResponse()
        if rejected > 0 {
            response.partialSuccess.rejectedSpans = Int64(rejected)
            response.partialSuccess.errorMessage = message
        }
        return HTTPExchange.Response(status: 200, headers: ["Content-Type": contentType(encoding)],
                                     body: serialize(response, encoding))
    }

    /// An error status with a `google.rpc.Status` body.
    static func status(_ code: Int, _ message: String, _ encoding: Encoding) -> HTTPExchange.Response {
        var status = Google_Rpc_Status()
        status.code = Int32(rpcCode(code))
        status.message = message
        return HTTPExchange.Response(status: code, headers: ["Content-Type": contentType(encoding)],
                                     body: serialize(status, encoding))
    }

    /// The gRPC code that matches an HTTP status (google.rpc.Code).
    static func rpcCode(_ http: Int) -> Int {
        switch http {
        case 400, 413, 415: 3     // INVALID_ARGUMENT
        case 404, 405: 12         // UNIMPLEMENTED
        case 503: 14              // UNAVAILABLE
        default: 13               // INTERNAL
        }
    }

    static func contentType(_ encoding: Encoding) -> String {
        encoding == .protobuf ? "application/x-protobuf" : "application/json"
    }

    static func serialize(_ message: some SwiftProtobuf.Message, _ encoding: Encoding) -> [UInt8] {
        switch encoding {
        case .protobuf: return (try? message.serializedBytes()) ?? []
        case .json: return Array(((try? message.jsonString()) ?? "{}").utf8)
        }
    }
}
