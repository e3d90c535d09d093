import Foundation
import NIOPosix
import Testing
import TestSupport
import TraceStore
@testable import TraceReceiver

/// The OTLP/HTTP server on a real loopback socket, posting with curl (skipped, visibly, when curl
/// is missing), into a real store: what was acknowledged is in the store.
@Suite(.serialized) struct ReceiverServerTests {
    static let curlPath = ["/usr/bin/curl", "/bin/curl"].first { FileManager.default.isExecutableFile(atPath: $0) }

    func curl(_ arguments: [String], body: [UInt8]) throws -> (status: Int, body: String) {
        let directory = TemporaryDirectory()
        let file = directory.file("body")
        try Data(body).write(to: URL(fileURLWithPath: file))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.curlPath))
        process.arguments = ["-s", "-o", "-", "-w", "\n%{http_code}", "--data-binary", "@" + file] + arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
    }

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
        let protobuf = try curl(["-H", "Content-Type: application/x-protobuf", url],
                                body: OTLPHTTPExportTests.request(good: 5))
        #expect(protobuf.status == 200)
        let json = try curl(["-H", "Content-Type: application/json", url], body: Array(OTLPHTTPExportTests.json.utf8))
        #expect(json.status == 200)
        #expect(json.body == "{}")
        let wrong = try curl(["-H", "Content-Type: text/plain", url], body: [1])
        #expect(wrong.status == 415)
        try ingest.finish()
        #expect(try store.spanCount() == 6)
        #expect(ingest.totals.spansStored == 6)
        #expect(ingest.totals.requests == 2)
    }
}
