import Foundation
import OTLPClientSupport
import Testing
import TestSupport

/// `trex receive` as a user runs it: OTLP/gRPC and OTLP/HTTP on free loopback ports, curl posting
/// two of the bundled samples, a gRPC client exporting, SIGTERM, exit 0 with a summary, and the
/// traces in the store.
@Suite(.serialized) struct ReceiveCommandTests {
    static let curl = ["/usr/bin/curl", "/bin/curl"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// `trex receive` on free loopback ports, its standard error, the URL it names for OTLP/HTTP
    /// and the port it names for OTLP/gRPC.
    func startReceiver(store: String) throws -> (Process, Pipe, url: Substring, grpcPort: Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TrexBinary.path)
        process.arguments = ["receive", "--grpc", "127.0.0.1:0", "--http", "127.0.0.1:0", "--store", store]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var seen = ""
        let deadline = Date().addingTimeInterval(15)
        while seen.split(separator: "\n").count < 2, Date() < deadline {
            seen += String(decoding: err.fileHandleForReading.availableData, as: UTF8.self)
        }
        let url = try #require(seen.firstMatch(of: /http:\/\/127\.0\.0\.1:\d+\/v1\/traces/)).output
        let grpc = try #require(seen.firstMatch(of: /OTLP\/gRPC on 127\.0\.0\.1:(\d+)/), "\(seen)")
        return (process, err, url, try #require(Int(grpc.output.1)))
    }

    @Test(.enabled(if: curl != nil, "curl is not installed: the receiver test needs it"))
    func receivesIntoTheStoreAndStopsCleanlyOnSIGTERM() async throws {
        let directory = TemporaryDirectory()
        let store = directory.file("live.sqlite")
        let (process, err, url, grpcPort) = try startReceiver(store: store)
        let client = try OTLPGRPCExporter(port: grpcPort, gzip: true)
        let response = try await client.export(OTLPRequestFactory.request(traces: 3, spansPerTrace: 12))
        #expect(response == .init())
        await client.close()
        for file in ["otlp/checkout-slow-fraud.json", "otlp/login-failure.json"] {
            let post = Process()
            post.executableURL = URL(fileURLWithPath: try #require(Self.curl))
            post.arguments = ["-s", "-f", "-o", "/dev/null", "-H", "Content-Type: application/json", "--data-binary",
                              "@" + TrexBinary.docsSample(file), String(url)]
            try post.run()
            post.waitUntilExit()
            #expect(post.terminationStatus == 0, "\(file) was not acknowledged")
        }
        process.terminate()   // SIGTERM
        process.waitUntilExit()
        let rest = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(rest.contains("trex: stopped;") && rest.contains("in 3 requests stored"), "\(rest)")
        let list = try TrexBinary.run(["list", "--store", store])
        let rows = list.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == 5, "the 2 posted and the 3 exported over gRPC: \(list.stdout)")
        #expect(rows.filter { $0.contains("checkout") && $0.contains("12") }.count == 3, "\(list.stdout)")
        #expect(list.stdout.contains("POST /api/checkout"))
        #expect(list.stdout.contains("POST /login"))
    }

    @Test(.enabled(if: curl != nil, "curl is not installed: the receiver test needs it"))
    func whatWasAcknowledgedSurvivesKillNine() throws {
        let directory = TemporaryDirectory()
        let store = directory.file("live.sqlite")
        let (process, err, url, _) = try startReceiver(store: store)
        defer { withExtendedLifetime(err) {} }   // the receiver writes to it until it dies
        let post = Process()
        post.executableURL = URL(fileURLWithPath: try #require(Self.curl))
        post.arguments = ["-s", "-f", "-o", "/dev/null", "-H", "Content-Type: application/json", "--data-binary",
                          "@" + TrexBinary.docsSample("otlp/n-plus-one.json"), String(url)]
        try post.run()
        post.waitUntilExit()
        #expect(post.terminationStatus == 0)
        // Acknowledged: now the process dies without any chance to flush.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let list = try TrexBinary.run(["list", "--store", store])
        #expect(list.status == 0)
        #expect(list.stdout.contains("GET /api/orders/history"), "\(list.stdout)")
    }
}
