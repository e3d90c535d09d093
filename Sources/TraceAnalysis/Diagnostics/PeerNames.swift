import TraceModel

/// The names a call's peer goes by, for matching a CLIENT span with the SERVER span that
/// answered it across traces. Lower-cased, ports and URL parts removed.
enum PeerNames {
    /// The attributes a call names its peer's host by, and the URLs it names it in.
    static let hostKeys = ["server.address", "net.peer.name", "http.host"]
    static let urlKeys = ["url.full", "http.url"]

    /// What a client span says it called: `peer.service`, `server.address`, `net.peer.name`,
    /// `http.host`, the host of `url.full` / `http.url`.
    static func called(by span: Span, in table: SpanTable) -> [String] {
        var names: [String] = []
        for key in ["peer.service"] + hostKeys {
            if let v = stringAttribute(key, of: span, in: table) { names.append(normalize(v)) }
        }
        for key in urlKeys {
            if let v = stringAttribute(key, of: span, in: table), let host = host(ofURL: v) { names.append(host) }
        }
        return unique(names)
    }

    /// What a server span answers to: its service name, resource `host.name`, and its own
    /// `server.address`, `net.host.name`, `http.host`, host of `url.full` / `http.url`.
    static func answering(as span: Span, in table: SpanTable) -> [String] {
        var names: [String] = []
        let service = table.serviceName(of: span)
        if !service.isEmpty { names.append(normalize(service)) }
        if case .string(let host)? = table.resourceAttribute("host.name", of: span) { names.append(normalize(host)) }
        for key in ["server.address", "net.host.name", "http.host"] {
            if let v = stringAttribute(key, of: span, in: table) { names.append(normalize(v)) }
        }
        for key in ["url.full", "http.url"] {
            if let v = stringAttribute(key, of: span, in: table), let host = host(ofURL: v) { names.append(host) }
        }
        return unique(names)
    }

    private static func stringAttribute(_ key: String, of span: Span, in table: SpanTable) -> String? {
        guard let id = table.strings.lookup(key), let a = table.attribute(id, in: span.attributes),
              let s = a.stringID, !s.isEmpty else { return nil }
        return table.strings[s]
    }

    /// "Payment:8080" -> "payment".
    static func normalize(_ name: String) -> String {
        var text = name.lowercased()
        if let colon = text.lastIndex(of: ":"), !text.contains("]"), text.filter({ $0 == ":" }).count == 1,
           text[text.index(after: colon)...].allSatisfy(\.isNumber) {
            text = String(text[..<colon])
        }
        return text
    }

    /// "https://payment:8443/charge?x=1" -> "payment".
    static func host(ofURL url: String) -> String? {
        let chars = Array(url)
        guard let mark = chars.indices.first(where: {
            $0 + 2 < chars.count && chars[$0] == ":" && chars[$0 + 1] == "/" && chars[$0 + 2] == "/"
        }) else { return nil }
        let rest = chars[(mark + 3)...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostPort = authority.split(separator: "@").last.map { String($0) } ?? ""
        let host = normalize(hostPort)
        return host.isEmpty ? nil : host
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

/// `PeerNames.called(by:in:)` for the spans of one table, read once per distinct set of values
/// of the attributes it reads (a service's calls mostly repeat a few): what the broken-
/// propagation search and the lint ask of every leaf client span (measured: the names read
/// afresh per span were a tenth of `trex lint` on 1,000,000 spans).
struct PeerNameCache {
    let table: SpanTable
    private let keys: [StringID?]
    private var known: [Values: [String]] = [:]

    /// The six attributes' values (`.empty` when absent), two to a word.
    private struct Values: Hashable {
        var a: UInt64
        var b: UInt64
        var c: UInt64
    }

    init(table: SpanTable) {
        self.table = table
        keys = (["peer.service"] + PeerNames.hostKeys + PeerNames.urlKeys).map { table.strings.lookup($0) }
    }

    mutating func called(by span: Span) -> [String] {
        let table = self.table, keys = self.keys
        func value(_ n: Int) -> UInt64 {
            UInt64(keys[n].flatMap { table.attribute($0, in: span.attributes)?.stringID }?.rawValue ?? 0)
        }
        let values = Values(a: value(0) << 32 | value(1), b: value(2) << 32 | value(3), c: value(4) << 32 | value(5))
        if let names = known[values] { return names }
        let names = PeerNames.called(by: span, in: table)
        known[values] = names
        return names
    }
}
