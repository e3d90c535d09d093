import Foundation
import TraceModel

/// Decodes OTLP's protobuf `ExportTraceServiceRequest` (the body of OTLP/HTTP with
/// `application/x-protobuf`, the message of OTLP/gRPC) into a builder, with the rules of the
/// JSON decoder: a span without a valid trace id or span id is skipped and counted, times that
/// cannot be real are noted, and trex's follows-from link is read back as the relation.
///
/// SwiftProtobuf parses the message (its depth limit bounds nested values); the spans are then
/// copied into the builder, strings interned. O(message size).
public enum OTLPProtobufDecoder {
    /// The spans of a request appended to `builder`; the report's `spansSkipped` are the spans a
    /// receiver answers as rejected (OTLP's partial success).
    ///
    /// - Throws: `DecodeFailure.badProtobuf` when the bytes are not a request at all.
    ///   gzip-compressed bytes are inflated first (a protobuf message never starts with gzip's
    ///   magic 1f 8b: 0x1f would be field 3 with the invalid wire type 7), at most to
    ///   `limits.maxInflatedBytes`.
    public static func decode(_ bytes: [UInt8], source: String, into builder: inout SpanTableBuilder,
                              limits: DecodeLimits = .standard) throws(DecodeFailure) -> DecodeReport {
        var message = bytes
        var gzipped = false
        let inflated: Result<GzipInflater.Output, GzipError>? = bytes.withUnsafeBufferPointer { input in
            GzipInflater.isGzip(input) ? GzipInflater.inflate(input, limit: limits.maxInflatedBytes) : nil
        }
        switch inflated {
        case .success(let output)?:
            message = output.bytes
            gzipped = true
        case .failure(.tooLarge(let limit))?: throw .inflatesTooLarge(source: source, limit: limit)
        case .failure(.corrupt(let detail))?: throw .badGzip(source: source, detail: detail)
        case nil: break
        }
        var state = OTLPWireDecoding(builder: &builder)
        do throws(ProtobufWireReader.Malformed) {
            try message.withUnsafeBufferPointer { (bytes) throws(ProtobufWireReader.Malformed) in
                try state.request(ProtobufWireReader(bytes), &builder)
            }
        } catch {
            throw .badProtobuf(source: source, detail: "\(error)")
        }
        var report = state.report(source: source)
        report.gzipped = gzipped
        return report
    }
}
