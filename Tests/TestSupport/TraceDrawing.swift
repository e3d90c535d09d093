import TraceModel

/// Builds a trace from an ASCII drawing, one span per line:
///
///     root      frontend  [==========]
///      api      backend     [====]        kind=client
///       db      postgres     [=]          status=error
///
/// Leading spaces before the id give the nesting (a line's parent is the nearest line above it
/// with less indentation). The id is also the span's name unless `name=` says otherwise; the
/// second word is the service. a bar covers its columns from `[` to `]` inclusive: one column is one `unit`
/// (1 ms by default), and time 0 is the leftmost `[` in the drawing. After the bar,
/// `key=value` words set `kind`, `status`, `name`, `parent` (overriding the indentation; `-`
/// for none) and string attributes (anything else).
public enum TraceDrawing {
    public static func table(_ drawing: String, trace: String = "trace-1", unitNanos: Int64 = 1_000_000) -> SpanTable {
        var fixture = TraceFixture(trace: trace, unitNanos: unitNanos)
        add(drawing, to: &fixture)
        return fixture.build()
    }

    public static func trace(_ drawing: String, unitNanos: Int64 = 1_000_000) -> Trace {
        table(drawing, unitNanos: unitNanos).trace(at: 0)
    }

    public static func add(_ drawing: String, to fixture: inout TraceFixture) {
        let lines = drawing.split(separator: "\n", omittingEmptySubsequences: true)
            .filter { !$0.allSatisfy { $0 == " " } }
        let origin = lines.compactMap { Array($0).firstIndex(of: "[") }.min() ?? 0
        var stack: [(indent: Int, id: String)] = []
        for line in lines {
            let chars = Array(line)
            let indent = chars.prefix { $0 == " " }.count
            guard let open = chars.firstIndex(of: "["), let close = chars.lastIndex(of: "]"), close >= open else {
                fatalError("drawing line without [bar]: \(line)")
            }
            let words = String(chars[..<open]).split(separator: " ").map(String.init)
            guard words.count >= 2 else { fatalError("drawing line needs an id and a service: \(line)") }
            var options: [String: String] = [:]
            for word in String(chars[(close + 1)...]).split(separator: " ") {
                let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2 { options[parts[0]] = parts[1] }
            }
            while let last = stack.last, last.indent >= indent { stack.removeLast() }
            var parent = stack.last?.id
            if let explicit = options.removeValue(forKey: "parent") { parent = explicit == "-" ? nil : explicit }
            let kind = options.removeValue(forKey: "kind").flatMap { SpanKind(name: $0) } ?? .internal
            let status = options.removeValue(forKey: "status").flatMap { StatusCode(name: $0) } ?? .unset
            let name = options.removeValue(forKey: "name")
            fixture.span(words[0], parent: parent, service: words[1], name: name,
                         start: Int64(open - origin), end: Int64(close + 1 - origin), kind: kind, status: status,
                         attributes: options.mapValues { .string($0) })
            stack.append((indent, words[0]))
        }
    }
}
