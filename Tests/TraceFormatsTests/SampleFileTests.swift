import Foundation
import Testing
import TraceModel
@testable import TraceFormats

/// The real trace files other projects ship (../shared/samples; absent in a user's clone).
@Suite(.enabled(if: Paths.sharedSamplesExist, "../shared/samples is absent: skipping the shared sample files"))
struct SampleFileTests {
    private func load(_ name: String) throws -> (table: SpanTable, report: DecodeReport) {
        try Decode.table(try Paths.read(Paths.sharedSamples.appendingPathComponent(name)), source: name)
    }

    @Test func everySampleLoadsOrIsRejectedWithReasons() throws {
        let files = Paths.files(under: Paths.sharedSamples)
        #expect(files.count >= 70)
        for name in files {
            let (table, report) = try load(name)
            if name.hasPrefix("jaeger/malformed/") {
                #expect(table.spans.isEmpty, "\(name)")
                #expect(report.spansSkipped >= 1, "\(name)")
                #expect(!report.warnings.isEmpty, "\(name)")
            } else {
                #expect(!table.spans.isEmpty, "\(name)")
                #expect(report.spansSkipped == 0, "\(name): \(report.warnings)")
            }
        }
    }

    /// Counts checked by hand against the files (with Python's json module and by reading).
    @Test(arguments: [
        ("otlp/otel-tui_test_data.traces-only.jsonl", TraceFormat.otlpJSONLines, 547, 141),
        ("otlp/otel-tui_test_data.jsonl", .otlpJSONLines, 547, 141),
        ("otlp/jaeger_memory_otel_traces_01.json", .otlpJSON, 4, 2),
        ("otlp/otel-proto_examples_trace.json", .otlpJSON, 1, 1),
        ("otlp/jaeger_apiv3_GetTrace.json", .otlpJSON, 1, 1),
        // Two identical server spans: an exact duplicate, dropped once traces are built.
        ("otlp/jaeger-ui_otlp2jaeger-in.json", .otlpJSON, 1, 1),
        ("jaeger/jaeger-ui_otlp2jaeger-out.json", .jaegerJSON, 1, 1),
        ("jaeger/jaeger-ui_TraceGraph_testTrace.json", .jaegerJSON, 11, 1),
        ("jaeger/jaeger-ui_TraceFlamegraph_testTrace.json", .jaegerJSON, 4, 1),
        ("jaeger/jaeger-ui_genaiTestTrace.json", .jaegerJSON, 57, 1),
        ("jaeger/jaeger_anonymizer_trace_success.json", .jaegerJSON, 2, 1),
        ("jaeger/jaeger_uimodel_ui_01.json", .jaegerJSON, 5, 1),
        ("zipkin/zipkin-lens_messaging-kafka.json", .zipkinJSON, 28, 1),
        ("zipkin/zipkin-lens_skew.json", .zipkinJSON, 4, 1),
        // 1,041 entries of which 84 are timestamp-less fragments of other spans.
        ("zipkin/zipkin-lens_smartthings-mobile-web-install.json", .zipkinJSON, 957, 1),
        ("zipkin/zipkin-lens_smartthings-oauth-authorization.json", .zipkinJSON, 175, 1),
        ("zipkin/zipkin-benchmarks_zipkin2-chinese.json", .zipkinJSON, 1, 1),
    ])
    func countsCheckedByHand(_ name: String, _ format: TraceFormat, _ spans: Int, _ traces: Int) throws {
        let (table, report) = try load(name)
        #expect(report.format == format)
        #expect(table.spans.count == spans)
        #expect(table.traces.count == traces)
    }

    @Test func logsAndMetricsLinesAreSkippedInOneNote() throws {
        let (_, report) = try load("otlp/otel-tui_test_data.jsonl")
        #expect(report.warnings.count == 1)
        #expect(report.warnings[0].message.contains("56 lines"))
        #expect(report.warnings[0].message.contains("16 logs, 40 metrics"))
    }

    @Test func smartThingsSharedSpansAreSplitIntoClientAndServer() throws {
        let (table, report) = try load("zipkin/zipkin-lens_smartthings-mobile-web-install.json")
        let servers = table.spans.filter { $0.markers.contains(.sharedServerHalf) }
        #expect(servers.count == 290)
        for s in servers { #expect(table.spans.contains { $0.spanID == s.parentSpanID && $0.kind == .client }) }
        #expect(report.warnings.contains { $0.message.hasPrefix("4 spans share their id") })
    }

    @Test func chineseTextSurvives() throws {
        let (table, _) = try load("zipkin/zipkin-benchmarks_zipkin2-chinese.json")
        let s = table.spans[0]
        #expect(table.pairs(of: s).contains { $0.value.displayText.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF } })
    }

    // MARK: - Pairs of one trace in two formats

    struct Essentials: Hashable {
        var trace: TraceID
        var span: SpanID
        var parent: SpanID
        var name: String
        var service: String
        var kind: SpanKind
        /// Microseconds: Jaeger's precision.
        var startMicros: Int64
        var durationMicros: Int64
    }

    private func essentials(_ name: String) throws -> Set<Essentials> {
        let t = try load(name).table
        return Set(t.spans.map { Essentials(trace: $0.traceID, span: $0.spanID, parent: $0.parentSpanID, name: t.name(of: $0),
                                            service: t.serviceName(of: $0), kind: $0.kind, startMicros: $0.start.unixNanos / 1000,
                                            durationMicros: $0.duration.value / 1000) })
    }

    @Test(arguments: [
        ["otlp/jaeger-ui_otlp2jaeger-in.json", "jaeger/jaeger-ui_otlp2jaeger-out.json"],
        ["otlp/jaeger-ui_otlp2jaeger-multi-in.jsonl", "otlp/jaeger-ui_otlp2jaeger-multi-in-combined.json",
         "jaeger/jaeger-ui_oltp2jaeger-multi-out.json"],
        ["otlp/jaeger_otlp2jaeger-in.json", "jaeger/jaeger_otlp2jaeger-out.json"],
    ])
    func pairsGiveTheSameSpans(_ names: [String]) throws {
        let reference = try essentials(names[0])
        #expect(!reference.isEmpty)
        for other in names.dropFirst() { #expect(try essentials(other) == reference, "\(names[0]) vs \(other)") }
    }

    @Test func jaegerScopeTagsBecomeTheScopeInBothSpellings() throws {
        for name in ["jaeger/jaeger-ui_oltp2jaeger-multi-out.json", "jaeger/jaeger_otlp2jaeger-out.json"] {
            let (t, _) = try load(name)
            #expect(t.spans.allSatisfy { !t.scope(of: $0).name.isEmpty }, "\(name)")
            #expect(t.spans.allSatisfy { s in !t.pairs(of: s).contains { $0.key.hasPrefix("otel.") || $0.key == "span.kind" } })
        }
        let otlp = try load("otlp/jaeger-ui_otlp2jaeger-multi-in-combined.json").table
        let jaeger = try load("jaeger/jaeger-ui_oltp2jaeger-multi-out.json").table
        let scopes = { (t: SpanTable) in Set(t.spans.map { "\(t.strings[t.scope(of: $0).name]) \(t.strings[t.scope(of: $0).version])" }) }
        #expect(scopes(otlp) == scopes(jaeger))
    }
}
