/// A request to a backend that failed, saying what was asked (the URL, without headers) and
/// what came back, for the status line and standard error.
public struct RemoteError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        /// An HTTP status other than 2xx (with the start of the body).
        case status(Int, String)
        /// 429: the backend asks to slow down (Retry-After seconds, when given).
        case tooManyRequests(retryAfter: Int?)
        case timeout
        /// Could not connect or the connection broke (the underlying error's text).
        case connection(String)
        /// The answer was not what the documented API returns.
        case badResponse(String)
        case tooLarge(Int)
    }

    public let kind: Kind
    /// What was asked: `GET http://host:16686/api/traces?service=checkout`.
    public let request: String

    public init(_ kind: Kind, request: String) {
        self.kind = kind
        self.request = request
    }

    public var description: String {
        switch kind {
        case .status(let code, let body):
            return "\(request): HTTP \(code)" + (body.isEmpty ? "" : ": \(body)")
        case .tooManyRequests(let after):
            return "\(request): HTTP 429, the backend asks to slow down" + (after.map { " (retry after \($0) s)" } ?? "")
        case .timeout:
            return "\(request): no answer in time"
        case .connection(let detail):
            return "\(request): \(detail)"
        case .badResponse(let detail):
            return "\(request): \(detail)"
        case .tooLarge(let limit):
            return "\(request): the answer is larger than \(limit >> 20) MiB"
        }
    }
}
