import TraceModel

/// Semantic conventions, from the registry's own table (`SemanticConventions`): deprecated
/// names with their replacement, names that look like a convention but are not one, values of
/// the wrong type, and attributes a span's kind requires (HTTP server spans need a method and
/// `http.route`, HTTP client spans a method, database client spans `db.system.name`).
///
/// Keys are judged once per table (cached by string id), spans' resources once per resource.
/// The keys a format adds itself (`otel.*`, Jaeger's `internal.span.format`, process tags)
/// are not the instrumentation's and are left alone; so are the types of Zipkin's tags,
/// which the format writes as strings.
struct ConventionsLint {
    let table: SpanTable
    private var verdicts: [StringID: Verdict] = [:]
    /// Per resource, its attributes' findings (rule, subject, details), noted for each span.
    private var resourceFindings: [UInt32: [(LintRule, String, [String])]] = [:]

    init(table: SpanTable) { self.table = table }

    enum Verdict {
        case fine
        case ignored
        case conventional(SemanticAttributeType)
        case deprecated(SemanticAttribute)
        case lookalike(String)
    }

    /// Keys formats and exporters write themselves.
    static let formatKeys: Set<String> = [
        "internal.span.format", "span.kind", "error", "sampler.type", "sampler.param", "jaeger.version", "hostname",
        "ip", "client-uuid", "component",
    ]

    mutating func verdict(_ key: StringID) -> Verdict {
        if let known = verdicts[key] { return known }
        let name = table.strings[key]
        let verdict: Verdict
        if name.hasPrefix("otel.") || Self.formatKeys.contains(name) {
            verdict = .ignored
        } else if let attribute = SemanticConventions.attribute(name) {
            verdict = attribute.isDeprecated && !Self.movedElsewhere(attribute) ? .deprecated(attribute)
                : attribute.isTemplate ? .fine : .conventional(attribute.type)
        } else if let suggestion = ConventionLookalike.suggestion(for: name) {
            verdict = .lookalike(suggestion)
        } else {
            verdict = .fine
        }
        verdicts[key] = verdict
        return verdict
    }

    /// An attribute the registry marks deprecated only because another registry now holds it
    /// (`gen_ai.*`, `mcp.*`, `openai.*` moved to the GenAI conventions): still current there.
    static func movedElsewhere(_ attribute: SemanticAttribute) -> Bool {
        attribute.replacement == nil && attribute.deprecationNote?.hasPrefix("Moved to ") == true
    }

    mutating func observe(_ c: LintTraceContext, into tallies: inout LintTallies) {
        for span in c.trace.spans {
            check(table.attributes(of: span), of: span, checkTypes: !span.markers.contains(.stringValuedTags), into: &tallies)
            if resourceFindings[span.resource] == nil {
                var found = LintTallies()
                check(table.resourceAttributes(of: span), of: span, checkTypes: true, into: &found)
                resourceFindings[span.resource] = found.all.map { ($0.rule, $0.subject, $0.details) }
            }
            for (rule, subject, details) in resourceFindings[span.resource] ?? [] {
                tallies[rule, subject, details].note(span, in: table)
            }
            checkRequired(span, into: &tallies)
        }
    }

    private mutating func check(_ attributes: ArraySlice<Attribute>, of span: Span, checkTypes: Bool,
                                into tallies: inout LintTallies) {
        for a in attributes {
            let key = table.strings[a.key]
            switch verdict(a.key) {
            case .fine, .ignored:
                break
            case .conventional(let type):
                if checkTypes, let actual = Self.mismatch(a, expected: type) {
                    tallies[.attributeType, "\(key) (\(actual))", [key, type.rawValue, actual]].note(span, in: table)
                }
            case .deprecated(let attribute):
                tallies[.deprecatedAttribute, key, [attribute.replacement ?? ""]].note(span, in: table)
                if checkTypes, let actual = Self.mismatch(a, expected: attribute.type) {
                    tallies[.attributeType, "\(key) (\(actual))", [key, attribute.type.rawValue, actual]].note(span, in: table)
                }
            case .lookalike(let suggestion):
                tallies[.nonConventionalAttribute, key, [suggestion]].note(span, in: table)
            }
        }
    }

    /// The value's type when the conventions want another (an int where a double is wanted is
    /// fine), else nil.
    static func mismatch(_ a: Attribute, expected: SemanticAttributeType) -> String? {
        let actual: String
        switch a.tag {
        case .string: actual = "string"
        case .bool: actual = "boolean"
        case .int, .smallInt: actual = "int"
        case .double: actual = "double"
        case .array: actual = "array"
        case .bytes, .keyValueList: return nil
        }
        switch expected {
        case .any: return nil
        case .string: return actual == "string" ? nil : actual
        case .int: return actual == "int" ? nil : actual
        case .double: return actual == "double" || actual == "int" ? nil : actual
        case .boolean: return actual == "boolean" ? nil : actual
        case .stringArray, .intArray, .doubleArray, .booleanArray: return actual == "array" ? nil : actual
        }
    }

    /// HTTP server spans need a method and `http.route`; HTTP client spans a method; database
    /// client spans `db.system.name` (or the older `db.system`).
    private func checkRequired(_ span: Span, into tallies: inout LintTallies) {
        guard span.kind == .server || span.kind == .client else { return }
        var http = false, db = false
        for a in table.attributes(of: span) {
            let key = table.strings[a.key]
            if key.hasPrefix("http.") || key.hasPrefix("url.") { http = true }
            if key.hasPrefix("db.") { db = true }
        }
        func has(_ keys: String...) -> Bool {
            keys.contains { k in table.strings.lookup(k).map { table.attribute($0, in: span.attributes) != nil } ?? false }
        }
        let service = LintTally.service(of: span, in: table)
        func missing(_ what: String, _ attribute: String) {
            tallies[.missingRequiredAttribute, "\(service): \(what) without \(attribute)", [what, attribute]].note(span, in: table)
        }
        if span.kind == .server, http {
            if !has("http.request.method", "http.method") { missing("HTTP server spans", "http.request.method") }
            if !has("http.route") { missing("HTTP server spans", "http.route") }
        }
        if span.kind == .client, http, !db, !has("http.request.method", "http.method") {
            missing("HTTP client spans", "http.request.method")
        }
        if span.kind == .client, db, !has("db.system.name", "db.system") { missing("database client spans", "db.system.name") }
    }

    static func finding(_ t: LintTally) -> LintFinding {
        let spans = SpanLabel.count(t.count, "span")
        let services = t.services.joined(separator: ", ")
        switch t.rule {
        case .deprecatedAttribute:
            let replacement = t.details.first ?? ""
            let use = replacement.isEmpty ? "the conventions name no direct replacement" : "use \(replacement)"
            return t.finding("\(t.subject) is deprecated in the semantic conventions (\(SemanticConventions.version)): "
                + "\(use). On \(spans) of \(services).")
        case .nonConventionalAttribute:
            return t.finding("\(t.subject) is not a semantic convention but looks like \(t.details[0]). On \(spans) of "
                + "\(services).")
        case .attributeType:
            return t.finding("\(t.details[0]) holds a\(t.details[2] == "int" || t.details[2] == "array" ? "n" : "") "
                + "\(t.details[2]); the conventions make it \(t.details[1]). On \(spans) of \(services).")
        default:
            return t.finding("\(t.subject): \(spans) (\(t.details[0]) need \(t.details[1]) to be grouped and searched).")
        }
    }
}
