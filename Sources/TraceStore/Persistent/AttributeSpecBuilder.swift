import GRDB
import TraceQuery

/// Resolves a spanset's attribute equalities to an `AttributeMatchSpec`: keys and string
/// literals to dictionary ids, numbers to the numeric strings that equal them, booleans to the
/// spellings of "true" and "false" the store holds.
struct AttributeSpecBuilder {
    let db: Database
    let strings: StringResolver

    init(_ db: Database, strings: StringResolver) {
        self.db = db
        self.strings = strings
    }

    /// The spec; nil when some condition can hold on no span of the store (its keys or values
    /// are not stored). Conditions the spec cannot express are left out (possibly all of them):
    /// `resource.` ones and TraceQL's other scopes (events, links, parents ...), unscoped ones
    /// whose key some resource has (a span without the key takes its resource's value), and
    /// values of other types. An array value passes (its elements are left to the evaluator).
    func spec(_ conditions: [StoredAttributeCondition]) throws -> AttributeMatchSpec? {
        var spec = AttributeMatchSpec(conditions: [])
        for condition in conditions where condition.scope == .span || condition.scope == .any {
            let names = AttributeAliases.keys(for: condition.key)
            let keys = try names.compactMap { try strings.id(for: $0) }.filter { $0 != 0 }
            // No span and no resource has the key: the condition never holds.
            if keys.isEmpty { return nil }
            if condition.scope == .any, try anyResourceHas(keys) { continue }
            var alternatives: [AttributeMatchSpec.Alternative] = []
            var pushable = true
            if condition.op.isTextual {
                guard let alternative = try textAlternative(condition) else { continue }
                spec.conditions.append(.init(keys: keys, alternatives: [alternative]))
                continue
            }
            for value in condition.values {
                guard let alternative = try alternative(value) else { pushable = false; break }
                if alternative != AttributeMatchSpec.Alternative() { alternatives.append(alternative) }
            }
            guard pushable else { continue }
            if alternatives.isEmpty { return nil }
            spec.conditions.append(.init(keys: keys, alternatives: alternatives))
        }
        return spec
    }

    /// What an attribute value equal to `value` can look like in a block; nil for a value the
    /// spec cannot express.
    private func alternative(_ value: QueryValue) throws -> AttributeMatchSpec.Alternative? {
        var a = AttributeMatchSpec.Alternative()
        switch value {
        case .string(let s):
            if let id = try strings.id(for: s) { a.stringIDs = [id] }
            if s.utf8.count >= StoredValueTag.inlineThreshold { a.inline = Array(s.utf8) }
            a.number = Array(s.utf8).withUnsafeBufferPointer { NumericText.value($0) }
            switch s.lowercased() {
            case "true": a.bool = true
            case "false": a.bool = false
            default: break
            }
        case .integer(let i):
            try numeric(Double(i), into: &a)
        case .float(let d):
            try numeric(d, into: &a)
        case .boolean(let b):
            a.bool = b
            a.stringIDs = Set(try Self.spellings(b ? "true" : "false").compactMap { try strings.id(for: $0) })
        default:
            return nil
        }
        return a
    }

    /// Dictionary strings are few next to spans (long values are inline): test each one once.
    /// Past this many, textual conditions are left to the evaluator.
    static let textScanLimit = 2_000_000

    /// The alternative of `=~ !~ contains`: the dictionary strings that pass, and the test for
    /// inline strings. Nil when the condition cannot be pushed down.
    private func textAlternative(_ condition: StoredAttributeCondition) throws -> AttributeMatchSpec.Alternative? {
        guard condition.values.count == 1, case .string(let literal) = condition.values[0],
              let text = AttributeMatchSpec.TextTest(op: condition.op, literal: literal),
              try Int.fetchOne(db, sql: "SELECT count(*) FROM strings") ?? 0 <= Self.textScanLimit
        else { return nil }
        var a = AttributeMatchSpec.Alternative()
        a.text = text
        let scan = try RawStatement(db, "SELECT id, value FROM strings")
        defer { scan.reset() }
        while try scan.step() {
            if text.passes(UnsafeRawBufferPointer(scan.text(1))) { a.stringIDs.insert(scan.int64(0)) }
        }
        return a
    }

    private func numeric(_ number: Double, into a: inout AttributeMatchSpec.Alternative) throws {
        a.number = number
        a.numericInline = true
        a.stringIDs = Set(try Int64.fetchAll(db, sql: "SELECT id FROM strings WHERE number = ?", arguments: [number]))
    }

    /// Every upper/lower-case spelling of a word ("true", "True", "tRUE" ...).
    static func spellings(_ word: String) -> [String] {
        var out = [""]
        for c in word {
            out = out.flatMap { [$0 + c.lowercased(), $0 + c.uppercased()] }
        }
        return Array(Set(out)).sorted()
    }

    /// Whether some stored resource has an attribute under one of the keys. O(resources).
    private func anyResourceHas(_ keys: [Int64]) throws -> Bool {
        let scan = try RawStatement(db, "SELECT attributes FROM resources")
        defer { scan.reset() }
        while try scan.step() {
            guard let block = scan.blob(0) else { continue }
            if keys.contains(where: { AttributeBlockScan.find($0, in: block) != nil }) { return true }
        }
        return false
    }
}
