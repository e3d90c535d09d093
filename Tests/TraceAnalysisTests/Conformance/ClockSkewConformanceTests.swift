import Foundation
import Testing
import TraceModel
@testable import TraceAnalysis

/// Jaeger's clock-skew adjuster table (../shared/conformance/clock-skew): given the same
/// maximum shift, trex's adjusted view moves the same spans and events by the same amounts and
/// says what Jaeger's warnings say.
@Suite(.enabled(if: ConformanceFiles.isAvailable, "needs ../shared/conformance (the shared Jaeger cases)"))
struct ClockSkewConformanceTests {
    static let cases = ConformanceFiles.names(in: "clock-skew", suffix: ".expected.json")
        .map { String($0.dropLast(".expected.json".count)) }

    @Test func thereAreThirteenCases() {
        #expect(Self.cases.count == 13)
    }

    @Test(arguments: cases)
    func agreesWithJaegersAdjuster(_ name: String) throws {
        let table = try JaegerConformanceReader.table("clock-skew/\(name).jaeger.json")
        let expected = try #require(try ConformanceFiles.json("clock-skew/\(name).expected.json") as? [String: Any])
        let maxMicros = try #require((expected["maxClockSkewAdjustMicros"] as? NSNumber)?.int64Value)
        let trace = table.trace(at: 0)
        let adjustment = ClockSkewAdjustment(trace, maximumShift: .microseconds(maxMicros))
        let times = SpanTimes(trace, adjustment: adjustment)

        let spans = try #require(expected["spans"] as? [[String: Any]])
        #expect(spans.count == trace.spanCount)
        // Expected spans are listed in input order; match them by id, repeats in order.
        var used = Set<Int>()
        for entry in spans {
            let id = try #require(SpanID(hex: entry["spanID"] as? String ?? ""))
            let local = try #require((0..<trace.spanCount).first { trace[$0].spanID == id && !used.contains($0) })
            used.insert(local)
            let adjustedStart = try #require((entry["adjustedStartTime"] as? NSNumber)?.int64Value)
            let duration = try #require((entry["duration"] as? NSNumber)?.int64Value)
            #expect(times.starts[local] == adjustedStart * 1000, "\(name) \(id.hex) start")
            #expect(times.ends[local] - times.starts[local] == duration * 1000, "\(name) \(id.hex) duration")
            let logs = (entry["adjustedLogTimestamps"] as? [NSNumber] ?? []).map { $0.int64Value * 1000 }
            #expect(adjustment.eventTimes(of: local, in: trace).map(\.unixNanos) == logs, "\(name) \(id.hex) events")
            let warnings = entry["warningsV2"] as? [String] ?? []
            #expect(adjustment.notes[local].map { [$0.jaegerWarning] } ?? [] == warnings, "\(name) \(id.hex) warnings")
        }
    }

    @Test func hostKeysFollowJaegersRules() throws {
        let cases = try #require(try ConformanceFiles.json("clock-skew/hostkey-cases.json") as? [String: Any])
        let v1 = try #require(cases["v1_processTag_to_hostKey"] as? [[String: Any]])
        let v2 = try #require(cases["v2_resourceAttributes_to_hostKey"] as? [[String: Any]])
        #expect(v1.count == 8 && v2.count == 6)
        for c in v1 {
            let tags = try (c["processTags"] as? [[String: Any]] ?? []).map(JaegerConformanceReader.keyValue)
            #expect(HostKey.of(resourceAttributes: tags) == c["expectedHostKey"] as? String, "\(tags)")
        }
        for c in v2 {
            let attributes = (c["resourceAttributes"] as? [[String: Any]] ?? []).map {
                KeyValue($0["key"] as? String ?? "", JaegerConformanceReader.otlpValue($0["value"] as? [String: Any] ?? [:]))
            }
            #expect(HostKey.of(resourceAttributes: attributes) == c["expectedHostKey"] as? String, "\(attributes)")
        }
    }
}
