import TerminalCore
import TOMLKit
import TraceRemote

/// A backend named in the config file:
///
/// ```toml
/// [sources.prod]
/// url = "jaeger+https://jaeger.example:16686"
/// headers_from_env = { Authorization = "JAEGER_AUTH" }   # values from the environment only
/// tenant = "team-a"          # X-Scope-OrgID
/// timeout = 20               # seconds
/// insecure = false           # accept any certificate
/// ```
struct NamedSource: Equatable {
    var name: String
    var endpoint: RemoteEndpoint
    /// Header name → the environment variable holding its value.
    var headersFromEnvironment: [String: String] = [:]
    var tenant: String?
    var timeout: Int64?
    var insecure: Bool?

    static let keys = ["url", "headers_from_env", "tenant", "timeout", "insecure"]

    init(name: String, table: TOMLTable) throws(UserConfig.Failure) {
        self.name = name
        func fail(_ message: String) -> UserConfig.Failure { UserConfig.Failure(description: "[sources.\(name.visiblyEscaped)]: \(message)") }
        guard let url = table["url"]?.string else { throw fail("give url = \"jaeger+http://HOST:16686\" (or tempo+, zipkin+)") }
        do { endpoint = try RemoteEndpoint.parse(url) } catch { throw fail(error.description) }
        for key in table.keys.sorted() where !Self.keys.contains(key) {
            throw fail("unknown setting `\(key.visiblyEscaped)` (known: \(Self.keys.joined(separator: ", ")))")
        }
        if let headers = table["headers_from_env"] {
            guard let headers = headers.table else { throw fail("headers_from_env takes a table: { Authorization = \"VARIABLE\" }") }
            for header in headers.keys {
                guard let variable = headers[header]?.string else { throw fail("headers_from_env.\(header) names an environment variable") }
                headersFromEnvironment[header] = variable
            }
        }
        if let value = table["tenant"] {
            guard let text = value.string else { throw fail("tenant takes a string") }
            tenant = text
        }
        if let value = table["timeout"] {
            guard let seconds = value.int, seconds > 0 else { throw fail("timeout takes a number of seconds, at least 1") }
            timeout = Int64(seconds)
        }
        if let value = table["insecure"] {
            guard let flag = value.bool else { throw fail("insecure takes true or false") }
            insecure = flag
        }
    }
}
