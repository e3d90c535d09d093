import TraceModel

/// `TraceDrawing` as the analysis tests use it: every line without `trace=` belongs to
/// "trace-1", so a drawing can name other traces for some lines only.
public enum AnalysisDrawing {
    public static func table(_ drawing: String, unitNanos: Int64 = 1_000_000,
                             attributes: [String: [String: AttributeValue]] = [:],
                             resources: [String: [String: AttributeValue]] = [:]) -> SpanTable {
        var fixture = TraceFixture(unitNanos: unitNanos)
        add(drawing, to: &fixture, attributes: attributes, resources: resources)
        return fixture.build()
    }

    public static func trace(_ drawing: String, unitNanos: Int64 = 1_000_000,
                             attributes: [String: [String: AttributeValue]] = [:],
                             resources: [String: [String: AttributeValue]] = [:]) -> Trace {
        table(drawing, unitNanos: unitNanos, attributes: attributes, resources: resources).trace(at: 0)
    }

    public static func add(_ drawing: String, to fixture: inout TraceFixture,
                           attributes: [String: [String: AttributeValue]] = [:],
                           resources: [String: [String: AttributeValue]] = [:]) {
        TraceDrawing.add(drawing, to: &fixture, defaultTrace: "trace-1", attributes: attributes, resources: resources)
    }
}
