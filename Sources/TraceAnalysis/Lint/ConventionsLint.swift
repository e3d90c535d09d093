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
    private var verdicts = IntegerKeyMap<Verdict>()
    /// The registry's attributes the verdicts refer to.
    private var attributes: [SemanticAttribute] = []
    /// The lookalikes' names and suggestions the verdicts refer to.
    private var lookalikes: [(name: String, suggestion: String)] = []
    /// What this table's spans showed, by key, turned into tallies by `flush`.
    private var local = IntegerKeyMap<LocalTally>()
    /// Per resource, the keys of its attributes' findings, noted for each of its spans.
    private var resourceKeys: [[LocalKey]?]

    /// A finding about a key, in this table's string ids (packed into a map key by `packed`).
    enum LocalKey: Hashable {
        case deprecated(StringID)
        case lookalike(StringID)
        /// The key, and the value's type (`AttributeTag` raw value).
        case type(StringID, UInt8)
        /// The service, and which attribute is missing (`RequiredCheck` raw value).
        case missing(StringID, UInt8)
    }

    /// The kind in bits 60-63, the second value in bits 32-39, the string id below.
    static func packed(_ key: LocalKey) -> UInt64 {
        switch key {
        case .deprecated(let id): 1 << 60 | id.mapKey
        case .lookalike(let id): 2 << 60 | id.mapKey
        case .type(let id, let tag): 3 << 60 | UInt64(tag) << 32 | id.mapKey
        case .missing(let id, let which): 4 << 60 | UInt64(which) << 32 | id.mapKey
        }
    }

    static func unpacked(_ key: UInt64) -> LocalKey {
        let id = StringID(UInt32(truncatingIfNeeded: key)), second = UInt8(truncatingIfNeeded: key >> 32)
        switch key >> 60 {
        case 1: return .deprecated(id)
        case 2: return .lookalike(id)
        case 3: return .type(id, second)
        default: return .missing(id, second)
        }
    }

    /// The required-attribute checks, in the order of `missing`'s second value.
    static let requiredChecks: [(what: String, attribute: String)] = [
        ("HTTP server spans", "http.request.method"), ("HTTP server spans", "http.route"),
        ("HTTP client spans", "http.request.method"), ("database client spans", "db.system.name"),
    ]
    /// Per key: whether it names an HTTP (`http.*`, `url.*`) or database (`db.*`) attribute.
    private var families = IntegerKeyMap<Family>()
    /// The ids of the keys the required-attribute check looks for (nil: not in this table).
    private let required: [String: StringID]

    init(table: SpanTable) {
        self.table = table
        var required: [String: StringID] = [:]
        for key in ["http.request.method", "http.method", "http.route", "db.system.name", "db.system"] {
            if let id = table.strings.lookup(key) { required[key] = id }
        }
        self.required = required
        resourceKeys = Array(repeating: nil, count: table.resources.count)
    }

    struct Family: OptionSet {
        let rawValue: UInt8
        static let http = Family(rawValue: 1)
        static let db = Family(rawValue: 2)
    }

    /// What a key is: fine, not the instrumentation's, a convention of a type, a deprecated
    /// attribute (an index into `attributes`) or a lookalike (an index into `lookalikes`).
    enum Verdict {
        case fine
        case ignored
        case conventional(SemanticAttributeType)
        case deprecated(Int)
        case lookalike(Int)
    }

    /// Keys formats and exporters write themselves.
    static let formatKeys: Set<String> = [
        "internal.span.format", "span.kind", "error", "sampler.type", "sampler.param", "jaeger.version", "hostname",
        "ip", "client-uuid", "component",
    ]

    mutating func verdict(_ key: StringID) -> Verdict {
        if let known = verdicts[key.mapKey] { return known }
        let name = table.strings[key]
        let verdict: Verdict
        if name.hasPrefix("otel.") || Self.formatKeys.contains(name) {
            verdict = .ignored
        } else if let attribute = SemanticConventions.attribute(name) {
            if attribute.isDeprecated && !Self.movedElsewhere(attribute) {
                attributes.append(attribute)
                verdict = .deprecated(attributes.count - 1)
            } else {
                verdict = attribute.isTemplate ? .fine : .conventional(attribute.type)
            }
        } else if let suggestion = ConventionLookalike.suggestion(for: name) {
            lookalikes.append((name, suggestion))
            verdict = .lookalike(lookalikes.count - 1)
        } else {
            verdict = .fine
        }
        verdicts[key.mapKey, default: verdict] = verdict
        return verdict
    }

    /// An attribute the registry marks deprecated only because another registry now holds it
    /// (`gen_ai.*`, `mcp.*`, `openai.*` moved to the GenAI conventions): still current there.
    static func movedElsewhere(_ attribute: SemanticAttribute) -> Bool {
        attribute.replacement == nil && attribute.deprecationNote?.hasPrefix("Moved to ") == true
    }

    mutating func observe(_ c: LintTraceContext) {
        var found: [LocalKey] = []
        for span in c.trace.spans {
            found.removeAll(keepingCapacity: true)
            check(table.attributes(of: span), checkTypes: !span.markers.contains(.stringValuedTags), into: &found)
            let resource = Int(span.resource)
            if resourceKeys[resource] == nil {
                var keys: [LocalKey] = []
                check(table.resourceAttributes(of: span), checkTypes: true, into: &keys)
                resourceKeys[resource] = keys
            }
            if let keys = resourceKeys[resource], !keys.isEmpty { found += keys }
            checkRequired(span, into: &found)
            guard !found.isEmpty else { continue }
            let service = table.serviceID(of: span)
            for key in found { local[Self.packed(key), default: LocalTally()].note(span, service: service) }
        }
    }

    private mutating func check(_ attributes: ArraySlice<Attribute>, checkTypes: Bool, into found: inout [LocalKey]) {
        for a in attributes {
            switch verdict(a.key) {
            case .fine, .ignored:
                break
            case .conventional(let type):
                if checkTypes, Self.mismatch(a, expected: type) != nil { found.append(.type(a.key, a.tag.rawValue)) }
            case .deprecated(let index):
                found.append(.deprecated(a.key))
                if checkTypes, Self.mismatch(a, expected: self.attributes[index].type) != nil {
                    found.append(.type(a.key, a.tag.rawValue))
                }
            case .lookalike:
                found.append(.lookalike(a.key))
            }
        }
    }

    /// Turns what this table showed into tallies, by name.
    mutating func flush(into tallies: inout LintTallies) {
        for (packed, counted) in local.entries {
            switch Self.unpacked(packed) {
            case .deprecated(let id):
                guard case .deprecated(let index) = verdict(id) else { continue }
                let attribute = attributes[index]
                tallies[.deprecatedAttribute, attribute.name, [attribute.replacement ?? "", attribute.deprecationNote ?? ""]]
                    .merge(counted, in: table)
            case .lookalike(let id):
                guard case .lookalike(let index) = verdict(id) else { continue }
                let (name, suggestion) = lookalikes[index]
                tallies[.nonConventionalAttribute, name, [suggestion]].merge(counted, in: table)
            case .type(let id, let tag):
                let name = table.strings[id]
                let expected: SemanticAttributeType
                switch verdict(id) {
                case .conventional(let type): expected = type
                case .deprecated(let index): expected = attributes[index].type
                default: continue
                }
                guard let tag = AttributeTag(rawValue: tag),
                      let actual = Self.mismatch(Attribute(key: id, tag: tag, payload: 0), expected: expected) else { continue }
                tallies[.attributeType, "\(name) (\(actual))", [name, expected.rawValue, actual]].merge(counted, in: table)
            case .missing(let service, let which):
                let (what, attribute) = Self.requiredChecks[Int(which)]
                let serviceName = table.strings[service].isEmpty ? "(no service)" : table.strings[service]
                tallies[.missingRequiredAttribute, "\(serviceName): \(what) without \(attribute)", [what, attribute]]
                    .merge(counted, in: table)
            }
        }
        local = IntegerKeyMap()
    }

    /// Whether a key names an HTTP or a database attribute, judged once per key.
    private mutating func family(_ key: StringID) -> Family {
        if let known = families[key.mapKey] { return known }
        let name = table.strings[key]
        var family: Family = []
        if name.hasPrefix("http.") || name.hasPrefix("url.") { family.insert(.http) }
        if name.hasPrefix("db.") { family.insert(.db) }
        families[key.mapKey, default: family] = family
        return family
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
    private mutating func checkRequired(_ span: Span, into found: inout [LocalKey]) {
        guard span.kind == .server || span.kind == .client else { return }
        var family: Family = []
        for a in table.attributes(of: span) { family.formUnion(self.family(a.key)) }
        let http = family.contains(.http), db = family.contains(.db)
        guard http || db else { return }
        let table = self.table, required = self.required
        func has(_ keys: String...) -> Bool {
            keys.contains { k in required[k].map { table.attribute($0, in: span.attributes) != nil } ?? false }
        }
        let service = table.serviceID(of: span)
        if span.kind == .server, http {
            if !has("http.request.method", "http.method") { found.append(.missing(service, 0)) }
            if !has("http.route") { found.append(.missing(service, 1)) }
        }
        if span.kind == .client, http, !db, !has("http.request.method", "http.method") { found.append(.missing(service, 2)) }
        if span.kind == .client, db, !has("db.system.name", "db.system") { found.append(.missing(service, 3)) }
    }

    static func finding(_ t: LintTally) -> LintFinding {
        let spans = SpanLabel.count(t.count, "span")
        let services = t.services.joined(separator: ", ")
        switch t.rule {
        case .deprecatedAttribute:
            let replacement = t.details.first ?? ""
            let note = t.details.count > 1 ? t.details[1] : ""
            let use = !replacement.isEmpty ? "use \(replacement)"
                : note.isEmpty ? "the conventions name no direct replacement"
                : "no direct replacement; the conventions say: \(note.hasSuffix(".") ? String(note.dropLast()) : note)"
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
