import TraceModel

/// A Zipkin endpoint (`localEndpoint`, `remoteEndpoint`).
struct ZipkinEndpoint {
    var serviceName = StringID.empty
    var ipv4 = StringID.empty
    var ipv6 = StringID.empty
    var port: Int64?

    var isEmpty: Bool { serviceName.isEmpty && ipv4.isEmpty && ipv6.isEmpty && port == nil }
}
