import Foundation
import Testing
import TestSupport
@testable import TraceQuery

/// trex's TraceQL corpus (`TraceQLCorpus.swift`): every query TraceQL accepts parses, every one
/// it rejects fails with a diagnostic inside the query, and each deliberate addition parses and
/// is documented in docs/query-language.md.
@Suite struct TraceQLCorpusTests {
    static let entries = TraceQLCorpusEntry.parse(traceQLCorpus)
    static let valid = entries.filter { $0.kind == .valid }
    static let invalid = entries.filter { $0.kind == .invalid }
    static let additions = entries.filter { $0.kind == .addition }

    static let docURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/query-language.md")

    /// The grammar rules the corpus is grouped by, in order.
    static let expectedSections = [
        "Spanset filters", "Scoped intrinsics", "Legacy intrinsics", "Attribute scopes",
        "Quoted attribute names", "Literals and nil", "Durations", "Comparison operators",
        "Field expressions", "Arithmetic", "Spanset operators", "Structural operators",
        "Negated structural operators", "Union structural operators", "Aggregates",
        "Grouping, selection and coalesce", "Metrics functions", "Metrics second stage", "compare()",
        "Metrics arithmetic", "Pipelines in parentheses", "Computed values", "Query hints", "trex additions",
    ]

    /// Text that at least one valid query contains: every intrinsic, scope, operator, stage and
    /// function of TraceQL's documentation.
    static let requiredInValid = [
        // Scoped intrinsics.
        "span:duration", "span:name", "span:kind", "span:status ", "span:statusMessage", "span:id",
        "span:parentID", "span:childCount", "trace:duration", "trace:rootName", "trace:rootService",
        "trace:id", "event:name", "event:timeSinceStart", "link:traceID", "link:spanID",
        "instrumentation:name", "instrumentation:version",
        // Legacy intrinsics.
        "{ duration ", "{ name ", "{ kind ", "{ status ", "{ statusMessage ", "{ rootName ",
        "{ rootServiceName ", "{ traceDuration ",
        // Scopes and quoted names.
        "{ span.", "{ resource.", "{ event.", "{ link.", "{ instrumentation.", "{ parent.", "{ .",
        "{ span.\"", "{ resource.\"", "{ .\"",
        // Literals.
        "nil", "minInt", "maxInt", "= true", "= false", "> -1", "1.5", "\\\"",
        // Comparisons, field expressions and arithmetic.
        " = ", " != ", " > ", " >= ", " < ", " <= ", " =~ ", " !~ ", " && ", " || ", "!(",
        " * ", " + ", " - ", " / ",
        // Spanset operators.
        "} && {", "} || {", "} >> {", "} > {", "} << {", "} < {", "} ~ {",
        "} !>> {", "} !> {", "} !<< {", "} !< {", "} !~ {",
        "} &>> {", "} &> {", "} &<< {", "} &< {", "} &~ {",
        // Pipelines.
        "| count() ", "| avg(", "| min(", "| max(", "| sum(", "| by(", "| select(", "| coalesce()",
        "} | {",
        // Metrics.
        "| rate()", "| count_over_time()", "| min_over_time(", "| max_over_time(", "| avg_over_time(",
        "| sum_over_time(", "| quantile_over_time(", "| histogram_over_time(", "| compare({",
        "| topk(", "| bottomk(", ") by (", ", .5, .95, .99)",
        // Hints.
        "with(", "with (", "most_recent=true", "sample=true", "span_sample=", "trace_sample=",
        "exemplars=true",
    ]

    static let requiredDurationUnits = ["ns", "us", "µs", "ms", "s", "m", "h", "d", "w", "y"]

    @Test func corpusIsSubstantial() {
        #expect(Self.valid.count >= 150)
        #expect(Self.invalid.count >= 50)
        #expect(!Self.additions.isEmpty && Self.additions.count <= 10)
        var seen: Set<String> = []
        for e in Self.entries {
            #expect(seen.insert(e.query).inserted, "\(e): listed twice")
            #expect(!e.query.contains(" ## "), "\(e)")
        }
        for e in Self.invalid {
            #expect(!(e.note ?? "").isEmpty, "\(e): an invalid query says why")
        }
    }

    @Test func corpusCoversEachSection() {
        #expect(TraceQLCorpusEntry.sections(of: Self.entries) == Self.expectedSections)
        for section in Self.expectedSections {
            let inSection = Self.entries.filter { $0.section == section }
            #expect(inSection.contains { $0.kind != .invalid }, "\(section): no accepted query")
        }
        // Invalid queries for most rules.
        let withInvalid = Set(Self.invalid.map(\.section))
        #expect(withInvalid.count >= Self.expectedSections.count - 3)
        for text in Self.requiredInValid {
            #expect(Self.valid.contains { $0.query.contains(text) }, "no valid query contains \(text)")
        }
        let units = Set(Self.valid.flatMap { Self.durationUnits(in: $0.query) })
        for unit in Self.requiredDurationUnits {
            #expect(units.contains(unit), "no valid query has a duration in \(unit)")
        }
    }

    @Test(arguments: valid)
    func validQuery(_ entry: TraceQLCorpusEntry) {
        switch Query.result(entry.query) {
        case .failure(let d):
            Issue.record("line \(entry.line) [\(entry.section)]: TraceQL accepts this query\n\(d.rendered(query: entry.query))")
        case .success(let query):
            // The canonical text reads back as the same query.
            switch Query.result(query.description) {
            case .success(let back): #expect(back == query, "line \(entry.line): \(query.description)")
            case .failure(let d): Issue.record("line \(entry.line): \(query.description) does not parse\n\(d.rendered(query: query.description))")
            }
        }
    }

    @Test(arguments: invalid)
    func invalidQuery(_ entry: TraceQLCorpusEntry) {
        do {
            let query = try Query.parse(entry.query)
            Issue.record("line \(entry.line) [\(entry.section)]: \(entry.query) parsed as \(query), but TraceQL rejects it: \(entry.note ?? "")")
        } catch {
            let d: QueryDiagnostic = error
            #expect(d.range.lowerBound >= 0 && d.range.lowerBound <= d.range.upperBound
                        && d.range.upperBound <= entry.query.count,
                    "line \(entry.line): range \(d.range.lowerBound)..<\(d.range.upperBound) outside the query\n\(d.rendered(query: entry.query))")
            #expect(!d.message.isEmpty)
        }
    }

    @Test(arguments: additions)
    func addition(_ entry: TraceQLCorpusEntry) throws {
        if case .failure(let d) = Query.result(entry.query) {
            Issue.record("line \(entry.line): a trex addition must parse\n\(d.rendered(query: entry.query))")
        }
        guard let text = try? String(contentsOf: Self.docURL, encoding: .utf8) else {
            print("skipping: \(Self.docURL.path) is not readable")
            return
        }
        #expect(text.contains(entry.query), "line \(entry.line): the addition is not in docs/query-language.md")
    }

    /// The units of the duration literals of a query: the letters right after a digit.
    static func durationUnits(in query: String) -> [String] {
        let chars = Array(query)
        var out: [String] = []
        var i = 0
        var inString = false
        while i < chars.count {
            // Skip string literals (ids such as "0af7..." are not durations).
            if chars[i] == "\\", inString { i += 2; continue }
            if chars[i] == "\"" { inString.toggle(); i += 1; continue }
            guard !inString, chars[i].isNumber, i + 1 < chars.count, chars[i + 1].isLetter else { i += 1; continue }
            // Not part of a name such as `http2`.
            var start = i
            while start > 0, chars[start - 1].isNumber || chars[start - 1] == "." { start -= 1 }
            let inName = start > 0 && (chars[start - 1].isLetter || chars[start - 1] == "_")
            var j = i + 1
            while j < chars.count, chars[j].isLetter { j += 1 }
            if !inName { out.append(String(chars[(i + 1)..<j])) }
            i = j
        }
        return out
    }
}
