import TraceModel

/// Short human descriptions of spans for diagnostic messages: `checkout "POST /pay"`.
enum SpanLabel {
    /// The service and operation of a span.
    static func of(_ span: Span, in table: SpanTable) -> String {
        let service = table.serviceName(of: span)
        let name = table.name(of: span)
        return (service.isEmpty ? "(no service)" : service) + " \"" + name + "\""
    }

    /// The service and operation of a span, with its id.
    static func withID(_ span: Span, in table: SpanTable) -> String {
        of(span, in: table) + " (" + span.spanID.hex + ")"
    }

    /// A duration as the views show it.
    static func duration(_ ns: Int64) -> String { DurationFormat.string(Nanoseconds(ns)) }

    /// "1 call" / "3 calls".
    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
}
