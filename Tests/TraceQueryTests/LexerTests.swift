import Testing
import TraceModel
@testable import TraceQuery

@Suite struct LexerTests {
    func kinds(_ text: String) throws -> [TokenKind] {
        try Lexer.tokenize(text).map(\.kind)
    }

    @Test func namesKeepDotsDashesAndColons() throws {
        #expect(try kinds("http.status_code x-request-id span:duration .user.id _private k8s.pod.name")
                == [.name("http.status_code"), .name("x-request-id"), .name("span:duration"), .name(".user.id"),
                    .name("_private"), .name("k8s.pod.name"), .end])
    }

    @Test func keywordsInAnyCase() throws {
        #expect(try kinds("AND and And or NOT in IN contains EXISTS true FALSE")
                == [.keyword(.and), .keyword(.and), .keyword(.and), .keyword(.or), .keyword(.not), .keyword(.in),
                    .keyword(.in), .keyword(.contains), .keyword(.exists), .keyword(.true), .keyword(.false), .end])
        // A keyword is only ever a whole word.
        #expect(try kinds("android order.id") == [.name("android"), .name("order.id"), .end])
    }

    @Test func quotedNamesWithScopes() throws {
        #expect(try kinds("`odd key` span.`a b` resource.`c` .`d` `x\\`y\\\\z`")
                == [.quotedName(prefix: "", name: "odd key"), .quotedName(prefix: "span.", name: "a b"),
                    .quotedName(prefix: "resource.", name: "c"), .quotedName(prefix: ".", name: "d"),
                    .quotedName(prefix: "", name: "x`y\\z"), .end])
    }

    @Test func stringsDecodeEscapes() throws {
        #expect(try kinds(#""a\"b\\c\nd\te\rf\0g""#) == [.string("a\"b\\c\nd\te\rf\0g"), .end])
        #expect(try kinds(#""\u00e9\u{1F600}""#) == [.string("é😀"), .end])
        #expect(try kinds(#""""#) == [.string(""), .end])
        #expect(try kinds("\"multi\nline\"") == [.string("multi\nline"), .end])
    }

    @Test func numbers() throws {
        #expect(try kinds("0 42 -3 1.5 -0.25 .5 1e3 2.5E-2 1e+20")
                == [.integer(0), .integer(42), .integer(-3), .float(1.5), .float(-0.25), .float(0.5), .float(1000),
                    .float(0.025), .float(1e20), .end])
        #expect(try kinds("9223372036854775807 -9223372036854775808")
                == [.integer(.max), .integer(.min), .end])
    }

    @Test func durationsInEveryUnit() throws {
        #expect(try kinds("1ns 2us 3µs 4μs 5ms 6s 7m 8h")
                == [.duration(1), .duration(2_000), .duration(3_000), .duration(4_000), .duration(5_000_000),
                    .duration(6_000_000_000), .duration(420_000_000_000), .duration(28_800_000_000_000), .end])
    }

    @Test func fractionalAndCompoundDurations() throws {
        #expect(try kinds("1.5s 1m30s 1h2m3s4ms 0.5ms -2s 1e3ms 2.5us")
                == [.duration(1_500_000_000), .duration(90_000_000_000), .duration(3_723_004_000_000),
                    .duration(500_000), .duration(-2_000_000_000), .duration(1_000_000_000), .duration(2_500), .end])
    }

    @Test func symbols() throws {
        #expect(try kinds("= == != < <= > >= =~ !~ && || ! >> << ~ ( ) { } ,")
                == [.symbol(.equal), .symbol(.doubleEqual), .symbol(.notEqual), .symbol(.less), .symbol(.lessOrEqual),
                    .symbol(.greater), .symbol(.greaterOrEqual), .symbol(.regexMatch), .symbol(.regexNoMatch),
                    .symbol(.doubleAmpersand), .symbol(.doubleBar), .symbol(.bang), .symbol(.doubleGreater),
                    .symbol(.doubleLess), .symbol(.tilde), .symbol(.leftParen), .symbol(.rightParen),
                    .symbol(.leftBrace), .symbol(.rightBrace), .symbol(.comma), .end])
    }

    @Test func traceQLStructuralAndPipelineSymbols() throws {
        #expect(try kinds("!>> !> !<< !< &>> &> &<< &< &~ |")
                == [.symbol(.bangDoubleGreater), .symbol(.bangGreater), .symbol(.bangDoubleLess), .symbol(.bangLess),
                    .symbol(.ampersandDoubleGreater), .symbol(.ampersandGreater), .symbol(.ampersandDoubleLess),
                    .symbol(.ampersandLess), .symbol(.ampersandTilde), .symbol(.bar), .end])
        #expect(try kinds("a|b") == [.name("a"), .symbol(.bar), .name("b"), .end])
    }

    @Test func tokensNeedNoSpaces() throws {
        #expect(try kinds("duration>5s&&name!=\"x\"")
                == [.name("duration"), .symbol(.greater), .duration(5_000_000_000), .symbol(.doubleAmpersand),
                    .name("name"), .symbol(.notEqual), .string("x"), .end])
    }

    @Test func rangesAreCharacterOffsets() throws {
        let tokens = try Lexer.tokenize("name = \"é\" AND d < 3µs")
        #expect(tokens.map(\.range) == [SourceRange(0, 4), SourceRange(5, 6), SourceRange(7, 10), SourceRange(11, 14),
                                        SourceRange(15, 16), SourceRange(17, 18), SourceRange(19, 22), .at(22)])
        #expect(tokens.map(\.text) == ["name", "=", "\"é\"", "AND", "d", "<", "3µs", ""])
    }

    @Test func whitespaceIsSpacesTabsAndNewlines() throws {
        #expect(try kinds(" \t\na\n=\t1 ") == [.name("a"), .symbol(.equal), .integer(1), .end])
        #expect(try kinds("") == [.end])
        #expect(try kinds("   ") == [.end])
    }

    @Test func endRepeats() throws {
        var lexer = Lexer("a")
        _ = try lexer.next()
        #expect(try lexer.next().kind == .end)
        #expect(try lexer.next().kind == .end)
    }

    @Test(arguments: [
        ("\"abc", SourceRange(0, 4), "unterminated string"),
        ("\"a\\", SourceRange(0, 3), "unterminated string"),
        ("\"\\x\"", SourceRange(1, 3), "unknown escape"),
        ("\"\\u{110000}\"", SourceRange(1, 11), "bad unicode escape"),
        ("`abc", SourceRange(0, 4), "unterminated quoted name"),
        ("span.`abc", SourceRange(5, 9), "unterminated quoted name"),
        ("``", SourceRange(0, 2), "empty quoted name"),
        ("99999999999999999999", SourceRange(0, 20), "number out of range"),
        ("1e999", SourceRange(0, 5), "number out of range"),
        ("5days", SourceRange(1, 5), "unknown duration unit `days`"),
        ("1m30", SourceRange(0, 4), "compound duration"),
        ("&", SourceRange(0, 1), "unexpected `&`"),
        ("@", SourceRange(0, 1), "unexpected character `@`"),
        ("#", SourceRange(0, 1), "unexpected character `#`"),
        ("1.", SourceRange(1, 2), "unexpected character `.`"),
        ("12ab3", SourceRange(2, 4), "unknown duration unit `ab`"),
    ] as [(String, SourceRange, String)])
    func errors(_ text: String, _ range: SourceRange, _ message: String) {
        #expect(throws: QueryDiagnostic.self) { try Lexer.tokenize(text) }
        do {
            _ = try Lexer.tokenize(text)
        } catch {
            #expect(error.stage == .lexing)
            #expect(error.range == range, "\(text)")
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func unitSuggestions() {
        for (text, fix) in [("5sec", "s"), ("5secs", "s"), ("2hours", "h"), ("3msec", "ms"), ("2Ms", "ms"), ("4NS", "ns")] {
            do {
                _ = try Lexer.tokenize(text)
                Issue.record("\(text) lexed")
            } catch {
                #expect(error.suggestion == fix, "\(text)")
            }
        }
    }
}
