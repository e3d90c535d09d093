import TraceModel

/// Context-poor spans ("Mistake 5"): operations whose every span carries no attribute beyond
/// what the SDK or the format adds by itself, and errors with neither an exception event nor a
/// status message nor an error attribute saying what failed.
struct ContextLint {
    let table: SpanTable
    /// Per key of this table: whether an SDK or a format adds it by itself.
    private var defaults = IntegerKeyMap<Bool>()
    /// Spans per (service, name) of this table, turned into names by `flush`.
    private var spansPerOperation = IntegerKeyMap<Int>()

    init(table: SpanTable) { self.table = table }

    /// Attributes an SDK, an exporter or a format adds without the instrumentation asking.
    static func isDefault(_ key: String) -> Bool {
        key.hasPrefix("otel.") || key.hasPrefix("thread.") || key.hasPrefix("telemetry.")
            || ConventionsLint.formatKeys.contains(key)
    }

    private mutating func isDefault(_ key: StringID) -> Bool {
        if let known = defaults[key.mapKey] { return known }
        let verdict = Self.isDefault(table.strings[key])
        defaults[key.mapKey, default: verdict] = verdict
        return verdict
    }

    mutating func observe(_ c: LintTraceContext, into acc: inout LintAccumulator) {
        let table = c.table
        for span in c.trace.spans {
            spansPerOperation[StringID.mapKey(table.serviceID(of: span), span.name), default: 0] += 1
            var poor = true
            for a in table.attributes(of: span) where !isDefault(a.key) {
                poor = false
                break
            }
            if poor || span.status == .error {
                let service = LintTally.service(of: span, in: table), name = table.name(of: span)
                if poor {
                    acc.tallies[.contextPoorSpan, "\(service) \"\(name)\"", [service, name]].note(span, in: table)
                }
                if span.status == .error, !Self.hasDetail(span, table) {
                    acc.tallies[.errorWithoutDetail, "\(service) \"\(name)\""].note(span, in: table)
                }
            }
        }
    }

    /// Adds this table's spans per operation to the accumulator's, by name.
    func flush(into acc: inout LintAccumulator) {
        for (key, count) in spansPerOperation.entries {
            let service = table.strings[StringID(UInt32(key >> 32))]
            let name = table.strings[StringID(UInt32(truncatingIfNeeded: key))]
            acc.operationSpans[ServicePair(service.isEmpty ? "(no service)" : service, name), default: 0] += count
        }
    }

    /// A status message, an `exception` (or `error`) event, or an attribute saying what failed
    /// (`exception.*`, `error.type`, `error.message`, Zipkin's `error` tag holding a message, an
    /// HTTP status code of 400 or more, a gRPC status other than OK: the HTTP and RPC
    /// conventions ask instrumentation not to repeat those in a status description).
    static func hasDetail(_ span: Span, _ table: SpanTable) -> Bool {
        if !table.strings[span.statusMessage].isEmpty { return true }
        for event in table.events(of: span) {
            let name = table.strings[event.name].lowercased()
            if name == "exception" || name == "error" { return true }
            if table.attributes[event.attributes.range].contains(where: { table.strings[$0.key].hasPrefix("exception.") }) {
                return true
            }
        }
        for a in table.attributes(of: span) {
            let key = table.strings[a.key]
            if key.hasPrefix("exception.") || key == "error.type" || key == "error.message" || key == "error.object" {
                return true
            }
            if statusKeys.contains(key), let code = number(a, table), code != 0,
               key.hasPrefix("rpc.") || code >= 400 {
                return true
            }
            if key == "rpc.response.status_code", let text = a.stringID.map({ table.strings[$0] }), !text.isEmpty,
               text != "OK", text != "0" {
                return true
            }
            if key == "error", let text = a.stringID.map({ table.strings[$0] }), !text.isEmpty, text != "true" {
                return true
            }
        }
        return false
    }

    static let statusKeys: Set<String> = ["http.response.status_code", "http.status_code", "rpc.grpc.status_code"]

    /// An attribute's number, also when written as a string (Zipkin's tags).
    static func number(_ a: Attribute, _ table: SpanTable) -> Int64? {
        if let v = table.intValue(of: a) { return v }
        if let s = a.stringID { return Int64(table.strings[s]) }
        return nil
    }

    static func errorFinding(_ t: LintTally) -> LintFinding {
        t.finding("\(t.subject): \(SpanLabel.count(t.count, "failed span")) \(LintTally.agree(t.count, "says", "say")) "
            + "nothing of what failed: no exception "
            + "event, no status message, no error attribute.")
    }

    /// Operations all of whose spans are context-poor.
    static func finish(_ acc: LintAccumulator) -> [LintFinding] {
        acc.tallies.all.compactMap { t in
            guard t.rule == .contextPoorSpan, t.details.count == 2,
                  t.count == acc.operationSpans[ServicePair(t.details[0], t.details[1])] else { return nil }
            let spans = t.count == 1 ? "its only span carries no attribute" : "none of its \(t.count) spans carries an attribute"
            return t.finding("\(t.subject): \(spans) beyond the SDK's own, so a reader learns only that it ran and for "
                + "how long.")
        }
    }
}
