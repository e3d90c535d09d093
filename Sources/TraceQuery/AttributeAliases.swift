/// Attribute keys OpenTelemetry renamed in its semantic conventions. A query naming either
/// spelling finds a value stored under either, so queries written against old SDKs' data work
/// on new SDKs' data and the other way round.
public enum AttributeAliases {
    /// (older name, newer name) pairs, one-to-one.
    public static let renamed: [(old: String, new: String)] = [
        ("http.status_code", "http.response.status_code"),
        ("http.method", "http.request.method"),
        ("http.url", "url.full"),
        ("http.scheme", "url.scheme"),
        ("http.user_agent", "user_agent.original"),
        ("http.client_ip", "client.address"),
        ("http.request_content_length", "http.request.body.size"),
        ("http.response_content_length", "http.response.body.size"),
        ("db.statement", "db.query.text"),
        ("db.operation", "db.operation.name"),
        ("net.protocol.name", "network.protocol.name"),
        ("net.protocol.version", "network.protocol.version"),
        ("net.sock.peer.addr", "network.peer.address"),
        ("net.sock.peer.port", "network.peer.port"),
        ("code.function", "code.function.name"),
        ("code.filepath", "code.file.path"),
        ("code.lineno", "code.line.number"),
        ("messaging.destination", "messaging.destination.name"),
    ]

    private static let table: [String: String] = {
        var t: [String: String] = [:]
        for (old, new) in renamed {
            t[old] = new
            t[new] = old
        }
        return t
    }()

    /// The key itself, then its other spelling when it has one: the keys to look up, in order.
    public static func keys(for key: String) -> [String] {
        if let other = table[key] { return [key, other] }
        return [key]
    }
}
