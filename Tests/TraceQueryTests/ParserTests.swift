import Testing
@testable import TraceQuery

/// Grammar rules through the shape of the checked tree (`SExpression`), node ranges, and the
/// parser's limits. The error paths with their exact ranges are in the corpus.
@Suite struct ParserTests {
    func shape(_ text: String) -> String { SExpression.of(text) }

    // MARK: - Precedence: NOT > structural > AND > OR

    @Test func andBindsTighterThanOr() {
        #expect(shape("a = 1 OR b = 2 AND c = 3") == "(or (= a 1) (and (= b 2) (= c 3)))")
        #expect(shape("a = 1 AND b = 2 OR c = 3") == "(or (and (= a 1) (= b 2)) (= c 3))")
        #expect(shape("a = 1 || b = 2 && c = 3") == "(or (= a 1) (and (= b 2) (= c 3)))")
    }

    @Test func notBindsTighterThanAnd() {
        #expect(shape("NOT a = 1 AND b = 2") == "(and (not (= a 1)) (= b 2))")
        #expect(shape("!a AND b") == "(and (not (exists a)) (exists b))")
        #expect(shape("NOT NOT a = 1") == "(not (not (= a 1)))")
        #expect(shape("NOT (a = 1 OR b = 2)") == "(not (or (= a 1) (= b 2)))")
    }

    @Test func parenthesesOverridePrecedence() {
        #expect(shape("(a = 1 OR b = 2) AND c = 3") == "(and (or (= a 1) (= b 2)) (= c 3))")
        #expect(shape("((((a = 1))))") == "(= a 1)")
    }

    @Test func chainsFlatten() {
        #expect(shape("a = 1 AND b = 2 AND c = 3 AND d = 4") == "(and (= a 1) (= b 2) (= c 3) (= d 4))")
        #expect(shape("a = 1 AND (b = 2 AND c = 3)") == "(and (= a 1) (= b 2) (= c 3))")
        #expect(shape("a = 1 OR (b = 2 OR c = 3) OR d = 4") == "(or (= a 1) (= b 2) (= c 3) (= d 4))")
    }

    @Test func spansetOperatorsAreLeftAssociative() {
        #expect(shape("{ a } >> { b } >> { c }") == "(>> {(>> {(= a true)} {(= b true)})} {(= c true)})")
        #expect(shape("{ a } && { b } && { c }") == "(&& {(&& {(= a true)} {(= b true)})} {(= c true)})")
    }

    @Test func structuralBindsTighterThanAndAndOr() {
        #expect(shape("{ a } && { b } > { c }") == "(&& {(= a true)} {(> {(= b true)} {(= c true)})})")
        // With braces, TraceQL: && and || share one precedence, left to right.
        #expect(shape("{ a } || { b } && { c }") == "(&& {(|| {(= a true)} {(= b true)})} {(= c true)})")
        #expect(shape("{ a } ~ { b } || { c } << { d }")
                == "(|| {(~ {(= a true)} {(= b true)})} {(<< {(= c true)} {(= d true)})})")
    }

    // MARK: - Primaries and conditions

    @Test func everyComparisonOperator() {
        for op in ["=", "!=", "<", "<=", ">", ">=", "=~", "!~"] {
            #expect(shape("name \(op) \"x\"") == "(\(op) name \"x\")")
        }
        #expect(shape("name contains \"x\"") == "(contains name \"x\")")
        #expect(shape("name == \"x\"") == "(= name \"x\")")
    }

    @Test func literalFirstIsSwapped() {
        #expect(shape("5s < duration") == "(> duration 5s)")
        #expect(shape("5s <= duration") == "(>= duration 5s)")
        #expect(shape("5s > duration") == "(< duration 5s)")
        #expect(shape("5s >= duration") == "(<= duration 5s)")
        #expect(shape("\"x\" != name") == "(!= name \"x\")")
        #expect(shape("400 <= http.status_code") == "(>= http.status_code 400)")
    }

    @Test func membership() {
        #expect(shape("kind IN (server, client)") == "(in kind SERVER CLIENT)")
        #expect(shape("a in (1)") == "(in a 1)")
        #expect(shape("a NOT IN (1, \"x\", true, 2.5)") == "(not (in a 1 \"x\" true 2.5))")
    }

    @Test func existence() {
        #expect(shape("exists(a.b)") == "(exists a.b)")
        #expect(shape("a.b") == "(exists a.b)")
        #expect(shape("EXISTS(span.x)") == "(exists span.x)")
        #expect(shape("root") == "(= root true)")
    }

    @Test func constantsAndEmptyBraces() {
        #expect(shape("true") == "true")
        #expect(shape("false OR a") == "(or false (exists a))")
        #expect(shape("{}") == "true")
        #expect(shape("{ } && { a }") == "(&& {true} {(= a true)})")
    }

    @Test func bracesAroundAPredicate() {
        #expect(shape("{ a = 1 AND b = 2 }") == "(and (= a 1) (= b 2))")
        #expect(shape("({ a = 1 })") == "(= a 1)")
    }

    // MARK: - Ranges

    @Test func nodeRangesCoverTheirText() throws {
        let q = try Query.parse("duration > 5s AND NOT (service = \"a\")")
        guard case .filter(let p) = q.root.kind, case .and(let parts) = p.kind else {
            Issue.record("unexpected shape"); return
        }
        #expect(p.range == SourceRange(0, 37))
        guard case .comparison(let c) = parts[0].kind else { Issue.record("not a comparison"); return }
        #expect(c.range == SourceRange(0, 13))
        #expect(c.field.range == SourceRange(0, 8))
        #expect(c.value.range == SourceRange(11, 13))
        #expect(parts[1].range == SourceRange(18, 37))
    }

    @Test func spansetRanges() throws {
        let q = try Query.parse("{ a } >> { b = 1 }")
        #expect(q.root.range == SourceRange(0, 18))
        guard case .combine(_, let l, let r) = q.root.kind else { Issue.record("not combined"); return }
        #expect(l.range == SourceRange(0, 5))
        #expect(r.range == SourceRange(9, 18))
    }

    // MARK: - Limits

    @Test func emptyQueries() {
        for text in ["", "   ", "\n\t"] {
            let d = diagnostic(text)
            #expect(d?.message.hasPrefix("empty query") == true)
            #expect(d?.range == .at(text.count))
        }
    }

    @Test func nestingIsCapped() {
        let deep = String(repeating: "(", count: 500) + "a" + String(repeating: ")", count: 500)
        #expect(diagnostic(deep)?.message.contains("nests deeper") == true)
        let nots = String(repeating: "NOT ", count: 500) + "a"
        #expect(diagnostic(nots)?.message.contains("nests deeper") == true)
        let fine = String(repeating: "(", count: 40) + "a" + String(repeating: ")", count: 40)
        #expect(parse(fine) != nil)
    }

    @Test func longFlatChainsAreFine() {
        let chain = (0..<2_000).map { "a\($0) = \($0)" }.joined(separator: " AND ")
        #expect(parse(chain) != nil)
    }

    @Test func loopProgressDetectsAStall() {
        var progress = LoopProgress()
        let steps = [0, 1, 5].map { progress.advanced(to: $0) }
        #expect(steps == [true, true, true])
    }
}

extension ParserTests {
    @Test func spansetChainsAreCapped() {
        let ok = (0..<50).map { "{ a\($0) }" }.joined(separator: " && ")
        #expect(parse(ok) != nil)
        let long = (0..<150).map { "{ a\($0) }" }.joined(separator: " || ")
        #expect(diagnostic(long)?.message.contains("more than 100 spansets") == true)
        let structural = (0..<150).map { "{ a\($0) }" }.joined(separator: " >> ")
        #expect(diagnostic(structural)?.message.contains("nests deeper") == true)
    }
}
