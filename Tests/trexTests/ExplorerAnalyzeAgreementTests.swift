import ExplorerUI
import Foundation
import TerminalCore
import Testing
import TraceModel
import TraceStore
import TraceWorkspace

/// The explorer and `trex analyze` never disagree: every bundled and every shared sample is
/// opened in the explorer (drawn into the in-memory cell grid), each trace's findings are read
/// back from the screen (the header, each span's status line and detail pane), and they must be
/// exactly what `trex analyze --json` says of the same trace in the same file: the same kinds
/// on the same spans with the same words, the same critical time and share per span, the same
/// async work after the response.
@Suite(.serialized) struct ExplorerAnalyzeAgreementTests {
    static let docsSamples: [String] = sampleFiles(under: TrexBinary.packageRoot.appendingPathComponent("docs/samples"))

    static let sharedSamples: [String] = TrexBinary.sharedDirectory.map {
        sampleFiles(under: $0.appendingPathComponent("samples"))
    } ?? []

    @Test func everyBundledSampleAgrees() throws {
        #expect(Self.docsSamples.count >= 19)
        var traces = 0
        for file in Self.docsSamples { traces += try Self.checkAgreement(file) }
        #expect(traces >= 24)
    }

    @Test(.enabled(if: TrexBinary.sharedDirectory != nil, "../shared/samples is absent: skipping the shared samples"))
    func everySharedSampleAgrees() throws {
        var traces = 0
        for file in Self.sharedSamples { traces += try Self.checkAgreement(file) }
        #expect(traces > 20)
    }

    /// Every trace file under a folder (the README and the manifest left out).
    static func sampleFiles(under root: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var files: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".json") || relative.hasSuffix(".jsonl") || relative.hasSuffix(".gz") else { continue }
            files.append(root.appendingPathComponent(relative).path)
        }
        return files.sorted()
    }

    /// Checks every trace of one file; returns how many it checked.
    static func checkAgreement(_ file: String) throws -> Int {
        let outcome = TraceLoader.load([file])
        guard outcome.loadedAnything else { return 0 }
        let catalog = TraceCatalog(table: outcome.table)
        let workspace = Workspace(files: catalog, store: nil)
        for index in catalog.table.traces.indices {
            let id = catalog.table.traces[index].traceID
            let cli = try TrexBinary.run(["analyze", "--json", id.hex, file])
            try #require(cli.status == 0, "analyze \(id.hex) \(file): \(cli.stderr)")
            let expected = try AnalyzeFindings(json: cli.stdoutBytes)
            let shown = try ScreenFindings.read(trace: id, workspace: workspace, listing: catalog.traceListing(overlapping: nil))
            let place = "\(URL(fileURLWithPath: file).lastPathComponent) trace \(id.hex)"
            #expect(shown.problemMarks == expected.problemMarks, "the trace list's problem marks of \(place)")
            #expect(shown.diagnostics == expected.diagnostics, "diagnostics of \(place)")
            #expect(shown.critical == expected.critical, "critical time of \(place)")
            #expect(shown.statusShares == expected.shares, "status-line shares of \(place)")
            // The header's one-line summary names every kind unless the line is cut.
            let summary = shown.header.split(separator: "\n").dropFirst().first.map(String.init) ?? ""
            let cut = summary.trimmingCharacters(in: .whitespaces).hasSuffix("…") || summary.contains("… ")
            for kind in expected.kinds where !cut {
                #expect(shown.header.contains(ScreenFindings.headerWord(kind)), "\(kind) in the header of \(place): \(shown.header)")
            }
            if expected.diagnostics.isEmpty && !expected.hasErrors { #expect(shown.header.contains("No problems found")) }
            #expect(shown.header.contains("Error started at") == expected.hasErrors, "the root cause in the header of \(place)")
            #expect(shown.header.contains(expected.asyncText ?? "\u{0}") == (expected.asyncText != nil),
                    "async work in the header of \(place)")
        }
        return catalog.table.traces.count
    }
}

/// What `trex analyze --json` says of a trace, keyed as the screen is read.
struct AnalyzeFindings {
    /// span id -> (kind, message with whitespace removed), sorted.
    var diagnostics: [String: [String]] = [:]
    /// span id -> what the detail pane's "critical" field must say.
    var critical: [String: [String]] = [:]
    /// span id -> the whole percentage of the status line, for spans on the critical path.
    var shares: [String: [Int]] = [:]
    var kinds: Set<String> = []
    var asyncText: String?
    /// The trace has error spans (and so root causes).
    var hasErrors = false
    /// The trace list's PROBLEMS column as `problems` says it must read: a letter per problem
    /// in its slot (E S M N F B O), a dot for each it has not.
    var problemMarks = ""

    init(json: Data) throws {
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        for d in object["diagnostics"] as? [[String: Any]] ?? [] {
            let kind = d["kind"] as? String ?? "?"
            kinds.insert(kind)
            // The detail pane shows a message's line breaks as breaks, every other control
            // character as its visible escape.
            let lines = (d["message"] as? String ?? "").split(separator: "\n", omittingEmptySubsequences: false)
            let message = ScreenFindings.squeezed(lines.map { String($0).visiblyEscaped }.joined())
            for span in d["spanIds"] as? [String] ?? [] { diagnostics[span, default: []].append("\(kind): \(message)") }
        }
        for key in diagnostics.keys { diagnostics[key]!.sort() }
        // The share is of the critical path's length (the response), computed here from the
        // nanoseconds rather than from the rounded `share`.
        let total = max(1, (object["criticalPathNanos"] as? NSNumber)?.int64Value ?? 0)
        for share in object["criticalShares"] as? [[String: Any]] ?? [] {
            let span = share["spanId"] as? String ?? "?"
            let nanos = (share["criticalNanos"] as? NSNumber)?.int64Value ?? 0
            let percent = Int((Double(nanos) / Double(total) * 100).rounded())
            critical[span, default: []].append("\(DurationFormat.string(Nanoseconds(nanos))), \(percent)% of the response")
            shares[span, default: []].append(percent)
        }
        for key in diagnostics.keys { diagnostics[key]!.sort() }
        for key in critical.keys { critical[key]!.sort() }
        for key in shares.keys { shares[key]!.sort() }
        hasErrors = !((object["rootCauses"] as? [String]) ?? []).isEmpty
        let problems = Set(try #require(object["problems"] as? [String]))
        let slots = [("error", "E"), ("clock-skew", "S"), ("missing-spans", "M"), ("n-plus-one", "N"), ("fan-out", "F"),
                     ("broken-propagation", "B"), ("outliving-children", "O")]
        #expect(problems.isSubset(of: slots.map(\.0)), "unknown problems \(problems)")
        problemMarks = slots.map { problems.contains($0.0) ? $0.1 : "·" }.joined()
        #expect(problems.contains("error") == hasErrors)
        let async = (object["asyncAfterResponseNanos"] as? NSNumber)?.int64Value ?? 0
        if async > 0 { asyncText = "+\(DurationFormat.string(Nanoseconds(async))) of async work after the response" }
    }
}

/// What the explorer shows of a trace: opened from the trace list through the filter, every
/// span expanded and visited with its detail pane open.
struct ScreenFindings {
    /// Keyed by span id; a list per id, as two spans may share one (a duplicate-span-id).
    var diagnostics: [String: [String]] = [:]
    var critical: [String: [String]] = [:]
    var statusShares: [String: [Int]] = [:]
    var header = ""
    /// The trace's PROBLEMS column in the trace list.
    var problemMarks = ""

    mutating func normalize() {
        for key in diagnostics.keys { diagnostics[key]!.sort() }
        for key in critical.keys { critical[key]!.sort() }
        for key in statusShares.keys { statusShares[key]!.sort() }
    }

    static let width = 200, height = 120

    /// "16/17" at the end of the status line.
    static func position(_ status: String) -> (row: Int, rows: Int)? {
        guard let range = status.range(of: #"\d+/[\d,]+"#, options: [.regularExpression, .backwards]) else { return nil }
        let parts = status[range].split(separator: "/").map { Int($0.filter(\.isNumber)) ?? 0 }
        return (parts[0], parts[1])
    }

    /// Whitespace removed: wrapping in the pane only moves it.
    static func squeezed(_ text: String) -> String { String(text.unicodeScalars.filter { $0 != " " && $0 != "\n" }.map(Character.init)) }

    /// How the header's summary names a kind.
    static func headerWord(_ kind: String) -> String {
        switch kind {
        case "clock-skew": "clock skew"
        case "orphan": "orphan span"
        case "n-plus-one": "N+1"
        case "fan-out": "fan-out"
        default: kind
        }
    }

    static func read(trace id: TraceID, workspace: Workspace, listing: TraceListing) throws -> ScreenFindings {
        let app = ExplorerApp(workspace: workspace, listing: listing,
                              report: LoadReport(sources: ["sample"], messages: [], spansSkipped: 0, seconds: 0))
        let size = Size(width: width, height: height)
        app.screenSize = size
        func press(_ keys: Key...) { for key in keys { _ = app.handle(.input(.key(key))) } }
        func draw() -> Buffer {
            var frame = Frame(size: size)
            app.render(&frame, capabilities: TerminalCapabilities(colorMode: .color256, isUTF8: true, terminalName: "test"))
            return frame.buffer
        }
        func screen() -> [String] { let b = draw(); return (0..<size.height).map { DetailPane.text(of: b, row: $0) } }
        press(.char("/"))
        for c in "traceid = \"\(id.hex)\"" { press(.char(c)) }
        press(.enter)
        var found = ScreenFindings()
        // The trace list, filtered to the trace, once the problem scan is done: its marks.
        try #require(app.problemScan != nil)
        app.problemScan?.runToEnd()
        _ = app.handle(.message(.problemsFound))
        // By cell columns: a wide root name before the column takes two cells.
        let list = draw()
        let cells = (0..<size.width).map { list[$0, 2].character }   // under the overview and the p95 line
        let title = Array("PROBLEMS")
        let x = try #require((0...(size.width - title.count)).first { Array(cells[$0..<$0 + title.count]) == title },
                             "no PROBLEMS column: \(DetailPane.text(of: list, row: 2))")
        found.problemMarks = String((x..<x + 7).map { list[$0, 3].character })
        press(.enter, .char("O"), .char("g"), .tab)
        let first = screen()
        found.header = first.prefix(3).joined(separator: "\n")
        try #require(first[0].contains("Trace "), "the waterfall of \(id.hex) did not open: \(first.prefix(3))")
        // Row by row to the last, which the status line's "row/rows" tells.
        while true {
            let buffer = draw()
            let lines = (size.height - 3..<size.height).map { DetailPane.text(of: buffer, row: $0) }
            let status = lines.suffix(3).first { $0.range(of: #"\d+/[\d,]+( · adjusted)?\s*$"#, options: .regularExpression) != nil }
            let position = try #require(status.flatMap(Self.position), "no row position on \(lines.suffix(3))")
            // A "missing span" row's pane describes a span that is not in the trace: no findings of its own.
            if let pane = DetailPane(buffer), !pane.describesAMissingSpan, let span = pane.field("span id") {
                let critical = pane.field("critical") ?? "?"
                if critical != "not on the critical path" {
                    found.critical[span, default: []].append(critical)
                    for line in lines.suffix(3) {
                        guard let range = line.range(of: #"\d+% of the response, on the critical path"#,
                                                     options: .regularExpression) else { continue }
                        found.statusShares[span, default: []].append(Int(line[range].prefix { $0.isNumber }) ?? -1)
                    }
                }
                // The diagnostics come first, right under the heading, ended by the "Span" section.
                let diagnostics = pane.diagnostics()
                if !diagnostics.isEmpty {
                    try #require(pane.rows.contains { $0.trimmingCharacters(in: .whitespaces) == "Span" },
                                 "the diagnostics of \(span) run past the pane")
                }
                if !diagnostics.isEmpty { found.diagnostics[span, default: []] += diagnostics }
            }
            if position.row >= position.rows { break }
            press(.char("j"))
        }
        found.normalize()
        return found
    }
}

/// The span detail pane, cut out of the screen by its border.
struct DetailPane {
    /// The pane's rows, inside the border, trailing spaces dropped.
    let rows: [String]

    /// Cuts the pane out of a drawn screen by the columns of its border, so wide characters
    /// left of it shift nothing.
    init?(_ buffer: Buffer) {
        var top: (x: Int, y: Int)?
        for y in 0..<buffer.size.height {
            if let x = buffer.row(y).firstIndex(where: { $0.character == "┌" }) {
                top = (x - buffer.row(y).startIndex, y)
                break
            }
        }
        guard let top else { return nil }
        var rows: [String] = []
        for y in (top.y + 1)..<buffer.size.height {
            guard buffer[top.x, y].character == "│" else { break }   // the bottom border
            var inner = Self.text(of: buffer, row: y, from: top.x + 1)
            if inner.hasSuffix("│") { inner.removeLast() }
            while inner.hasSuffix(" ") { inner.removeLast() }
            rows.append(inner)
        }
        self.rows = rows
    }

    /// A screen row's text from a column on (the second halves of wide characters skipped).
    static func text(of buffer: Buffer, row y: Int, from x: Int = 0) -> String {
        var out = ""
        for cell in buffer.row(y).dropFirst(x) where !cell.isContinuation { out.append(cell.character) }
        return out
    }

    /// True for the pane of a "missing span" row.
    var describesAMissingSpan: Bool { rows.first?.trimmingCharacters(in: .whitespaces).hasPrefix("missing span") ?? false }

    /// The value of a labelled field (`span id  5b8aa5a2d2c872e8`).
    func field(_ label: String) -> String? {
        // Fields follow the diagnostics (whose wrapped messages may start with any word).
        let start = rows.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "Span" }.map { $0 + 1 } ?? 0
        for (i, row) in rows.enumerated().dropFirst(start) {
            let trimmed = row.drop { $0 == " " }
            guard trimmed.hasPrefix(label + " ") || trimmed == label else { continue }
            let value = String(trimmed.dropFirst(label.count)).trimmingCharacters(in: .whitespaces)
            // An id too wide for the value column has the next row to itself.
            if value.isEmpty, i + 1 < rows.count { return rows[i + 1].trimmingCharacters(in: .whitespaces) }
            return value
        }
        return nil
    }

    /// The diagnostics section: "kind: message" per diagnostic, whitespace removed (a message
    /// wraps over rows whose label column is blank).
    func diagnostics() -> [String] {
        guard let start = rows.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("Diagnostics (") }) else {
            return []
        }
        var out: [String] = []
        for row in rows[(start + 1)...] {
            let trimmed = String(row.drop { $0 == " " })
            if trimmed == "Span" { break }   // the section after the diagnostics
            let leading = row.count - trimmed.count
            if leading <= 1, let space = trimmed.firstIndex(of: " ") {
                out.append(String(trimmed[..<space]) + ": " + ScreenFindings.squeezed(String(trimmed[space...])))
            } else if !out.isEmpty {
                out[out.count - 1] += ScreenFindings.squeezed(trimmed)
            }
        }
        return out
    }
}
