import Foundation
import Testing
import TraceModel
import TraceQuery
import TraceStore
import RemoteTestSupport
@testable import TraceRemote

/// Searches paged and bounded, cancelled between requests, searched again for a new query;
/// opened traces kept in the cache, which stands in when the backend is down. Against a local
/// server whose archive answers Jaeger's and Tempo's searches as those document them (the most
/// recent `limit` traces of the window).
@Suite(.serialized) struct RemotePagingCacheTests {
    static let now = Int64(Date().timeIntervalSince1970 * 1e6)

    static func jaeger(_ archive: FakeTraceArchive, delay: Duration = .zero) throws -> FakeBackendServer {
        try FakeBackendServer(routes: [
            // A Jaeger without api_v3: trex probes it once and uses the classic API.
            .init("/api/v3/services") { _ in .init(status: 404, body: Array("404 page not found".utf8)) },
            .init("/api/services") { _ in .json(#"{"data": ["frontend", "checkout"], "total": 2, "errors": null}"#) },
            .init("/api/traces", required: ["service"], accepted: JaegerSourceTests.searchParameters) { request in
                var response = archive.jaegerSearch(request)
                response.delay = delay
                return response
            },
            .init("/api/traces/{id}") { archive.jaegerTraceByID($0) },
        ])
    }

    static func options(limit: Int, pageSize: Int) -> RemoteOptions {
        var options = RemoteOptions()
        options.limit = limit
        options.pageSize = pageSize
        return options
    }

    static func endpoint(_ server: FakeBackendServer, _ backend: RemoteEndpoint.Backend = .jaeger) -> RemoteEndpoint {
        RemoteEndpoint(backend: backend, baseURL: server.baseURL)
    }

    @Test func aSearchIsPagedOlderAndOlderUntilTheBackendHasNoMore() throws {
        let archive = FakeTraceArchive(count: 120, end: Self.now - 5_000_000)
        let server = try Self.jaeger(archive)
        defer { server.stop() }
        let source = try RemoteSource.open(Self.endpoint(server), options: Self.options(limit: 100, pageSize: 25),
                                           query: try Query.parse(#"service.name = "frontend""#))
        #expect(server.violations.isEmpty, "\(server.violations)")
        let pages = server.requests.filter { $0.path == "/api/traces" }
        // 60 frontend traces: 25, 25, 10 (short of a page: the backend has no more).
        #expect(pages.map { $0.query["limit"] } == ["25", "25", "25"])
        #expect(source.traceListing(overlapping: nil).count == 60)
        #expect(source.opening?.found == 60 && source.opening?.pages == 3)
        // Each page ends just before the oldest trace of the one before.
        let firstPage = archive.select(service: "frontend", from: 0, to: .max, minDuration: nil, limit: 25)
        #expect(pages[1].query["end"] == String(firstPage.last!.start - 1))
        #expect(pages[1].query["start"] == pages[0].query["start"], "the window's start stays")
    }

    @Test func theLimitBoundsASearchAndIsSharedAmongServices() throws {
        let archive = FakeTraceArchive(count: 400, end: Self.now - 5_000_000)
        let server = try Self.jaeger(archive)
        defer { server.stop() }
        let source = try RemoteSource.open(Self.endpoint(server), options: Self.options(limit: 100, pageSize: 30))
        #expect(server.violations.isEmpty, "\(server.violations)")
        let listing = source.traceListing(overlapping: nil)
        #expect(listing.count == 100, "50 of each of the 2 services")
        let perService = Dictionary(grouping: server.requests.filter { $0.path == "/api/traces" }) { $0.query["service"] ?? "" }
        #expect(perService["frontend"]?.map { $0.query["limit"] ?? "" } == ["30", "20"])
        #expect(perService["checkout"]?.map { $0.query["limit"] ?? "" } == ["30", "20"])
        #expect(source.opening?.searched == "the time window" && source.opening?.hadQuery == false)
    }

    @Test func pagesOfTracesSeenAlreadyGoOnToOlderOnes() throws {
        // Every trace calls both services, so both services' searches answer the same traces.
        let archive = FakeTraceArchive(count: 300, end: Self.now - 5_000_000)
        let server = try FakeBackendServer(routes: [
            .init("/api/v3/services") { _ in .init(status: 404, body: Array("404 page not found".utf8)) },
            .init("/api/services") { _ in .json(#"{"data": ["frontend", "checkout"], "total": 2, "errors": null}"#) },
            .init("/api/traces", required: ["service"], accepted: JaegerSourceTests.searchParameters) { request in
                var everyService = request
                everyService.query["service"] = nil
                return archive.jaegerSearch(everyService)
            },
        ])
        defer { server.stop() }
        let source = try RemoteSource.open(Self.endpoint(server), options: Self.options(limit: 100, pageSize: 25))
        #expect(server.violations.isEmpty, "\(server.violations)")
        // checkout: the newest 50; frontend: those 50 again, then the 50 before them.
        #expect(source.traceListing(overlapping: nil).count == 100)
        #expect(source.opening?.found == 100)
        #expect(server.requests.filter { $0.path == "/api/traces" && $0.query["service"] == "frontend" }.count == 4)
    }

    @Test func aCancelledSearchStopsBeforeItsNextRequestKeepingWhatItFound() throws {
        let archive = FakeTraceArchive(count: 200, end: Self.now - 5_000_000)
        let server = try Self.jaeger(archive)
        defer { server.stop() }
        let source = RemoteSource.connect(Self.endpoint(server), options: Self.options(limit: 200, pageSize: 20))
        #expect(server.requests.isEmpty, "connecting asks nothing")
        var pages = 0
        let outcome = try source.search(for: try Query.parse(#"service.name = "checkout""#), progress: { _ in pages += 1 },
                                        isCancelled: { pages >= 2 })
        #expect(outcome.cancelled && outcome.found == 40)
        #expect(server.requests.filter { $0.path == "/api/traces" }.count == 2)
        #expect(source.traceListing(overlapping: nil).count == 40)
    }

    @Test func aNewSearchAddsToWhatTheSourceHolds() throws {
        let archive = FakeTraceArchive(count: 100, end: Self.now - 5_000_000)
        let server = try Self.jaeger(archive)
        defer { server.stop() }
        let source = try RemoteSource.open(Self.endpoint(server), options: Self.options(limit: 20, pageSize: 20),
                                           query: try Query.parse(#"service.name = "frontend""#))
        #expect(source.traceListing(overlapping: nil).count == 20)
        let outcome = try source.search(for: try Query.parse(#"service.name = "checkout" AND duration > 200ms"#),
                                        progress: { _ in }, isCancelled: { false })
        #expect(outcome.sentence == "Jaeger searched service and duration; trex filtered the rest")
        let asked = try #require(server.requests.last { $0.path == "/api/traces" })
        #expect(asked.query["service"] == "checkout" && asked.query["minDuration"] == "200000us")
        let slow = archive.entries.filter { $0.service == "checkout" && $0.duration >= 200_000 }
        #expect(outcome.found == min(20, slow.count) && outcome.new == outcome.found)
        #expect(source.traceListing(overlapping: nil).count == 20 + outcome.new)
    }

    @Test func tempoIsPagedBySecondsAndEachTraceFetched() throws {
        let archive = FakeTraceArchive(count: 30, end: Self.now - 5_000_000, spacing: 2_000_000)
        let server = try FakeBackendServer(routes: [
            .init("/api/search", accepted: ["q", "limit", "start", "end", "spss"]) { archive.tempoSearch($0) },
            .init("/api/v2/traces/{id}") { archive.tempoTraceByID($0) },
        ])
        defer { server.stop() }
        let source = try RemoteSource.open(Self.endpoint(server, .tempo), options: Self.options(limit: 25, pageSize: 10))
        #expect(server.violations.isEmpty, "\(server.violations)")
        // Tempo's window is in whole seconds: each page after the first takes in the second of the
        // oldest trace seen again, so it asks for one trace more, and does not fetch that one.
        #expect(server.requests.filter { $0.path == "/api/search" }.map { $0.query["limit"] } == ["10", "11", "6"])
        #expect(server.requests.filter { $0.path.hasPrefix("/api/v2/traces/") }.count == 25)
        let listing = source.traceListing(overlapping: nil)
        #expect(listing.count == 25 && listing.summaries.allSatisfy { $0.spanCount == 8 })
    }

    // MARK: - The cache

    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "trex-remote-cache-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func anOpenedTraceIsCachedAndReadableWhenTheBackendIsDown() throws {
        let archive = FakeTraceArchive(count: 10, end: Self.now - 5_000_000)
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var options = Self.options(limit: 10, pageSize: 10)
        options.cacheDirectory = directory
        options.timeoutSeconds = 2   // connecting to a backend that is down is retried this long
        let id = try #require(TraceID(hex: archive.entries[3].id))

        let server = try Self.jaeger(archive)
        let endpoint = Self.endpoint(server)
        let first = try RemoteSource.open(endpoint, options: options)
        #expect(first.traceListing(overlapping: nil).count == 10)
        #expect(try first.loadTraces([id]).traces.count == 1)   // opened: a waterfall, `trex show`
        let cache = try #require(first.cache)
        cache.flush()
        #expect(try cache.store.traceIDs() == [id], "only what was opened is kept")
        #expect(cache.store.path.hasPrefix(directory + "/jaeger-127.0.0.1_"))

        server.stop()   // the backend is down: nothing listens there any more
        let second = try RemoteSource.open(endpoint, options: options)
        let listing = second.traceListing(overlapping: nil)
        #expect(listing.count == 1 && listing.summaries[0].traceID == id)
        #expect(second.warnings.contains { $0.contains("connection refused")
            && $0.contains("Jaeger cannot be reached: showing 1 traces kept from earlier") }, "\(second.warnings)")
        #expect(try second.loadTraces([id]).traces.count == 1)
        // Found by id from the cache too, the backend down.
        let connected = RemoteSource.connect(endpoint, options: options)
        guard case .success(let found) = try connected.findTrace(id.shownHex) else {
            Issue.record("the cached trace is not found by id")
            return
        }
        #expect(found == id)
    }

    @Test func withoutACacheAnUnreachableBackendIsAnError() throws {
        let server = try Self.jaeger(FakeTraceArchive(count: 1, end: Self.now))
        let endpoint = Self.endpoint(server)
        server.stop()
        var options = Self.options(limit: 5, pageSize: 5)
        options.timeoutSeconds = 2
        #expect(throws: RemoteError.self) { try RemoteSource.open(endpoint, options: options) }
    }
}
