import Testing
import TraceModel
@testable import TraceFormats

/// Times that cannot be real are noted once per kind with file and line; microseconds that are
/// really nanoseconds are read as nanoseconds and said so once; OTLP times above Int64.max are
/// held as the largest time, not dropped.
@Suite struct TimeSanityTests {
    static func otlp(_ spans: [(start: String, end: String)]) -> String {
        let body = spans.enumerated().map { n, t in
            """
            {"traceId": "5b8aa5a2d2c872e8321cf37308d69df2", "spanId": "000000000000000\(n + 1)", "name": "s\(n)",
             "startTimeUnixNano": "\(t.start)", "endTimeUnixNano": "\(t.end)"}
            """
        }.joined(separator: ",\n")
        return "{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [\n" + body + "\n]}]}]}"
    }

    @Test func impossibleTimesAreNotedOncePerKindWithTheirLine() throws {
        let json = Self.otlp([
            ("1732520000000000000", "1732520000100000000"),         // fine: 2024
            ("-9000000000000000000", "9000000000000000000"),        // negative and after 2100
            ("9223372036854775807", "1"),                           // after 2100 and before 1980
            ("1", "18446744073709551615"),                          // above Int64.max
            ("5", "6"),                                             // before 1980
        ])
        let (table, report) = try Decode.table(json, source: "edge.json", keepingTimeNotes: true)
        #expect(table.spans.count == 5, "nothing is dropped")
        let messages = report.warnings.map(\.description)
        #expect(messages.contains { $0.hasPrefix("edge.json:4 ") && $0.contains("1 span has a negative time") })
        #expect(messages.contains { $0.hasPrefix("edge.json:4 ") && $0.contains("3 spans have a time after 2100") })
        #expect(messages.contains { $0.hasPrefix("edge.json:6 ") && $0.contains("3 spans have a time before 1980") })
        #expect(messages.contains { $0.hasPrefix("edge.json:8 ") && $0.contains("above 2^63-1") })
        #expect(table.span("0000000000000004")?.end == .max)
        #expect(report.warnings.filter(\.isImplausibleTime).count == 3)
        let (_, quiet) = try Decode.table(json)
        #expect(quiet.warnings.count == 1, "the helper leaves out only the implausible-time notes")
    }

    @Test func jaegerAndZipkinNanosecondsWhereMicrosecondsBelongAreReadAsNanoseconds() throws {
        let start = 1_732_520_000_000_000_000   // 2024-11-25 in nanoseconds
        let jaeger = """
            {"data": [{"traceID": "abcd", "processes": {"p": {"serviceName": "svc"}}, "spans": [
              {"traceID": "abcd", "spanID": "01", "operationName": "root", "startTime": \(start), "duration": 5000000,
               "processID": "p", "logs": [{"timestamp": \(start + 1_000_000), "fields": []}]},
              {"traceID": "abcd", "spanID": "02", "operationName": "child", "startTime": \(start + 1_000_000),
               "duration": 2000000, "processID": "p", "references": [{"refType": "CHILD_OF", "traceID": "abcd", "spanID": "01"}]}
            ]}]}
            """
        let zipkin = """
            [{"traceId": "abce", "id": "01", "name": "root", "timestamp": \(start), "duration": 5000000,
              "localEndpoint": {"serviceName": "z"}, "annotations": [{"timestamp": \(start + 2_000_000), "value": "ws"}]}]
            """
        for (text, spans) in [(jaeger, 2), (zipkin, 1)] {
            let (table, report) = try Decode.table(text, keepingTimeNotes: true)
            #expect(table.spans.count == spans)
            let root = try #require(table.span("01"))
            #expect(root.start == Timestamp(unixNanos: Int64(start)))
            #expect(root.duration == .milliseconds(5))
            #expect(table.events(of: root).allSatisfy { $0.time > root.start && $0.time < root.end })
            #expect(report.warnings.count == 1)
            #expect(report.warnings[0].message.contains("look like nanoseconds, not microseconds"))
            #expect(report.warnings[0].message.hasPrefix(spans == 1 ? "1 span's" : "2 spans'"))
        }
        // Real microseconds stay microseconds.
        let (table, report) = try Decode.table("""
            [{"traceId": "abce", "id": "01", "name": "root", "timestamp": 1732520000000000, "duration": 5000}]
            """, keepingTimeNotes: true)
        #expect(table.spans[0].start == Timestamp(unixNanos: 1_732_520_000_000_000_000))
        #expect(table.spans[0].duration == .milliseconds(5))
        #expect(report.warnings.isEmpty)
    }
}
