/// Why an input could not be read as traces at all.
public enum DecodeFailure: Error, Sendable, CustomStringConvertible {
    /// Valid or invalid JSON that matches no trace format; lists the formats tried.
    case notATraceFormat(source: String, tried: [TraceFormat], detail: String)
    case badGzip(source: String, detail: String)
    /// gzip data that inflates past `DecodeLimits.maxInflatedBytes` (a decompression bomb, or a
    /// file too large for this machine); decompression stopped at the limit.
    case inflatesTooLarge(source: String, limit: Int)
    case empty(source: String)
    /// Bytes that are not an OTLP protobuf message.
    case badProtobuf(source: String, detail: String)

    public var description: String {
        switch self {
        case .notATraceFormat(let source, let tried, let detail):
            return "\(source): not a trace file (tried \(tried.map(\.rawValue).joined(separator: ", "))): \(detail)"
        case .badGzip(let source, let detail):
            return "\(source): cannot decompress gzip data: \(detail)"
        case .inflatesTooLarge(let source, let limit):
            return "\(source): the gzip data inflates to more than \(DecodeLimits.describe(limit)), the limit; stopped "
                + "decompressing (set \(DecodeLimits.environmentVariable) to a larger size, e.g. 64G, to load it anyway)"
        case .empty(let source):
            return "\(source): empty input"
        case .badProtobuf(let source, let detail):
            return "\(source): not an OTLP protobuf message: \(detail)"
        }
    }
}
