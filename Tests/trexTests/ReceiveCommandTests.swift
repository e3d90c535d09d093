import Foundation
import Testing
import TestSupport

/// `trex receive` as a user runs it: OTLP/HTTP on a free loopback port, curl posting two of the
/// bundled samples, SIGTERM, exit 0 with a summary, and the traces in the store.
@Suite(.serialized) struct ReceiveCommandTests {
    static let curl = ["/usr/bin/curl", "/bin/curl"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// `trex receive` on a free loopback port, its standard error, and the URL its first line names.
    func startReceiver(store: String) throws -> (Process, Pipe, Substring) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TrexBinary.path)
        process.arguments = ["receive", "--http", "127.0.0.1:0", "--store", store]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var seen = ""
        let deadline = Date().addingTimeInterval(15)
        while !seen.contains("\n"), Date() < deadline {
            seen += String(decoding: err.fileHandleForReading.availableData, as: UTF8.self)
        }
        return (process, err, try #require(seen.firstMatch(of: /http:\/\/127\.0\.0\.1:\d+\/v1\/traces/)).output)
    }

    @Test(.enabled(if: curl != nil, "curl is not installed: the receiver test needs it"))
    func receivesIntoTheStoreAndStopsCleanlyOnSIGTERM() throws {
        let directory = TemporaryDirectory()
        let store = directory.file("live.sqlite")
        let (process, err, url) = try startReceiver(store: store)
        for file in ["otlp/checkout-slow-fraud.json", "otlp/login-failure.json"] {
            let post = Process()
            post.executableURL = URL(fileURLWithPath: try #require(Self.curl))
            post.arguments = ["-s", "-f", "-H", "Content-Type: application/json", "--data-binary",
                              "@" + TrexBinary.docsSample(file), String(url)]
            try post.run()
            post.waitUntilExit()
            #expect(post.terminationStatus == 0, "\(file) was not acknowledged")
        }
        process.terminate()   // SIGTERM
        process.waitUntilExit()
        let rest = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(rest.contains("trex: stopped;") && rest.contains("in 2 requests stored"), "\(rest)")
        let list = try TrexBinary.run(["list", "--store", store])
        #expect(list.stdout.contains("POST /api/checkout"))
        #expect(list.stdout.contains("POST /login"))
    }

    @Test(.enabled(if: curl != nil, "curl is not installed: the receiver test needs it"))
    func whatWasAcknowledgedSurvivesKillNine() throws {
        let directory = TemporaryDirectory()
        let store = directory.file("live.sqlite")
        let (process, err, url) = try startReceiver(store: store)
        defer { withExtendedLifetime(err) {} }   // the receiver writes to it until it dies
        let post = Process()
        post.executableURL = URL(fileURLWithPath: try #require(Self.curl))
        post.arguments = ["-s", "-f", "-H", "Content-Type: application/json", "--data-binary",
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
