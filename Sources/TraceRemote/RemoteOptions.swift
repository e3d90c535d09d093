import TraceModel

/// How trex talks to a backend: extra headers (auth, a Tempo tenant), a timeout, TLS, and how
/// much one search may bring back.
public struct RemoteOptions: Sendable {
    /// Sent with every request. Values come from the environment or the config file, never from
    /// the command line, so they stay out of shell history and of every message trex prints.
    public var headers: [(name: String, value: String)] = []
    /// A request that has not answered by then fails (seconds).
    public var timeoutSeconds: Int64 = 30
    /// Accept any certificate (a test cluster with a self-signed one).
    public var insecureTLS = false
    /// The most traces one search returns.
    public var limit = 200
    /// The most traces one page of a search asks for.
    public var pageSize = 50
    /// Where opened traces are kept (`RemoteCache`); nil keeps none.
    public var cacheDirectory: String?
    /// How far back a search looks from now, when no window is given.
    public var lookback = Nanoseconds.seconds(3_600)
    /// The largest response accepted (bytes).
    public var maxResponseBytes = 512 << 20

    public init() {}

    /// `X-Scope-OrgID`, Tempo's (and Jaeger behind a multi-tenant proxy's) tenant.
    public mutating func setTenant(_ tenant: String) {
        headers.removeAll { $0.name.lowercased() == "x-scope-orgid" }
        headers.append(("X-Scope-OrgID", tenant))
    }
}
