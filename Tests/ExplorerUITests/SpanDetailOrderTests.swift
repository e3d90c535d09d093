import Testing
import TerminalCore
import TraceModel
import TestSupport
@testable import ExplorerUI

/// The detail pane: what is wrong first, then the span, its attributes, events, links, resource
/// and scope; trace flags and dropped counts; keys shown whole.
@Suite struct SpanDetailOrderTests {
    static let longKey = "messaging.kafka.consumer.group.rebalance.protocol.assignment.strategy"

    static func table() -> SpanTable {
        var f = TraceFixture(trace: "detail")
        f.span("root", service: "api", start: 0, end: 100, kind: .server)
        // An orphan (its parent is not in the trace), with W3C flags and dropped attributes.
        var builder = f.builder
        let attributes = builder.appendAttributes([KeyValue(Self.longKey, .string("cooperative-sticky"))])
        builder.append(Span(traceID: StableHash.traceID(for: "detail"), spanID: TraceFixture.id("lost"),
                            parentSpanID: TraceFixture.id("gone"), name: builder.intern("consume"), kind: .consumer,
                            start: f.time(10), end: f.time(20), attributes: attributes, droppedAttributesCount: 3,
                            flags: 0x301, markers: .hasFlags))
        return builder.finish()
    }

    @Test func diagnosticsComeFirstThenTheSpanAttributesResourceAndScope() throws {
        let h = ExplorerHarness(table: Self.table(), width: 160, height: 50)
        h.press(.enter, .char("G"), .tab)
        let screen = try #require(h.app.traceScreen)
        let span = try #require(screen.selectedSpan)
        let detail = SpanDetail(screen: screen, span: span)
        let sections = detail.lines.filter { $0.kind == .section }.map(\.label)
        #expect(sections.first?.hasPrefix("Diagnostics") == true, "\(sections)")
        #expect(sections.dropFirst().first == "Span")
        #expect(sections.contains { $0.hasPrefix("Attributes") })
        let order = ["Diagnostics", "Span", "Attributes", "Resource"].map { name in sections.firstIndex { $0.hasPrefix(name) } ?? -1 }
        #expect(order == order.sorted() && !order.contains(-1), "\(sections)")
        let fields = Dictionary(detail.lines.filter { $0.kind != .section }.map { ($0.label, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(fields["trace flags"] == "0x1 (sampled), remote parent")
        #expect(fields["dropped"]?.hasPrefix("3 attributes") == true)
        #expect(fields["orphan"] != nil, "the orphan diagnostic is listed")
    }

    @Test func idsAndTheTraceparentNeverWrapAt100Columns() throws {
        for (width, height) in [(100, 50), (100, 24), (120, 40), (160, 50)] {
            let h = ExplorerHarness(table: Self.table(), width: width, height: height)
            h.press(.enter, .char("G"), .tab)
            let screen = try #require(h.app.traceScreen)
            let span = try #require(screen.selectedSpan)
            let traceparent = "00-\(screen.trace.id.hex)-\(screen.trace[span].spanID.hex)-01"
            // Move the pane's cursor to the traceparent line, so the pane shows it.
            let line = try #require(SpanDetail(screen: screen, span: span).lines.firstIndex { $0.label == "traceparent" })
            h.press(.backTab)
            for _ in 0..<80 where (h.app.traceScreen?.detail?.selected ?? 0) < line { h.press(.char("j")) }
            #expect(h.screen.contains(traceparent), "\(width)x\(height): \(h.screen)")
        }
    }

    @Test func aMissingSpanRowExplainsWhatIsMissing() throws {
        let h = ExplorerHarness(table: Self.table(), width: 160, height: 50)
        h.press(.enter)
        let row = try #require(h.screen.split(separator: "\n").firstIndex { $0.contains("missing span") })
        h.press(.char("j"))   // the root, then the missing span's row
        #expect(h.screen.split(separator: "\n")[row].contains("missing span"))
        h.press(.tab)
        let screen = h.screen
        #expect(screen.contains("Why it is missing"), "\(screen)")
        #expect(screen.contains("has parent"))
        #expect(screen.contains("no: 1 span names it as its parent"))
        #expect(screen.contains("consume"))
    }

    @Test func aLongKeyIsShownWholeOverSeveralRows() throws {
        let h = ExplorerHarness(table: Self.table(), width: 100, height: 50)
        h.press(.enter, .char("G"), .tab)
        let screen = try #require(h.app.traceScreen)
        let detail = SpanDetail(screen: screen, span: try #require(screen.selectedSpan))
        let labelWidth = SpanDetailRows.labelWidth(innerWidth: screen.detailWidth - 2, longestLabel: detail.longestLabel)
        #expect(labelWidth < Self.longKey.count, "the key is wider than half the pane")
        let rows = SpanDetailRows(detail, valueWidth: 20, labelWidth: labelWidth)
        let line = try #require(detail.lines.firstIndex { $0.label == Self.longKey })
        let labels = rows.rows(of: line).map { rows.rows[$0].label }
        #expect(labels.joined() == Self.longKey)
        #expect(labels.count > 1)
        #expect(labels.allSatisfy { DisplayWidth.of($0) <= labelWidth })
    }
}
