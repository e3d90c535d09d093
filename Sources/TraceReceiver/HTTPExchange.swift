/// One HTTP request as the receiver reads it, and its answer: plain values, so the OTLP/HTTP
/// rules (`OTLPHTTPExport`) are tested without a socket.
public struct HTTPExchange {
    public struct Request: Sendable {
        public var method: String
        /// The path without the query string.
        public var path: String
        public var contentType: String?
        public var contentEncoding: String?
        public var body: [UInt8]

        public init(method: String, path: String, contentType: String? = nil, contentEncoding: String? = nil,
                    body: [UInt8] = []) {
            self.method = method
            self.path = path
            self.contentType = contentType
            self.contentEncoding = contentEncoding
            self.body = body
        }
    }

    public struct Response: Sendable, Equatable {
        public var status: Int
        public var headers: [String: String]
        public var body: [UInt8]

        public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
            self.status = status
            self.headers = headers
            self.body = body
        }
    }
}
