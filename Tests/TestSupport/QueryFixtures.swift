import TraceModel

/// Traces the query evaluator tests run on, drawn or built with `TraceFixture` (shared: the
/// store's query tests run the same queries on them through SQLite).
public enum QueryFixtures {
    /// One trace of a shop request (times in ms):
    ///
    ///     root    GET /checkout   frontend  [0, 30)  server
    ///      api    api             checkout  [2, 20)  client
    ///       db    database.query  postgres  [3, 11)  ERROR
    ///       cache redis GET       redis     [11, 14)
    ///      render render          frontend  [22, 29) OK
    ///
    /// Self times: root 30 - (18 + 7) = 5, api 18 - (8 + 3) = 7, the leaves their durations.
    public static let shop: SpanTable = {
        var f = TraceFixture(trace: "shop")
        f.span("root", service: "frontend", name: "GET /checkout", start: 0, end: 30, kind: .server)
        f.span("api", parent: "root", service: "checkout", start: 2, end: 20, kind: .client)
        f.span("db", parent: "api", service: "postgres", name: "database.query", start: 3, end: 11, status: .error)
        f.span("cache", parent: "api", service: "redis", name: "redis GET", start: 11, end: 14)
        f.span("render", parent: "root", service: "frontend", start: 22, end: 29, status: .ok)
        return f.build()
    }()

    /// Spans with typed attributes on one trace, and a resource attribute shared by the
    /// `checkout` spans. Span `zipkin` holds every tag as a string, `otlp` as typed values.
    public static let attributes: SpanTable = {
        var f = TraceFixture(trace: "attrs")
        f.span("root", service: "frontend", start: 0, end: 100, kind: .server,
               attributes: ["http.method": .string("GET"), "http.url": .string("https://shop/cart?id=7")],
               resource: ["host.name": .string("web-1"), "region": .string("eu")])
        f.span("zipkin", parent: "root", service: "payment", start: 10, end: 40, kind: .client,
               attributes: ["http.status_code": .string("500"), "user.id": .string("12345"),
                            "retry": .string("true"), "ratio": .string("0.75"), "region": .string("us")],
               resource: ["region": .string("eu")])
        f.span("otlp", parent: "root", service: "checkout", start: 20, end: 60, kind: .server,
               attributes: ["http.response.status_code": .int(503), "user.id": .int(12345), "retry": .bool(false),
                            "ratio": .double(0.25), "big": .int(5_000_000_000), "odd key": .string("yes"),
                            "db.query.text": .string("SELECT * FROM carts")],
               resource: ["region": .string("eu"), "k8s.pod.name": .string("checkout-7")])
        f.span("plain", parent: "otlp", service: "checkout", start: 30, end: 35,
               attributes: ["http.status_code": .int(200), "http.method": .string("POST"),
                            "tags": .array([.string("a"), .string("b")])],
               resource: ["region": .string("eu"), "k8s.pod.name": .string("checkout-7")])
        return f.build()
    }()

    /// Three traces for the primer's queries:
    /// - `slow`: a checkout request of 6 s (matches query 1), with an OK database span;
    /// - `broken`: an ERROR span named database.query (matches query 2), 1 s;
    /// - `user`: user.id "12345" with http.status_code 500 as a Zipkin string on one span and
    ///   503 as an OTLP integer (new convention name) on another (matches query 3).
    /// Near misses: a 4 s checkout trace, an ERROR span with another name, user 12345 with
    /// status 200, another user with status 500.
    public static let primer: SpanTable = {
        var f = TraceFixture(trace: "slow")
        f.span("checkout-root", service: "checkout", name: "POST /checkout", start: 0, end: 6_000, kind: .server)
        f.span("slow-db", parent: "checkout-root", service: "postgres", name: "database.query", start: 100, end: 900,
               status: .ok)

        f.inTrace("fast")
        f.span("fast-root", service: "checkout", name: "POST /checkout", start: 0, end: 4_000, kind: .server)

        f.inTrace("broken")
        f.span("broken-root", service: "frontend", name: "GET /", start: 0, end: 1_000, kind: .server)
        f.span("broken-db", parent: "broken-root", service: "postgres", name: "database.query", start: 10, end: 500,
               status: .error, statusMessage: "connection refused")
        f.span("broken-other", parent: "broken-root", service: "redis", name: "redis GET", start: 600, end: 700,
               status: .error)

        f.inTrace("user")
        f.span("user-root", service: "frontend", name: "GET /account", start: 0, end: 300, kind: .server)
        f.span("user-zipkin", parent: "user-root", service: "accounts", name: "get account", start: 10, end: 100,
               attributes: ["user.id": .string("12345"), "http.status_code": .string("500")])
        f.span("user-otlp", parent: "user-root", service: "accounts", name: "get orders", start: 110, end: 200,
               attributes: ["user.id": .string("12345"), "http.response.status_code": .int(503)])
        f.span("user-ok", parent: "user-root", service: "accounts", name: "get profile", start: 210, end: 250,
               attributes: ["user.id": .string("12345"), "http.status_code": .int(200)])

        f.inTrace("other-user")
        f.span("other-root", service: "frontend", name: "GET /account", start: 0, end: 300, kind: .server,
               attributes: ["user.id": .string("99"), "http.status_code": .string("500")])
        return f.build()
    }()

    /// The index of the trace a fixture named `name` in a table.
    public static func traceIndex(_ name: String, in table: SpanTable) -> Int {
        table.traceIndex(of: StableHash.traceID(for: name))!
    }
}
