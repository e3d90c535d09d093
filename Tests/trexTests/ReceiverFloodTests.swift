import Foundation
import GRPCCore
import OTLPClientSupport
import Synchronization
import Testing
import TestSupport

/// A flood at `trex receive`: 100,000 realistic spans sent as fast as possible over four gRPC
/// and four HTTP connections at once, no request retried. Every acknowledged span is in the
/// store afterwards, nothing refused is stored or counted, and the receiver's memory stays
/// under a bound (`rssBound`) while it works.
@Suite(.serialized) struct ReceiverFloodTests {
    static let spans = 100_000
    static let batchTraces = 20, batchSpansPerTrace = 25   // 500 spans a request
    /// The receiver's peak resident memory may not exceed this (it holds at most 64 requests
    /// waiting for the store, each decoded once).
    static let rssBound = 512 << 20

    final class Tally: Sendable {
        struct Counts {
            var next = 0
            var ackedSpans = 0, ackedRequests = 0, refused = 0
            var refusedBatches: [Int] = []
            var failures: [String] = []
        }
        let counts = Mutex(Counts())
        let batches: Int
        init(batches: Int) { self.batches = batches }

        func take() -> Int? {
            counts.withLock { c in
                guard c.next < batches else { return nil }
                defer { c.next += 1 }
                return c.next
            }
        }
        func acked(_ spans: Int) { counts.withLock { $0.ackedSpans += spans; $0.ackedRequests += 1 } }
        func refused(_ batch: Int) { counts.withLock { $0.refused += 1; $0.refusedBatches.append(batch) } }
        func failed(_ why: String) { counts.withLock { $0.failures.append(why) } }
    }

    /// The resident memory of a process, in bytes (VmRSS or VmHWM of /proc/PID/status).
    static func memory(of pid: Int32, _ field: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        let line = text.split(separator: "\n").first { $0.hasPrefix(field + ":") }
        return (line?.split(separator: " ").compactMap { Int($0) }.first ?? 0) * 1024
    }

    @Test func everyAcknowledgedSpanIsStoredAndNothingElse() async throws {
        let directory = TemporaryDirectory()
        let store = directory.file("flood.sqlite")
        let (process, err, url, grpcPort) = try ReceiveCommandTests().startReceiver(store: store)
        let portText = url.split(separator: ":").last?.split(separator: "/").first
        let httpPort = try #require(portText.flatMap { Int($0) })
        let perBatch = Self.batchTraces * Self.batchSpansPerTrace
        let tally = Tally(batches: Self.spans / perBatch)
        // Each request is made when sent, its traces its own: a flood of distinct traces.
        func body(_ batch: Int) -> [UInt8] {
            OTLPRequestFactory.bytes(traces: Self.batchTraces, spansPerTrace: Self.batchSpansPerTrace,
                                     firstTrace: batch * Self.batchTraces, seed: 7)
        }
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    do {
                        let client = try OTLPGRPCExporter(port: grpcPort)
                        while let batch = tally.take() {
                            do {
                                _ = try await client.export(try OTLPGRPCExporter.Request(serializedBytes: body(batch)))
                                tally.acked(perBatch)
                            } catch let error as RPCError where error.code == .resourceExhausted {
                                tally.refused(batch)
                            }
                        }
                        await client.close()
                    } catch {
                        tally.failed("gRPC: \(error)")
                    }
                }
                group.addTask {
                    do {
                        try await OTLPHTTPExporter.withConnection(port: httpPort) { connection in
                            while let batch = tally.take() {
                                let answer = try await connection.post(body(batch))
                                switch answer.status {
                                case 200: tally.acked(perBatch)
                                case 503: tally.refused(batch)
                                default: tally.failed("HTTP \(answer.status)")
                                }
                            }
                        }
                    } catch {
                        tally.failed("HTTP: \(error)")
                    }
                }
            }
        }
        let peak = Self.memory(of: process.processIdentifier, "VmHWM")
        process.terminate()
        process.waitUntilExit()
        let summary = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let counts = tally.counts.withLock { $0 }
        #expect(counts.failures.isEmpty, "\(counts.failures.prefix(5))")
        #expect(counts.ackedSpans + counts.refused * perBatch == Self.spans)
        #expect(process.terminationStatus == 0)
        // The receiver claims exactly what it acknowledged.
        #expect(summary.contains("stopped; \(Self.grouped(counts.ackedSpans)) spans in "
                                 + "\(Self.grouped(counts.ackedRequests)) requests stored, 0 spans rejected, \(counts.refused) requests refused"),
                "\(summary)")
        // The store holds every acknowledged span and none of the refused ones.
        let info = try TrexBinary.run(["store", "info", "--json", "--store", store])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
        #expect(json["spanCount"] as? Int == counts.ackedSpans, "\(info.stdout)")
        #expect(json["traceCount"] as? Int == counts.ackedRequests * Self.batchTraces)
        if let refused = counts.refusedBatches.first {
            let id = OTLPRequestFactory.request(traces: 1, spansPerTrace: 1, firstTrace: refused * Self.batchTraces, seed: 7)
                .resourceSpans[0].scopeSpans[0].spans[0].traceID.map { String(format: "%02x", $0) }.joined()
            let show = try TrexBinary.run(["show", "--store", store, id])
            #expect(show.status != 0, "a refused request's trace is not stored")
        }
        #expect(peak > 0 && peak < Self.rssBound, "peak RSS \(peak >> 20) MiB")
        print("flood: \(counts.ackedSpans) spans acknowledged in \(counts.ackedRequests) requests, \(counts.refused) refused; "
              + "receiver peak RSS \(peak >> 20) MiB")
    }

    static func grouped(_ n: Int) -> String {
        var digits = String(n)
        var i = digits.count - 3
        while i > 0 { digits.insert(",", at: digits.index(digits.startIndex, offsetBy: i)); i -= 3 }
        return digits
    }
}
