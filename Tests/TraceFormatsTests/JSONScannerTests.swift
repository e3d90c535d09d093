import Testing
@testable import TraceFormats

/// Runs a body over a scanner for some JSON text.
private func scan<R>(_ text: String, _ body: (inout JSONScanner) throws(JSONError) -> R) throws(JSONError) -> R {
    let bytes = Array(text.utf8)
    let result: Result<R, JSONError> = bytes.withUnsafeBufferPointer { buffer in
        var s = JSONScanner(buffer)
        do throws(JSONError) { return .success(try body(&s)) } catch { return .failure(error) }
    }
    return try result.get()
}

private func error(_ text: String, _ body: (inout JSONScanner) throws(JSONError) -> Void) -> JSONError? {
    do {
        try scan(text, body)
        return nil
    } catch {
        return error
    }
}

@Suite struct JSONScannerTests {
    // MARK: - Strings

    @Test func readsPlainStringsWithoutCopying() throws {
        let (text, escapes) = try scan(#"  "checkout service""#) { s throws(JSONError) in
            let str = try s.readString()!
            return (try s.text(of: str), str.hasEscapes)
        }
        #expect(text == "checkout service")
        #expect(!escapes)
    }

    @Test func unescapesEveryEscapeKind() throws {
        let text = try scan(#""a\"b\\c\/d\b\f\n\r\t \u00e9 \u20AC \ud83d\ude00 \ud800x""#) { s throws(JSONError) in
            try s.text(of: try s.readString()!)
        }
        #expect(text == "a\"b\\c/d\u{8}\u{c}\n\r\t é € 😀 \u{FFFD}x")
    }

    @Test func longStringsAreScannedAcrossWordBoundaries() throws {
        for length in 0..<40 {
            let body = String(repeating: "x", count: length)
            for (insert, expected) in [("", body), ("\\n", body + "\n")] {
                let got = try scan("\"\(body)\(insert)\" ") { s throws(JSONError) in try s.text(of: try s.readString()!) }
                #expect(got == expected)
            }
        }
    }

    @Test func stringErrorsCarryTheirOffset() {
        #expect(error(#""abc"#) { s throws(JSONError) in _ = try s.readString() }?.problem == .unexpectedEnd)
        let control = error("\"ab\ncd\"") { s throws(JSONError) in _ = try s.readString() }
        #expect(control?.problem == .controlCharacterInString)
        #expect(control?.offset == 3)
        let escape = error(#""ab\qc""#) { s throws(JSONError) in _ = try s.bytes(of: try s.readString()!) }
        #expect(escape?.problem == .badEscape)
        #expect(escape?.offset == 3)
        #expect(error(#""\u12""#) { s throws(JSONError) in _ = try s.bytes(of: try s.readString()!) }?.problem == .badEscape)
    }

    // MARK: - Numbers

    @Test func readsInt64FromNumbersAndStrings() throws {
        let cases: [(String, Int64?)] = [
            ("0", 0), ("-7", -7), ("\"1544712660000000000\"", 1_544_712_660_000_000_000),
            ("9223372036854775807", .max), ("-9223372036854775808", .min), ("9223372036854775808", nil),
            ("\"-12\"", -12), ("1.5e3", 1500), ("1.5", nil), ("\"12a\"", nil), ("true", nil), ("null", nil),
            ("123456789012345678", 123_456_789_012_345_678),
        ]
        for (text, expected) in cases {
            #expect(try scan(text) { s throws(JSONError) in try s.readInt64() } == expected, "\(text)")
        }
    }

    @Test func readsDoublesExactlyAndLocaleFree() throws {
        let cases: [(String, Double)] = [
            ("0", 0), ("-0.5", -0.5), ("72.5", 72.5), ("1e22", 1e22), ("1e23", 1e23), ("0.1", 0.1),
            ("2.2250738585072014e-308", 2.2250738585072014e-308), ("123456789012345678901234567890", 1.2345678901234568e29),
            ("3.141592653589793238462643383279", 3.141592653589793), ("\"2.5\"", 2.5), ("1E-7", 1e-7),
            ("\"Infinity\"", .infinity), ("\"-Infinity\"", -.infinity), ("9007199254740993", 9007199254740992),
        ]
        for (text, expected) in cases {
            #expect(try scan(text) { s throws(JSONError) in try s.readDouble() } == expected, "\(text)")
        }
        #expect(try scan("\"NaN\"") { s throws(JSONError) in try s.readDouble() }?.isNaN == true)
    }

    @Test func rejectsMalformedNumbers() {
        for text in ["-", "1.", "1e", "1e+", "-a"] {
            #expect(error(text) { s throws(JSONError) in _ = try s.readRaw() }?.problem == .badNumber, "\(text)")
        }
        #expect(error(".5") { s throws(JSONError) in _ = try s.readRaw() }?.problem
                == .unexpected(UInt8(ascii: "."), expected: "a JSON value"))
    }

    @Test func valuesOfAnotherTypeAreSkippedAndCounted() throws {
        let (value, mismatches, first) = try scan(#"  {"a": [1, 2]}"#) { s throws(JSONError) in
            (try s.readInt64(), s.mismatches, s.firstMismatch)
        }
        #expect(value == nil)
        #expect(mismatches == 1)
        #expect(first == 2)
        #expect(try scan("null") { s throws(JSONError) in _ = try s.readString(); return s.mismatches } == 0)
    }

    // MARK: - Structure

    @Test func walksObjectsAndArrays() throws {
        let keys = try scan(#"{"a": 1, "b": [true, false, null], "c": {"d": "e"}}"#) { s throws(JSONError) in
            var keys: [String] = []
            _ = try s.beginObject()
            var first = true
            while let k = try s.nextKey(&first) {
                keys.append(try s.text(of: k))
                try s.skipValue()
            }
            return keys
        }
        #expect(keys == ["a", "b", "c"])
    }

    @Test func trailingCommasAndMissingColonsAreErrors() {
        let trailing = error(#"{"a":1,}"#) { s throws(JSONError) in try s.skipValue() }
        #expect(trailing?.problem == .unexpected(UInt8(ascii: "}"), expected: "a member name"))
        #expect(trailing?.offset == 7)
        #expect(error("[1,]") { s throws(JSONError) in try s.skipValue() } != nil)
        #expect(error(#"{"a" 1}"#) { s throws(JSONError) in try s.skipValue() }?.offset == 5)
        #expect(error("[1 2]") { s throws(JSONError) in try s.skipValue() }?.offset == 3)
        #expect(error("[}") { s throws(JSONError) in try s.skipValue() } != nil)
        #expect(error("{]") { s throws(JSONError) in try s.skipValue() } != nil)
        #expect(error("tru") { s throws(JSONError) in try s.skipValue() }?.problem == .unexpectedEnd)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(error(deep) { s throws(JSONError) in try s.skipValue() }?.problem == .tooDeep)
        let fine = String(repeating: "[{\"a\":", count: 200) + "1" + String(repeating: "}]", count: 200)
        #expect(error(fine) { s throws(JSONError) in try s.skipValue() } == nil)
    }

    @Test func rawValuesKeepTheirTokens() throws {
        let kinds = try scan(#"["x", 12, 1.5, true, null, {"a": []}]"#) { s throws(JSONError) in
            _ = try s.beginArray()
            var out: [String] = []
            var first = true
            while try s.nextElement(&first) {
                switch try s.readRaw() {
                case .string: out.append("string")
                case .number(_, _, let integral): out.append(integral ? "int" : "number")
                case .bool: out.append("bool")
                case .null: out.append("null")
                case .compound(let a, let b): out.append("compound \(b - a)")
                }
            }
            return out
        }
        #expect(kinds == ["string", "int", "number", "bool", "null", "compound 9"])
    }
}

@Suite struct KeyTableTests {
    enum Name: String, CaseIterable, Sendable {
        case a, id, key, name, spanId, traceId, traceID, startTimeUnixNano, droppedAttributesCount, instrumentationLibrarySpans
    }

    private func lookup(_ key: String) -> Name? {
        Array(key.utf8).withUnsafeBufferPointer { KeyTable<Name>().lookup($0) }
    }

    @Test func findsCamelAndSnakeCaseNamesOfAnyLength() {
        for name in Name.allCases { #expect(lookup(name.rawValue) == name, "\(name)") }
        #expect(lookup("start_time_unix_nano") == .startTimeUnixNano)
        #expect(lookup("dropped_attributes_count") == .droppedAttributesCount)
        #expect(lookup("trace_id") == .traceId)
        #expect(lookup("instrumentation_library_spans") == .instrumentationLibrarySpans)
        for unknown in ["", "ids", "Name", "startTimeUnixNanO", "startTimeUnixMano", "droppedAttributesCountX",
                        "droppedAttributezCount", "trace-id", "spanID"] {
            #expect(lookup(unknown) == nil, "\(unknown)")
        }
    }
}
