import TraceModel

/// Builds traces from ASCII drawings, one span per line:
///
///     root      frontend  [==========]
///      api      backend     [====]        kind=client
///       db      postgres     [=]          status=error
///      mq       queue         [========]  ref=follows host=b
///     other     api      [===]            trace=t2 parent=-
///
/// Leading spaces before the id give the nesting (a line's parent is the nearest line above it
/// with less indentation). The id is also the span's name unless `name=` says otherwise; the
/// second word is the service. A bar covers its columns from `[` to `]` inclusive: one column is
/// one `unit` (1 ms by default), and time 0 is the leftmost `[` in the drawing.
///
/// Options after the bar: `kind`, `status`, `name`, `parent` (overriding the indentation; `-`
/// for none), `host=` (resource `host.name`), `ref=follows` (the `.followsFrom` marker),
/// `sampled=0|1` (W3C flags), `remote=0|1` (the OTLP parent-is-remote flag; sampled unless
/// `sampled=0` comes first), `shared=1` (`.sharedServerHalf`), `trace=` (the trace this span
/// belongs to), `id=` (the span id name, when two spans must share one); any other `key=value`
/// is a string attribute. `attributes` and `resources` add typed values by span id, for values
/// with spaces.
public enum TraceDrawing {
    public static func table(_ drawing: String, trace: String = "trace-1", unitNanos: Int64 = 1_000_000,
                             attributes: [String: [String: AttributeValue]] = [:],
                             resources: [String: [String: AttributeValue]] = [:]) -> SpanTable {
        var fixture = TraceFixture(trace: trace, unitNanos: unitNanos)
        add(drawing, to: &fixture, attributes: attributes, resources: resources)
        return fixture.build()
    }

    public static func trace(_ drawing: String, unitNanos: Int64 = 1_000_000,
                             attributes: [String: [String: AttributeValue]] = [:],
                             resources: [String: [String: AttributeValue]] = [:]) -> Trace {
        table(drawing, unitNanos: unitNanos, attributes: attributes, resources: resources).trace(at: 0)
    }

    /// Adds the drawing's spans to a fixture. Lines without `trace=` go to `defaultTrace`, or,
    /// when that is nil, to the fixture's current trace.
    public static func add(_ drawing: String, to fixture: inout TraceFixture, defaultTrace: String? = nil,
                           attributes extra: [String: [String: AttributeValue]] = [:],
                           resources: [String: [String: AttributeValue]] = [:]) {
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
            let label = words[0]
            let name = options.removeValue(forKey: "name") ?? label
            let idName = options.removeValue(forKey: "id") ?? label
            var markers: SpanMarkers = []
            if options.removeValue(forKey: "ref") == "follows" { markers.insert(.followsFrom) }
            if options.removeValue(forKey: "shared") == "1" { markers.insert(.sharedServerHalf) }
            var flags: UInt32 = 0
            if let sampled = options.removeValue(forKey: "sampled") {
                markers.insert(.hasFlags)
                flags |= sampled == "1" ? 1 : 0
            }
            if let remote = options.removeValue(forKey: "remote") {
                if !markers.contains(.hasFlags) { flags |= 1 }   // sampled unless said otherwise
                markers.insert(.hasFlags)
                flags |= 0x100 | (remote == "1" ? 0x200 : 0)
            }
            let traceName = options.removeValue(forKey: "trace") ?? defaultTrace
            var resource = resources[label] ?? [:]
            if let host = options.removeValue(forKey: "host") { resource["host.name"] = .string(host) }
            var attrs = options.mapValues { AttributeValue.string($0) }
            attrs.merge(extra[label] ?? [:]) { _, new in new }

            if let traceName { fixture.inTrace(traceName) }
            let resourcePairs = [KeyValue("service.name", .string(words[1]))]
                + resource.sorted { $0.key < $1.key }.map { KeyValue($0.key, $0.value) }
            let resourceIndex = fixture.builder.addResource(attributes: fixture.builder.appendAttributes(resourcePairs))
            let attributeRange = fixture.builder.appendAttributes(
                attrs.sorted { $0.key < $1.key }.map { KeyValue($0.key, $0.value) })
            let span = Span(
                traceID: fixture.traceID, spanID: TraceFixture.id(idName),
                parentSpanID: parent.map(TraceFixture.id) ?? .zero,
                name: fixture.builder.intern(name), kind: kind,
                start: fixture.time(Int64(open - origin)), end: fixture.time(Int64(close + 1 - origin)),
                resource: resourceIndex, status: status, attributes: attributeRange, flags: flags, markers: markers)
            fixture.builder.append(span)
            stack.append((indent, idName))
        }
    }
}
