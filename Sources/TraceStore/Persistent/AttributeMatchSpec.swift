import TraceQuery

/// Attribute conditions resolved to store ids and encoded for `trex_chunk_match`, the SQL
/// function that tests a chunk's attribute blocks inside SQLite without decoding any string.
///
/// A span satisfies the spec when it satisfies every condition; a condition looks at the
/// span's *first* entry under its first key present (the renamed OpenTelemetry spelling
/// second), as `SpanTable.attribute` does, and holds when the value passes one of its
/// alternatives:
///
/// - `stringIDs`: a dictionary string with one of these ids;
/// - `number`: an integer or double equal to it (compared as doubles: never stricter than the
///   evaluator, which compares integers exactly), and with `numericInline`, an inline string
///   that reads as that number;
/// - `inline`: an inline string with exactly these bytes;
/// - `bool`: a boolean with this value;
/// - `text`: for `=~ !~ contains`, an inline string passing the test (dictionary strings that
///   pass are resolved beforehand into `stringIDs`), or any number or boolean (the evaluator
///   tests their text; the spec does not bother).
///
/// Blob layout: varint condition count; per condition varint key count, the key ids, varint
/// alternative count; per alternative a flag byte (bit 0 ids, 1 number, 2 inline bytes,
/// 3 numeric inline, 4 bool, 5 the bool's value, 6 text test), then the parts the flags
/// announce (a text test: the operator's spelling and the literal, each length-prefixed).
struct AttributeMatchSpec: Equatable {
    struct Alternative: Equatable {
        var stringIDs = Set<Int64>()
        var number: Double?
        var numericInline = false
        var inline: [UInt8]?
        var bool: Bool?
        var text: TextTest?
    }

    /// `op literal` on an attribute's text, compiled once per decoded spec.
    struct TextTest: Equatable {
        var op: ComparisonOperator
        var literal: String
        private let test: (UnsafeRawBufferPointer) -> Bool
        /// Bytes every passing text contains (`RequiredText`): most texts fail without a regex.
        private let required: [UInt8]?

        /// Nil when the operator is not textual or the pattern does not compile.
        init?(op: ComparisonOperator, literal: String) {
            guard op.isTextual, let test = op.utf8TextTest(literal) else { return nil }
            self.op = op
            self.literal = literal
            self.test = test
            let kind: RequiredText.ComparisonOperatorKind = op == .contains ? .contains : op == .matches ? .matches : .other
            required = RequiredText.bytes(op: kind, literal: literal)
        }

        /// The test on UTF-8 text.
        func passes(_ utf8: UnsafeRawBufferPointer) -> Bool {
            if let required, !RequiredText.occurs(required, in: utf8) { return false }
            return test(utf8)
        }

        static func == (a: TextTest, b: TextTest) -> Bool { a.op == b.op && a.literal == b.literal }
    }

    struct Condition: Equatable {
        var keys: [Int64]
        var alternatives: [Alternative]
    }

    var conditions: [Condition] = []

    // MARK: - Encoding

    var blob: [UInt8] {
        var w = ByteWriter()
        w.varint(UInt64(conditions.count))
        for c in conditions {
            w.varint(UInt64(c.keys.count))
            for k in c.keys { w.varint(UInt64(bitPattern: k)) }
            w.varint(UInt64(c.alternatives.count))
            for a in c.alternatives {
                var flags: UInt8 = 0
                if !a.stringIDs.isEmpty { flags |= 1 }
                if a.number != nil { flags |= 2 }
                if a.inline != nil { flags |= 4 }
                if a.numericInline { flags |= 8 }
                if let b = a.bool { flags |= 16 | (b ? 32 : 0) }
                if a.text != nil { flags |= 64 }
                w.byte(flags)
                if !a.stringIDs.isEmpty {
                    w.varint(UInt64(a.stringIDs.count))
                    for id in a.stringIDs.sorted() { w.varint(UInt64(bitPattern: id)) }
                }
                if let n = a.number { w.fixed64(n.bitPattern) }
                if let bytes = a.inline {
                    w.varint(UInt64(bytes.count))
                    w.append(bytes)
                }
                if let text = a.text {
                    for part in [text.op.spelling, text.literal] {
                        w.varint(UInt64(part.utf8.count))
                        w.append(Array(part.utf8))
                    }
                }
            }
        }
        return w.bytes
    }

    /// Decodes `blob`; nil when malformed.
    init?(blob buffer: UnsafeRawBufferPointer) {
        var r = ByteReader(buffer)
        let count = Int(truncatingIfNeeded: r.varint())
        guard r.isValid, count >= 0, count <= 1_000 else { return nil }
        for _ in 0..<count {
            let keyCount = Int(truncatingIfNeeded: r.varint())
            guard r.isValid, keyCount >= 0, keyCount <= 16 else { return nil }
            var keys: [Int64] = []
            for _ in 0..<keyCount { keys.append(Int64(bitPattern: r.varint())) }
            let altCount = Int(truncatingIfNeeded: r.varint())
            guard r.isValid, altCount >= 0, altCount <= 10_000 else { return nil }
            var alternatives: [Alternative] = []
            for _ in 0..<altCount {
                let flags = r.byte()
                var a = Alternative()
                if flags & 1 != 0 {
                    let n = Int(truncatingIfNeeded: r.varint())
                    guard r.isValid, n >= 0, n <= 10_000_000 else { return nil }
                    for _ in 0..<n { a.stringIDs.insert(Int64(bitPattern: r.varint())) }
                }
                if flags & 2 != 0 { a.number = Double(bitPattern: r.fixed64()) }
                if flags & 4 != 0 { a.inline = r.bytes(r.take(Int(truncatingIfNeeded: r.varint()))) }
                a.numericInline = flags & 8 != 0
                if flags & 16 != 0 { a.bool = flags & 32 != 0 }
                if flags & 64 != 0 {
                    let op = String(decoding: r.bytes(r.take(Int(truncatingIfNeeded: r.varint()))), as: UTF8.self)
                    let literal = String(decoding: r.bytes(r.take(Int(truncatingIfNeeded: r.varint()))), as: UTF8.self)
                    guard r.isValid, let parsed = ComparisonOperator(rawValue: op),
                          let text = TextTest(op: parsed, literal: literal) else { return nil }
                    a.text = text
                }
                alternatives.append(a)
            }
            conditions.append(Condition(keys: keys, alternatives: alternatives))
        }
        guard r.isValid, r.isAtEnd else { return nil }
    }

    init(conditions: [Condition]) { self.conditions = conditions }

    // MARK: - Matching

    /// True when some span of a chunk's `attributes` blob (per span: varint length, block)
    /// satisfies every condition. O(blob bytes).
    func anySpanMatches(_ blob: UnsafeRawBufferPointer) -> Bool {
        var reader = ByteReader(blob)
        while !reader.isAtEnd {
            let block = reader.section()
            guard reader.isValid else { return false }
            if conditions.allSatisfy({ matches($0, block) }) { return true }
        }
        return false
    }

    private func matches(_ c: Condition, _ block: ByteReader) -> Bool {
        guard let blockBuffer = block.slice else { return false }
        for key in c.keys {
            guard let found = AttributeBlockScan.find(key, in: blockBuffer) else { continue }
            return c.alternatives.contains { passes(found, $0) }
        }
        return false
    }

    private func passes(_ value: AttributeBlockScan.Found, _ a: Alternative) -> Bool {
        switch value.tag {
        case .string:
            guard let id = value.stringID else { return false }
            return a.stringIDs.contains(id)
        case .int, .double:
            if a.text != nil { return true }
            guard let number = a.number, let v = value.double else { return false }
            return v == number
        case .true, .false:
            if a.text != nil { return true }
            guard let b = a.bool else { return false }
            return b == (value.tag == .true)
        case .inlineString:
            var r = value.payload
            let range = r.take(Int(truncatingIfNeeded: r.varint()))
            guard r.isValid else { return false }
            if let inline = a.inline, ByteReader(r.base, from: range.lowerBound, to: range.upperBound).sameBytes(as: inline) {
                return true
            }
            if a.numericInline, let number = a.number, let slice = r.slice(range) {
                let bytes = slice.assumingMemoryBound(to: UInt8.self)
                return NumericText.value(bytes) == number
            }
            if let text = a.text {
                return text.passes(r.slice(range) ?? UnsafeRawBufferPointer(start: nil, count: 0))
            }
            return false
        case .array:
            // `=` (and the textual tests) match inside an array when an element does: keep the
            // span as a candidate and let the query's own evaluation decide.
            return true
        default:
            return false
        }
    }
}
