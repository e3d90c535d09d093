/// Orders attribute keys for the detail pane: OpenTelemetry semantic-convention namespaces
/// first (HTTP, URL, server, database, messaging, RPC, user, errors ...), then the rest by name.
enum AttributeOrder {
    static let namespaces = [
        "http", "url", "server", "client", "network", "net", "rpc", "db", "messaging", "peer", "user", "enduser",
        "error", "exception", "code", "thread", "otel", "span",
    ]

    /// A sort key: (namespace rank, key).
    static func rank(_ key: String) -> (Int, String) {
        let namespace = key.split(separator: ".", maxSplits: 1).first.map(String.init) ?? key
        return (namespaces.firstIndex(of: namespace) ?? namespaces.count, key)
    }

    static func sorted<T>(_ items: [T], key: (T) -> String) -> [T] {
        items.sorted { rank(key($0)) < rank(key($1)) }
    }
}
