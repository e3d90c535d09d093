import Foundation
import NIOPosix
import Testing
import TestSupport
import TraceStore
@testable import TraceReceiver

/// The OTLP/HTTP server on a real loopback socket, posting with curl (skipped, visibly, when curl
/// is missing), into a real store: what was acknowledged is in the store.
@Suite(.serialized) struct ReceiverServerTests {
    static let curlPath = Curl.path

    @Test(.enabled(if: curlPath != nil, "curl is not installed: the socket test needs it"))
    func acknowledgedSpansAreInTheStore() throws {
        let directory = TemporaryDirectory()
        let store = try PersistentStore.open(at: directory.file("traces.sqlite"), create: true)
        let ingest = StoreIngest(store: store)
        let export = OTLPHTTPExport { ingest.ingest($0, rejected: $1) }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let channel = try OTLPHTTPServer.start(host: "127.0.0.1", port: 0, export: export, group: group)
        defer {
            try? channel.close().wait()
            try? group.syncShutdownGracefully()
        }
        let url = "http://127.0.0.1:\(try #require(channel.localAddress?.port))/v1/traces"
        let protobuf = try Curl.post(["-H", "Content-Type: application/x-protobuf", url],
                                body: OTLPHTTPExportTests.request(good: 5))
        #expect(protobuf.status == 200)
        let json = try Curl.post(["-H", "Content-Type: application/json", url], body: Array(OTLPHTTPExportTests.json.utf8))
        #expect(json.status == 200)
        #expect(json.body == "{}")
        let wrong = try Curl.post(["-H", "Content-Type: text/plain", url], body: [1])
        #expect(wrong.status == 415)
        try ingest.finish()
        #expect(try store.spanCount() == 6)
        #expect(ingest.totals.spansStored == 6)
        #expect(ingest.totals.requests == 2)
    }
}
