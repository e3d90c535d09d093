import Testing
import TraceModel
@testable import TraceFormats

@Suite struct DetectionTests {
    private func notATrace(_ text: String) -> String? {
        guard case .notATraceFormat(_, let tried, let detail)? = Decode.failure(Array(text.utf8)) else { return nil }
        #expect(tried == TraceFormat.allCases)
        return detail
    }

    @Test func jsonThatIsNoTraceFormatSaysWhatWasTried() {
        #expect(notATrace(#"{"name": "package", "version": "1.0"}"#)?.contains(#""name", "version""#) == true)
        #expect(notATrace(#"{"resourceLogs": []}"#)?.contains("OpenTelemetry logs") == true)
        #expect(notATrace(#"{"resourceMetrics": []}"# + "\n" + #"{"resourceLogs": []}"#)?.contains("logs and metrics") == true)
        #expect(notATrace(#"{"result": {"resourceLogs": []}}"#)?.contains("logs") == true)
        #expect(notATrace("[1, 2, 3]")?.contains("array") == true)
        #expect(notATrace(#"[{"a": 1}]"#) != nil)
        #expect(notATrace("{}") == "it holds an empty JSON object")
        #expect(notATrace(#"{"data": null, "errors": [{"code": 404}]}"#) != nil)
        #expect(notATrace("Hello, world")?.contains("'H'") == true)
        #expect(notATrace(#"{"resourceSpa"#)?.contains("malformed JSON at byte") == true)
        let failure = Decode.failure(Array(#"{"a":1}"#.utf8))
        #expect(failure?.description.contains("tried OTLP JSON, OTLP JSON Lines, Jaeger JSON, Zipkin v2 JSON") == true)
    }

    @Test func emptyInputIsItsOwnFailure() {
        for text in ["", "  \n\t ", "\u{FEFF}"] {
            guard case .empty? = Decode.failure(Array(text.utf8)) else {
                Issue.record("expected .empty for \(text.debugDescription)")
                continue
            }
        }
    }

    @Test func detectionUsesMemberNamesInAnyOrder() throws {
        let cases: [(String, TraceFormat)] = [
            (#"{"resourceSpans": []}"#, .otlpJSON),
            (#"{"resource_spans": []}"#, .otlpJSON),
            (#"{"unrelated": {"x": [1, 2]}, "resourceSpans": []}"#, .otlpJSON),
            (#"{"result": {"resourceSpans": []}}"#, .otlpJSON),
            (#"{"data": []}"#, .jaegerJSON),
            (#"{"traceID": "01", "spans": []}"#, .jaegerJSON),
            (#"{"warnings": null, "processes": {}, "spans": []}"#, .jaegerJSON),
            (#"[{"traceID": "01", "spanID": "01", "startTime": 1}]"#, .jaegerJSON),
            (#"[{"traceId": "01", "id": "01"}]"#, .zipkinJSON),
            (#"{"traceId": "01", "name": "x", "id": "01"}"#, .zipkinJSON),
            ("[[]]", .zipkinJSON),
            ("[]", .zipkinJSON),
            ("\u{FEFF}{\"resourceSpans\": []}", .otlpJSON),
        ]
        for (text, format) in cases {
            let (_, report) = try Decode.table(text)
            #expect(report.format == format, "\(text)")
        }
    }

    @Test func contentNotTheFileNameDecides() throws {
        let (_, report) = try Decode.table(#"[{"traceId": "01", "id": "01", "timestamp": 1}]"#, source: "trace.otlp.json")
        #expect(report.format == .zipkinJSON)
    }

    @Test func junkLinesBetweenTraceLinesAreNotedNotFatal() throws {
        let text = #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"01","spanId":"01"}]}]}]}"# + "\n"
            + #"{"hello": "world"}"# + "\n" + "garbage\n"
            + #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"01","spanId":"02"}]}]}]}"# + "\n"
        let (t, report) = try Decode.table(text)
        #expect(t.spans.count == 2)
        #expect(report.warnings.contains { $0.line == 3 && $0.message.contains("malformed JSON") })
        #expect(report.warnings.contains { $0.line == 2 && $0.message.contains("not traces") })
    }
}
