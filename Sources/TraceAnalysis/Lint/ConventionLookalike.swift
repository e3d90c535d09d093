/// Attribute names that are not OpenTelemetry semantic conventions but look like one:
/// another spelling of a registry name (`http_status_code`, `httpStatusCode`), or a common
/// homemade name for a conventional attribute (`my_http_code`, `url`, `db_query`).
enum ConventionLookalike {
    /// The conventional name to use instead, or nil when the name does not look like one.
    static func suggestion(for key: String) -> String? {
        let tokens = Self.tokens(key)
        guard !tokens.isEmpty else { return nil }
        let joined = tokens.joined(separator: ".")
        if let name = spellings[joined], name != key { return current(name) }
        var meaningful = tokens
        while let first = meaningful.first, meaningful.count > 1, noisePrefixes.contains(first) { meaningful.removeFirst() }
        let stripped = meaningful.joined(separator: ".")
        if stripped != joined, let name = spellings[stripped] { return current(name) }
        if let name = homemade[stripped] { return name }
        return nil
    }

    /// The replacement of a deprecated name, else the name.
    private static func current(_ name: String) -> String {
        SemanticConventions.attribute(name)?.replacement ?? name
    }

    /// Lower-cased words: split at `.`, `_`, `-`, `/`, spaces and lower-to-upper case changes.
    static func tokens(_ key: String) -> [String] {
        var out: [String] = []
        var word = ""
        var previousLower = false
        for ch in key {
            if ch == "." || ch == "_" || ch == "-" || ch == "/" || ch == " " {
                if !word.isEmpty { out.append(word) }
                word = ""
                previousLower = false
                continue
            }
            if ch.isUppercase && previousLower {
                out.append(word)
                word = ""
            }
            word += ch.lowercased()
            previousLower = ch.isLowercase || ch.isNumber
        }
        if !word.isEmpty { out.append(word) }
        return out
    }

    /// Registry names by their words (`http.status.code` → `http.status_code`).
    private static let spellings: [String: String] = {
        var map: [String: String] = [:]
        for attribute in SemanticConventions.all where !attribute.isTemplate {
            let words = tokens(attribute.name).joined(separator: ".")
            if map[words] == nil { map[words] = attribute.name }
        }
        return map
    }()

    /// Leading words that mark a homemade name (`my_http_code`, `custom.url`). Not `app.`: an
    /// application's own namespace is what the conventions ask custom attributes to use.
    private static let noisePrefixes: Set<String> = ["my", "custom", "x", "attr", "tag", "ctx"]

    /// Homemade names for conventional attributes, by their words once the prefix is gone.
    /// Only names that mean one thing: not `method` (an RPC's or an HTTP request's?) or `route`.
    private static let homemade: [String: String] = [
        "url": "url.full", "uri": "url.full", "request.url": "url.full", "http.uri": "url.full",
        "status.code": "http.response.status_code", "http.code": "http.response.status_code",
        "response.code": "http.response.status_code", "http.status": "http.response.status_code",
        "response.status": "http.response.status_code", "statuscode": "http.response.status_code",
        "http.verb": "http.request.method", "request.method": "http.request.method",
        "http.path": "url.path", "request.path": "url.path",
        "db.query": "db.query.text", "sql": "db.query.text", "sql.query": "db.query.text", "query.text": "db.query.text",
        "db.sql": "db.query.text", "db.type": "db.system.name", "db.table": "db.collection.name",
        "user.agent": "user_agent.original", "useragent": "user_agent.original",
        "client.ip": "client.address", "remote.addr": "client.address", "remote.ip": "client.address",
        "topic": "messaging.destination.name", "queue.name": "messaging.destination.name",
        "exception.msg": "exception.message", "error.msg": "exception.message", "stacktrace": "exception.stacktrace",
    ]
}
