import Foundation
import Testing

/// Trace data never reaches the terminal raw: every command, run on files whose span names,
/// service names, attribute keys and values, event names, status messages and the file name
/// itself hold escape sequences (window title, screen clear, OSC 52 clipboard), C1 CSI, bidi
/// overrides, NUL, DEL and newlines, writes none of them to standard output or standard error.
@Suite(.serialized) struct HostileOutputTests {
    /// Renames the window and clears the screen; writes the clipboard; C1 CSI; a right-to-left
    /// override and an isolate; NUL, DEL, a newline, a carriage return, a backslash.
    static let evil = "evil\u{1B}]0;PWNED\u{7}\u{1B}[2J\u{1B}]52;c;cHduZWQ=\u{7}\u{9B}31m\u{202E}txt.exe\u{2066}"
        + "\u{0}\u{7F}\nline2\r\\z\t\u{1F}\u{85}\u{200F}\u{61C}"
    /// How the text output must show `evil`.
    static let shown = #"evil\e]0;PWNED\a\e[2J\e]52;c;cHduZWQ=\a\u{9B}31m\u{202E}txt.exe\u{2066}\0\x7f\nline2\r\\z\t\x1f\u{85}\u{200F}\u{61C}"#
    /// A file name with the same kind of content (no NUL or slash, which paths cannot hold).
    static let evilFileName = "trace\u{1B}]0;PWNED\u{7}\u{1B}[2J\u{9B}1m\u{202E}\nx\u{7F}"

    static let otlpTrace = "0af7651916cd43dd8448eb211c80319c"
    static let jaegerTrace = "1af7651916cd43dd8448eb211c80319c"
    static let zipkinTrace = "2af7651916cd43dd8448eb211c80319c"

    /// A scratch directory with the three hostile files, removed when the value goes away.
    final class Files: @unchecked Sendable {
        let directory: String
        let otlp: String, jaeger: String, zipkin: String

        init() throws {
            directory = NSTemporaryDirectory() + "trex-hostile-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            otlp = directory + "/" + HostileOutputTests.evilFileName + ".otlp.json"
            jaeger = directory + "/" + HostileOutputTests.evilFileName + ".jaeger.json"
            zipkin = directory + "/" + HostileOutputTests.evilFileName + ".zipkin.json"
            try Data(HostileOutputTests.otlpDocument().utf8).write(to: URL(fileURLWithPath: otlp))
            try Data(HostileOutputTests.jaegerDocument().utf8).write(to: URL(fileURLWithPath: jaeger))
            try Data(HostileOutputTests.zipkinDocument().utf8).write(to: URL(fileURLWithPath: zipkin))
        }

        deinit { try? FileManager.default.removeItem(atPath: directory) }
    }

    // MARK: - The documents

    /// `text` as a JSON string literal, with every control, DEL, C1 and bidi character as `\uXXXX`.
    static func json(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if v < 0x20 || (v >= 0x7F && v < 0xA0) || (v >= 0x2000 && v < 0x2100) {
                    let hex = String(v, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func otlpDocument() -> String {
        let e = json(evil)
        let t0 = 1_732_542_440_000_000_000
        func span(_ id: String, parent: String?, start: Int, end: Int, kind: Int, error: Bool) -> String {
            """
            {"traceId": "\(otlpTrace)", "spanId": "\(id)", \(parent.map { "\"parentSpanId\": \"\($0)\"," } ?? "")
             "name": \(e), "kind": \(kind), "startTimeUnixNano": "\(t0 + start)", "endTimeUnixNano": "\(t0 + end)",
             "attributes": [{"key": \(e), "value": {"stringValue": \(e)}},
                            {"key": "db.statement", "value": {"stringValue": \(e)}}],
             "events": [{"timeUnixNano": "\(t0 + start + 1000)", "name": \(e),
                         "attributes": [{"key": \(e), "value": {"stringValue": \(e)}}]}],
             "status": {"code": \(error ? 2 : 0), "message": \(error ? e : "\"\"")}}
            """
        }
        func resource(_ service: String, _ spans: [String]) -> String {
            """
            {"resource": {"attributes": [{"key": "service.name", "value": {"stringValue": \(service)}},
                                         {"key": \(e), "value": {"stringValue": \(e)}}]},
             "scopeSpans": [{"scope": {"name": \(e), "version": \(e)}, "spans": [\(spans.joined(separator: ","))]}]}
            """
        }
        let root = span("00f067aa0ba902b7", parent: nil, start: 0, end: 900_000_000, kind: 2, error: false)
        let client = span("10f067aa0ba902b7", parent: "00f067aa0ba902b7", start: 10_000_000, end: 800_000_000, kind: 3,
                          error: true)
        let server = span("20f067aa0ba902b7", parent: "10f067aa0ba902b7", start: 20_000_000, end: 700_000_000, kind: 2,
                          error: true)
        // A span without a trace id: a decode warning that quotes the file name.
        let broken = #"{"spanId": "30f067aa0ba902b7", "name": "x", "startTimeUnixNano": "1", "endTimeUnixNano": "2"}"#
        return """
            {"resourceSpans": [\(resource(e, [root, client, broken])), \(resource(json(evil + "-2"), [server]))]}
            """
    }

    static func jaegerDocument() -> String {
        let e = json(evil)
        func span(_ id: String, parent: String?, start: Int, process: String) -> String {
            let refs = parent.map { #"[{"refType": "CHILD_OF", "traceID": "\#(jaegerTrace)", "spanID": "\#($0)"}]"# } ?? "[]"
            return """
                {"traceID": "\(jaegerTrace)", "spanID": "\(id)", "operationName": \(e), "references": \(refs),
                 "startTime": \(1_732_542_440_000_000 + start), "duration": 500000,
                 "tags": [{"key": \(e), "type": "string", "value": \(e)}, {"key": "error", "type": "bool", "value": true},
                          {"key": "span.kind", "type": "string", "value": "server"}],
                 "logs": [{"timestamp": \(1_732_542_440_000_100 + start), "fields": [{"key": "event", "type": "string", "value": \(e)},
                                                                          {"key": \(e), "type": "string", "value": \(e)}]}],
                 "processID": "\(process)"}
                """
        }
        return """
            {"data": [{"traceID": "\(jaegerTrace)",
              "spans": [\(span("00f067aa0ba902b7", parent: nil, start: 0, process: "p1")),
                        \(span("10f067aa0ba902b7", parent: "00f067aa0ba902b7", start: 1000, process: "p2"))],
              "processes": {"p1": {"serviceName": \(e), "tags": [{"key": \(e), "type": "string", "value": \(e)}]},
                            "p2": {"serviceName": \(json(evil + "-2")), "tags": []}}}]}
            """
    }

    static func zipkinDocument() -> String {
        let e = json(evil)
        func span(_ id: String, parent: String?, start: Int, service: String) -> String {
            """
            {"traceId": "\(zipkinTrace)", \(parent.map { "\"parentId\": \"\($0)\"," } ?? "") "id": "\(id)",
             "kind": "SERVER", "name": \(e), "timestamp": \(1_732_542_440_000_000 + start), "duration": 500000,
             "localEndpoint": {"serviceName": \(service)},
             "annotations": [{"timestamp": \(1_732_542_440_000_100 + start), "value": \(e)}],
             "tags": {\(e): \(e), "error": \(e)}}
            """
        }
        return "[" + span("00f067aa0ba902b7", parent: nil, start: 0, service: e) + ","
            + span("10f067aa0ba902b7", parent: "00f067aa0ba902b7", start: 1000, service: json(evil + "-2")) + "]"
    }

    // MARK: - Checking output

    /// The raw control and bidi characters in `bytes` (UTF-8), other than the layout's `\n` and `\t`.
    static func rawControls(_ bytes: Data) -> [String] {
        var found: [String] = []
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            let v = scalar.value
            let bad = (v < 0x20 && v != 0x0A && v != 0x09) || (v >= 0x7F && v < 0xA0) || v == 0x61C || v == 0x200E
                || v == 0x200F || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
            if bad { found.append("U+" + String(v, radix: 16, uppercase: true)) }
        }
        return found
    }

    /// Runs trex and checks that neither stream holds a raw control or bidi character.
    @discardableResult
    func run(_ arguments: [String], status expected: Int32? = 0, environment: [String: String] = [:],
             sourceLocation: SourceLocation = #_sourceLocation) throws -> TrexBinary.Result {
        let r = try TrexBinary.run(arguments, environment: environment)
        let label = arguments.prefix(3).joined(separator: " ")
        if let expected {
            #expect(r.status == expected, "\(label): \(r.stderr.debugDescription)", sourceLocation: sourceLocation)
        }
        #expect(Self.rawControls(r.stdoutBytes) == [], "stdout of \(label)", sourceLocation: sourceLocation)
        #expect(Self.rawControls(Data(r.stderr.utf8)) == [], "stderr of \(label)", sourceLocation: sourceLocation)
        return r
    }

    private func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    // MARK: - Tests

    @Test(arguments: ["otlp", "jaeger", "zipkin"])
    func everyCommandEscapesTheData(format: String) throws {
        let files = try Files()
        let (file, trace) = switch format {
        case "otlp": (files.otlp, Self.otlpTrace)
        case "jaeger": (files.jaeger, Self.jaegerTrace)
        default: (files.zipkin, Self.zipkinTrace)
        }

        let list = try run(["list", file])
        #expect(list.stdout.contains(String(Self.shown.prefix(24))), "list shows the name escaped: \(list.stdout)")
        // Columns cut with an ellipsis never cut an escape in half (`\u{2…`).
        #expect(!list.stdout.contains(#"\u{…"#) && !list.stdout.contains(#"\u{2…"#) && !list.stdout.contains(#"\u{20…"#)
                && !list.stdout.contains(#"\u{202…"#) && !list.stdout.contains(#"\x…"#) && !list.stdout.contains(#"\x7…"#))
        let listJSON = try #require(try json(try run(["list", "--json", file]).stdout) as? [[String: Any]])
        #expect(listJSON.first?["rootName"] as? String == Self.evil, "--json keeps the exact value")

        let show = try run(["show", trace, file])
        #expect(show.stdout.contains("\(Self.shown): \(Self.shown)  "),
                "the header shows the whole name escaped: \(show.stdout)")
        try run(["show", "--ascii", trace, file])
        let showJSON = try run(["show", "--json", trace, file])
        #expect(showJSON.stdout.contains(#"\u001b]0;PWNED\u0007"#) && showJSON.stdout.contains(#"\u202e"#))
        _ = try json(showJSON.stdout)

        let analyze = try run(["analyze", trace, file])
        #expect(analyze.stdout.contains(#"evil\e]0;PWNED"#))
        try run(["analyze", "--adjust-skew", trace, file])
        _ = try json(try run(["analyze", "--json", trace, file]).stdout)

        let compare = try run(["compare", trace, trace, file])
        #expect(compare.stdout.contains(#"evil\e]0;PWNED"#), "names in the header and the tree: \(compare.stdout)")
        #expect(!compare.stdout.contains(#"\u{…"#) && !compare.stdout.contains(#"\x…"#))
        let compareJSON = try #require(try json(try run(["compare", "--json", trace, trace, file]).stdout) as? [String: Any])
        #expect((compareJSON["nodes"] as? [[String: Any]])?.first?["operation"] as? String == Self.evil)
        // The only trace: no baseline, and the message names its root operation escaped.
        let noBaseline = try run(["compare", trace, "--baseline", file], status: 1)
        #expect(noBaseline.stderr.contains(#"evil\e]0;PWNED"#), "\(noBaseline.stderr)")

        let stats = try run(["stats", file])
        #expect(stats.stdout.contains(#"evil\e]0;PWNED"#))
        _ = try json(try run(["stats", "--json", file]).stdout)
        let deps = try run(["deps", file])
        #expect(deps.stdout.contains(#"evil\e]0;PWNED"#) || deps.stdout.contains("No calls"))
        let map = try run(["deps", "--graph", file])
        #expect(!map.stdout.contains("\u{1B}"), "the map escapes names")
        let dot = try run(["deps", "--dot", file])
        #expect(!dot.stdout.contains("\u{1B}"), "DOT escapes names")
        let depsJSON = try #require(try json(try run(["deps", "--json", file]).stdout) as? [[String: Any]])
        if let caller = depsJSON.first?["caller"] as? String { #expect(caller == Self.evil) }

        try run(["query", "{ }", file])
        try run(["query", "--spans", "{ }", file])
        let spansJSON = try #require(try json(try run(["query", "--spans", "--json", "{ }", file]).stdout) as? [[String: Any]])
        #expect(spansJSON.contains { $0["name"] as? String == Self.evil })
        let noMatch = try run(["query", "{ name = \"zz\u{1B}[2J\u{202E}\" }", file], status: 1)
        #expect(noMatch.stderr.contains(#"zz\e[2J\u{202E}"#))
        try run(["query", "{ name = \"\u{1B}[2J", file], status: 2)

        // Series labels from the data, in the metrics table (escaped once, visibly) and JSON (exact).
        let metrics = try run(["metrics", "{ } | count_over_time() by (name)", file])
        #expect(metrics.stdout.contains(#"{name=""# + String(Self.shown.prefix(24))), "\(metrics.stdout)")
        let metricsJSON = try #require(try json(try run(["metrics", "--json", "{ } | count_over_time() by (name)", file]).stdout)
                                       as? [String: Any])
        let labels = (metricsJSON["series"] as? [[String: Any]])?.compactMap { ($0["labels"] as? [[String: Any]])?.first }
        #expect(labels?.contains { ($0["value"] as? [String: Any])?["stringValue"] as? String == Self.evil } == true)

        let converted = try run(["convert", "--to", "otlp", file])
        _ = try json(converted.stdout)
        #expect(converted.stdout.contains(#"\u009b31m"#), "C1 escaped in exact JSON")
        try run(["convert", "--to", "otlp", "--pretty", "-o", files.directory + "/out-\(format).json", file])
        try run(["convert", "--to", "otlp", "-o", files.directory + "/missing\u{1B}[2J/out.json", file], status: 2)

        // Errors that quote what the user typed or a file name.
        let badID = try run(["show", "zz\u{1B}]0;PWNED\u{7}", file], status: nil)
        #expect(badID.status != 0)
        let missing = try run(["list", files.directory + "/no\u{1B}[2Jsuch\u{202E}.json"], status: 1)
        #expect(missing.stderr.contains(#"no\e[2Jsuch\u{202E}.json"#), "\(missing.stderr)")
    }

    @Test func decodeWarningsShowTheFileNameEscaped() throws {
        let files = try Files()
        let r = try run(["list", files.otlp])
        #expect(r.stderr.contains(#"trace\e]0;PWNED\a\e[2J\u{9B}1m\u{202E}\nx\x7f.otlp.json"#), "\(r.stderr)")
    }

    @Test func theStoreCommandsEscapeTheData() throws {
        let files = try Files()
        let store = files.directory + "/store\u{1B}]0;PWNED\u{7}.sqlite"
        let imported = try run(["import", "--store", store, files.otlp, files.jaeger, files.zipkin])
        #expect(imported.stderr.contains(#"trace\e]0;PWNED"#), "the warning names the file: \(imported.stderr)")
        let info = try run(["store", "info", "--store", store])
        #expect(info.stdout.contains(#"store\e]0;PWNED\a.sqlite"#))
        #expect(info.stdout.contains(#"evil\e]0;PWNED"#), "service names: \(info.stdout)")
        try run(["store", "info", "--check", "--store", store])
        let infoJSON = try #require(try json(try run(["store", "info", "--json", "--store", store]).stdout) as? [String: Any])
        #expect(infoJSON["path"] as? String == store)
        let rows = try #require(try json(try run(["list", "--json", "--store", store]).stdout) as? [[String: Any]])
        #expect(rows.count == 3)
        try run(["list", "--store", store])
        try run(["show", Self.otlpTrace, "--store", store])
        try run(["analyze", Self.jaegerTrace, "--store", store])
        try run(["compare", Self.otlpTrace, Self.zipkinTrace, "--store", store])
        try run(["compare", Self.otlpTrace, "--baseline", "--store", store], status: nil)
        try run(["stats", "--store", store])
        try run(["deps", "--store", store])
        try run(["query", "{ }", "--store", store])
        _ = try json(try run(["store", "export", "--to", "otlp", "--store", store]).stdout)
        try run(["store", "export", "--to", "otlp", "--store", store, "{ name = \"\u{1B}[2J\" }"], status: nil)
        try run(["store", "prune", "--keep-last", "1", "--store", store])
        try run(["store", "info", "--store", files.directory + "/none\u{1B}[2J/x.sqlite"], status: 1)
    }
}
