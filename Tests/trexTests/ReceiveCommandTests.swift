import Foundation
import OTLPClientSupport
import OTLPProto
import SwiftProtobuf
import Testing
import TestSupport

/// `trex receive` as a user runs it: OTLP/gRPC and OTLP/HTTP on free loopback ports, curl posting
/// two of the bundled samples, a gRPC client exporting, SIGTERM, exit 0 with a summary, and the
/// traces in the store.
@Suite(.serialized) struct ReceiveCommandTests {
    static let curl = Curl.path

    /// `trex receive` on free loopback ports, its standard error, the URL it names for OTLP/HTTP
    /// and the port it names for OTLP/gRPC.
    func startReceiver(store: String, options: [String] = []) throws -> (Process, Pipe, url: Substring, grpcPort: Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TrexBinary.path)
        process.arguments = ["receive", "--grpc", "127.0.0.1:0", "--http", "127.0.0.1:0", "--store", store] + options
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

    @Test(.enabled(if: curl != nil, "curl is not installed: the receiver test needs it"))
    func everyAnswerOfOTLPHTTPFromTheRealBinary() throws {
        let directory = TemporaryDirectory()
        let store = directory.file("answers.sqlite")
        let (process, err, url, _) = try startReceiver(store: store, options: ["--max-body", "200000"])
        let target = String(url)
        let protobuf = OTLPRequestFactory.bytes(traces: 2, spansPerTrace: 10, seed: 3)
        var answer = try Curl.post(["-H", "Content-Type: application/x-protobuf", target], body: protobuf)
        #expect(answer.status == 200)
        let json = try Array(Data(contentsOf: URL(fileURLWithPath: TrexBinary.docsSample("otlp/login-failure.json"))))
        answer = try Curl.post(["-H", "Content-Type: application/json", "-H", "Content-Encoding: gzip", target],
                          body: Gzip.compress(json))
        #expect(answer.status == 200 && answer.body == "{}", "\(answer)")
        // One span of three without a trace id: a partial success, the other two stored.
        var partial = OTLPRequestFactory.request(traces: 1, spansPerTrace: 3, firstTrace: 50, seed: 3)
        partial.resourceSpans[0].scopeSpans[0].spans[0].traceID = Data()
        answer = try Curl.post(["-H", "Content-Type: application/json", target],
                          body: try Self.otlpJSON(partial))
        #expect(answer.status == 200 && answer.body.contains(#""rejectedSpans":"1""#), "\(answer)")
        answer = try Curl.post(["-H", "Content-Type: application/x-protobuf", target], body: [0x0a, 0x05, 0x0a])
        #expect(answer.status == 400 && answer.body.contains("not an OTLP protobuf message"), "\(answer)")
        answer = try Curl.post(["-H", "Content-Type: text/plain", target], body: protobuf)
        #expect(answer.status == 415)
        answer = try Curl.post(["-H", "Content-Type: application/x-protobuf", target],
                          body: OTLPRequestFactory.bytes(traces: 40, spansPerTrace: 20, seed: 4))
        #expect(answer.status == 413, "a body over --max-body")
        answer = try Curl.post(["-X", "PUT", "-H", "Content-Type: application/x-protobuf", target], body: protobuf)
        #expect(answer.status == 405)
        answer = try Curl.post(["-H", "Content-Type: application/x-protobuf", target.replacingOccurrences(of: "/v1/traces", with: "/v1/logs")],
                          body: protobuf)
        #expect(answer.status == 404)
        process.terminate()
        process.waitUntilExit()
        let summary = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(summary.contains("stopped; 34 spans in 3 requests stored, 1 span rejected, 0 requests refused while busy, 0 failed; store "),
                "\(summary)")
        let info = try TrexBinary.run(["store", "info", "--json", "--store", store])
        #expect(info.stdout.contains(#""spanCount" : 34"#), "\(info.stdout)")
    }

    /// A request as OTLP JSON (hex ids, as the specification's JSON encoding has them).
    static func otlpJSON(_ request: OTLPRequestFactory.Request) throws -> [UInt8] {
        var object = try #require(try JSONSerialization.jsonObject(with: request.jsonUTF8Data()) as? [String: Any])
        func hexIDs(_ value: Any) -> Any {
            if var dict = value as? [String: Any] {
                for (key, v) in dict {
                    if ["traceId", "spanId", "parentSpanId"].contains(key), let base64 = v as? String {
                        dict[key] = (Data(base64Encoded: base64) ?? Data()).map { String(format: "%02x", $0) }.joined()
                    } else {
                        dict[key] = hexIDs(v)
                    }
                }
                return dict
            }
            if let array = value as? [Any] { return array.map(hexIDs) }
            return value
        }
        object = hexIDs(object) as? [String: Any] ?? [:]
        return Array(try JSONSerialization.data(withJSONObject: object))
    }
}
