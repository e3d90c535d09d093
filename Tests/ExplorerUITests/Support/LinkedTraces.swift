import TraceModel
import TestSupport
@testable import ExplorerUI

/// A consumer trace whose `consume` span links to the producer trace's `publish` span: the
/// fixture of the tests that follow a link, with the producer in the same table or apart (a
/// backend's trace fetched by id).
enum LinkedTraces {
    static let consumer = StableHash.traceID(for: "consumer")
    static let producer = StableHash.traceID(for: "producer")

    /// The consumer trace, with the producer's when `withProducer`.
    static func table(withProducer: Bool) -> SpanTable {
        var f = TraceFixture()
        f.inTrace("consumer")
        f.span("handle", service: "worker", start: 0, end: 10)
        if withProducer { addProducer(to: &f) }
        var builder = f.builder
        builder.append(SpanLink(traceID: producer, spanID: TraceFixture.id("publish")))
        let linkRange = ElementRange(start: UInt32(builder.links.count - 1), count: 1)
        builder.append(Span(traceID: consumer, spanID: TraceFixture.id("consume"), parentSpanID: TraceFixture.id("handle"),
                            name: builder.intern("consume"), start: f.time(1), end: f.time(2), links: linkRange))
        return builder.finish()
    }

    /// The producer trace alone.
    static func producerTable() -> SpanTable {
        var f = TraceFixture()
        addProducer(to: &f)
        return f.build()
    }

    private static func addProducer(to f: inout TraceFixture) {
        f.inTrace("producer")
        f.span("publish", service: "api", start: 100, end: 105)
    }
}

extension ExplorerHarness {
    /// Opens the first trace (the consumer), selects its linking span, gives the detail pane the
    /// keys and moves down it to the link's line.
    func selectConsumersLink() {
        press(.enter, .char("j"), .backTab)
        for _ in 0..<60 {
            guard let screen = app.traceScreen, let state = screen.detail, let span = screen.selectedSpan else { break }
            if SpanDetail(screen: screen, span: span).lines[state.selected].link != nil { break }
            press(.char("j"))
        }
    }
}
