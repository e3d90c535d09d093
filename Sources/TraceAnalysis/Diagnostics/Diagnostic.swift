/// One way a trace lies, or one pattern worth fixing: a kind, the spans involved (local
/// indices; the CLI maps them to span ids) and a plain explanation.
public struct Diagnostic: Sendable, Hashable {
    public var kind: DiagnosticKind
    public var severity: DiagnosticSeverity
    /// The spans involved, most relevant first.
    public var spans: [Int]
    public var message: String

    /// A diagnostic of a kind and severity about some spans.
    public init(_ kind: DiagnosticKind, _ severity: DiagnosticSeverity, spans: [Int], _ message: String) {
        self.kind = kind
        self.severity = severity
        self.spans = spans
        self.message = message
    }
}
