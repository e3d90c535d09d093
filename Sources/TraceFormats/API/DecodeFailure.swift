/// Why an input could not be read as traces at all.
public enum DecodeFailure: Error, Sendable, CustomStringConvertible {
    /// Valid or invalid JSON that matches no trace format; lists the formats tried.
    case notATraceFormat(source: String, tried: [TraceFormat], detail: String)
    case badGzip(source: String, detail: String)
    case empty(source: String)

    public var description: String {
        switch self {
        case .notATraceFormat(let source, let tried, let detail):
            return "\(source): not a trace file (tried \(tried.map(\.rawValue).joined(separator: ", "))): \(detail)"
        case .badGzip(let source, let detail):
            return "\(source): cannot decompress gzip data: \(detail)"
        case .empty(let source):
            return "\(source): empty input"
        }
    }
}
