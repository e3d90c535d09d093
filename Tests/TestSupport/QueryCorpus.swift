/// Example queries that drive `CorpusTests`, in the manner of Tempo's test_examples.yaml (shared:
/// the store's query tests run every valid one through SQLite too, see `QueryCorpus`).
///
/// One entry per line, `KIND  QUERY  ## EXPECTATION`:
/// - `ok` — parses and checks; a following `=> TEXT` line gives the canonical text when it
///   differs from the query (otherwise the query is its own canonical text). Every `ok` query
///   also round-trips: parse -> print -> parse gives an equal query.
/// - `lex`, `parse`, `check` — fails at that stage. `⟨` and `⟩` in the query mark the expected
///   range of the diagnostic (stripped before parsing; `⟨⟩` is an empty range, as at the end);
///   the expectation is a substring of the message, then optionally `=> SUGGESTION`.
/// Lines starting with `#` are comments.
public let queryCorpus = #"""
# --- The primer ---------------------------------------------------------------------------
ok     Duration > 5s AND service.name="checkout"
    => duration > 5s AND service = "checkout"
ok     Status = ERROR AND span.name="database.query"
    => status = ERROR AND name = "database.query"
ok     user.id="12345" AND http.status_code >= 400
    => user.id = "12345" AND http.status_code >= 400

# --- A pipeline over every span (TraceQL's leading stage) -----------------------------------
ok     count() > 1
    => { } | count() > 1
ok     by(.a) | { true }
    => { } | by(a) | { }

# --- TraceQL's arithmetic and field-to-field comparisons ----------------------------------
ok     a = -x
    => .a = -.x
ok     a = span.`x`
    => .a = span.x
ok     { .bytes / 1024 > .limit * 2 }
    => .bytes / 1024 > .limit * 2
ok     { (.a + .b) ^ 2 >= 100 }
    => (.a + .b) ^ 2 >= 100

# --- Intrinsics, any case, with aliases ----------------------------------------------------
ok     duration > 5s
ok     DURATION > 5s
    => duration > 5s
ok     span:duration > 1s
    => duration > 1s
ok     name = "GET /"
ok     span.name = "GET /"
    => name = "GET /"
ok     service = "cart"
ok     resource.service.name = "cart"
    => service = "cart"
ok     status = error
    => status = ERROR
ok     status != ok
    => status != OK
ok     status = "Error"
    => status = ERROR
ok     status = STATUS_CODE_ERROR
    => status = ERROR
ok     status.message contains "timeout"
ok     statusMessage = "x"
    => status.message = "x"
ok     kind = Server
    => kind = SERVER
ok     kind in (client, producer)
    => kind IN (CLIENT, PRODUCER)
ok     traceid = "0af7651916cd43dd8448eb211c80319c"
ok     spanid = "b7ad6b7169203331"
ok     parentid = "00f067aa0ba902b7"
ok     root
    => root = true
ok     root = false
ok     depth >= 3
ok     depth > 2.5
ok     selftime > 10ms
ok     trace.duration > 1d
    => trace.duration > 24h
ok     duration < 1w
    => duration < 168h
ok     duration < 1y
    => duration < 8760h
ok     duration > 1d12h30m
    => duration > 36h30m
ok     trace.duration > 5s
ok     traceDuration > 5s
    => trace.duration > 5s
ok     trace.service = "frontend"
ok     rootServiceName = "frontend"
    => trace.service = "frontend"
ok     trace:rootService = "x"
    => trace.service = "x"
ok     trace.name = "GET /"
ok     rootName = "GET /"
    => trace.name = "GET /"
ok     trace.spans > 100
ok     trace.errors >= 1
ok     trace.services = 3
ok     { a = 1 } !>> { b = 2 }
ok     {a=1}!>{b=2}
    => { a = 1 } !> { b = 2 }
ok     { a = 1 } !<< { } !< { c = 3 }
    => { a = 1 } !<< { } !< { c = 3 }
ok     { a = 1 } !~ { b = 2 }
ok     { a = 1 } &>> { b = 2 } &> { c = 3 }
ok     { a = 1 } &<< { b = 2 }
ok     { a = 1 } &< { b = 2 } &~ { c = 3 }
ok     span:childCount > 2
    => childcount > 2
ok     childcount = 0
ok     instrumentation:name = "io.opentelemetry.jdbc"
ok     instrumentation:version != "1.0"
ok     trace:problem = "clock-skew"
    => trace.problem = "clock-skew"

# --- Attributes and scopes -------------------------------------------------------------------
ok     http.status_code = 500
ok     http.status_code = "500"
ok     span.http.status_code = 500
ok     resource.host.name = "web-1"
ok     .user.id = "1"
    => user.id = "1"
ok     `odd key` = "x"
ok     span.`odd key` = "x"
ok     resource.`k8s pod` = "x"
ok     `duration` > 5
ok     `span.foo` = 1
ok     `in` = 1
ok     `a\`b` = 1
ok     x-request-id = "abc"
ok     retry = true
ok     ratio > 0.5
ok     offset > -3
ok     big < 1e+20
ok     exists(db.statement)
ok     db.statement
    => exists(db.statement)
ok     NOT exists(db.statement)
ok     !db.statement
    => NOT exists(db.statement)
ok     http.method in ("GET", "POST")
    => http.method IN ("GET", "POST")
ok     http.method not in ("GET")
    => NOT http.method IN ("GET")

# --- Operators and literals ------------------------------------------------------------------
ok     name =~ "GET .*"
ok     name !~ "GET .*"
ok     name contains "cart"
ok     name CONTAINS "cart"
    => name contains "cart"
ok     name == "x"
    => name = "x"
ok     name > "m"
ok     name = ""
ok     name = "tab\there \"quoted\" back\\slash"
ok     name = "\u{1F600} \u00e9"
    => name = "😀 é"
ok     name = `raw string`
    => name = "raw string"
ok     name = "µs ünïcode"
ok     duration >= 1m30s
ok     duration < 1.5s
    => duration < 1s500ms
ok     duration <= 250µs
    => duration <= 250us
ok     duration <= 250μs
    => duration <= 250us
ok     duration = 100ns
ok     duration > 2h
ok     duration > 0.5ms
    => duration > 500us
ok     duration > 1e3ms
    => duration > 1s
ok     5s < duration
    => duration > 5s
ok     "checkout" = service
    => service = "checkout"
ok     duration>5s&&name="x"
    => duration > 5s AND name = "x"

# --- Boolean structure and precedence (NOT > AND > OR) ---------------------------------------
ok     a = 1 and b = 2 or c = 3
    => a = 1 AND b = 2 OR c = 3
ok     a = 1 or b = 2 and c = 3
    => a = 1 OR b = 2 AND c = 3
ok     a = 1 and (b = 2 or c = 3)
    => a = 1 AND (b = 2 OR c = 3)
ok     not a = 1 and b = 2
    => NOT a = 1 AND b = 2
ok     not (a = 1 and b = 2)
    => NOT (a = 1 AND b = 2)
ok     NOT NOT a = 1
ok     a = 1 && b = 2 || !c
    => a = 1 AND b = 2 OR NOT exists(c)
ok     (a = 1 AND b = 2) AND c = 3
    => a = 1 AND b = 2 AND c = 3
ok     a = 1 AND (b = 2 AND c = 3)
    => a = 1 AND b = 2 AND c = 3
ok     true
ok     false
ok     true AND a = 1

# --- TraceQL spansets ------------------------------------------------------------------------
ok     { duration > 5s }
    => duration > 5s
ok     { }
    => true
ok     {}
    => true
ok     { status = error } && { name = "db" }
    => { status = ERROR } && { name = "db" }
ok     { a = 1 } || { b = 1 }
ok     { a = 1 } AND { b = 1 }
    => { a = 1 } && { b = 1 }
ok     { kind = server } >> { status = error }
    => { kind = SERVER } >> { status = ERROR }
ok     { a = 1 } > { b = 1 }
ok     { a = 1 } << { b = 1 }
ok     { a = 1 } < { b = 1 }
ok     { a = 1 } ~ { b = 1 }
ok     { } >> { b = 1 }
ok     { a = 1 } && { b = 1 } || { c = 1 }
    => ({ a = 1 } && { b = 1 }) || { c = 1 }
ok     { a = 1 } && ({ b = 1 } || { c = 1 })
ok     { a = 1 } >> { b = 1 } && { c = 1 }
ok     { a = 1 } >> ({ b = 1 } >> { c = 1 })
ok     ({ a = 1 } >> { b = 1 }) >> { c = 1 }
    => { a = 1 } >> { b = 1 } >> { c = 1 }
ok     { a = 1 AND b = 2 } >> { NOT c = 3 OR d }
    => { a = 1 AND b = 2 } >> { NOT c = 3 OR d = true }

# --- Lexing errors ---------------------------------------------------------------------------
lex    name = ⟨"abc⟩  ## unterminated string
lex    name = "a⟨\q⟩"  ## unknown escape `\q`
lex    name = "⟨\u{zz}⟩"  ## bad unicode escape
lex    name = "⟨\u12⟩"  ## bad unicode escape
lex    ⟨`odd⟩  ## unterminated quoted name
lex    ⟨``⟩ = 1  ## empty quoted name
lex    duration > ⟨99999999999999999999⟩  ## number out of range
lex    duration > ⟨9999999999999h⟩  ## number out of range
lex    duration > 5⟨sec⟩  ## unknown duration unit `sec`  => s
lex    duration > 5⟨mins⟩  ## unknown duration unit `mins`  => m
lex    duration > 5⟨sx⟩  ## unknown duration unit `sx`
lex    duration > 2⟨days⟩  ## unknown duration unit `days`  => d
lex    duration > 1⟨yrs⟩  ## unknown duration unit `yrs`
lex    duration > ⟨1m30⟩  ## every part of a compound duration needs a unit
lex    a = 1 ⟨&⟩ b = 2  ## unexpected `&`  => &&
parse  a = 1 | b ⟨=⟩ 2  ## expected `(`
lex    a = 1 ⟨#⟩  ## unexpected character `#`
lex    a = -x ⟨#⟩  ## unexpected character `#`
lex    a = 1.5⟨.⟩5  ## unexpected character `.`
lex    ⟨.⟩ = 1  ## unexpected character `.`
lex    a = 12⟨_⟩  ## unexpected character `_`

# --- Parsing errors --------------------------------------------------------------------------
parse  duration >⟨⟩  ## expected a value after `>`, found the end of the query
parse  duration > ⟨)⟩  ## expected a value after `>`, found `)`
check  a = span.`x` + ⟨"y"⟩  ## computes on numbers and durations, not on a string
parse  ⟨AND⟩ a = 1  ## expected a condition, found AND
parse  a = 1 AND⟨⟩  ## expected a condition after `AND`
parse  a = 1 AND ⟨)⟩  ## expected a condition after `AND`
parse  NOT⟨⟩  ## expected a condition after `NOT`
parse  { a = 1 } >> ⟨⟩  ## expected a condition after `>>`
parse  (a = 1⟨⟩  ## expected `)` to close the `(` at column 1
parse  x = 1 AND (a = 1 OR (b = 2)⟨⟩  ## expected `)` to close the `(` at column 11
parse  { a = 1⟨⟩  ## expected `}` to close the `{` at column 1
parse  { a = 1 ⟨)⟩  ## expected `}` to close the `{` at column 1
parse  a = 1⟨)⟩  ## unmatched `)`
parse  a = 1 ⟨}⟩  ## unmatched `}`
parse  a = 1 ⟨b⟩ = 2  ## expected AND, OR or the end of the query, found `b`
parse  a = 1 ⟨=⟩ 2  ## expected AND, OR or the end of the query, found `=`
parse  name ⟨contians⟩ "x"  ## expected an operator  => contains
parse  a = 1 ⟨ANDD⟩ b = 2  ## expected AND, OR or the end of the query  => AND
parse  a = 1 ⟨orr⟩ b = 2  ## expected AND, OR or the end of the query  => or
parse  (a = 1 ⟨b⟩)  ## expected AND, OR or `)`
parse  duration > ⟨5 s⟩  ## write the unit right after the number  => 5s
parse  { ⟨{⟩ a } }  ## spansets do not nest  => (
parse  ⟨frobnicate⟩() > 1  ## unknown function `frobnicate`
parse  ⟨exsts⟩(a)  ## unknown function `exsts`  => exists
parse  exists⟨⟩  ## expected `(` after `exists`
parse  exists(⟨)⟩  ## expected a field after `(`
parse  exists(a⟨⟩  ## expected `)` after `a`
parse  exists(a ⟨b⟩)  ## expected `)` after `a`
parse  a in ⟨"x"⟩  ## expected `(` after `in`
parse  a in (⟨)⟩  ## expected a value after `(`
parse  a in ("x" ⟨"y"⟩)  ## expected `,` or `)` after `"x"`
parse  a in ("x",⟨⟩  ## expected a value after `,`
parse  ⟨5s⟩  ## a condition starts with a field, not with the value `5s`
parse  ⟨"x"⟩ =~ name  ## a condition starts with a field
parse  ⟨5⟩ = 5  ## a condition starts with a field

# --- Checking errors -------------------------------------------------------------------------
check  ⟨Duraton⟩ > 5s  ## is not a known field  => duration
check  ⟨trace.duraton⟩ > 5s  ## is not a known field  => trace.duration
check  duration > ⟨5000⟩  ## give 5000 a unit  => 5000ms
check  duration > ⟨1.5⟩  ## give 1.5 a unit  => 1.5ms
check  duration > ⟨"5s"⟩  ## durations are written without quotes  => 5s
check  duration > ⟨"abc"⟩  ## expected a duration such as 100ms
check  duration > ⟨true⟩  ## expected a duration
check  duration ⟨=~⟩ "x"  ## `=~` does not apply to `duration`
check  duration ⟨contains⟩ "x"  ## does not apply
check  status = ⟨EROR⟩  ## unknown status `EROR`  => ERROR
check  status = ⟨2⟩  ## expected OK, ERROR or UNSET
check  status ⟨>⟩ ERROR  ## `>` does not apply to `status`
check  kind = ⟨sever⟩  ## unknown span kind `sever`  => SERVER
check  kind in (server, ⟨serve⟩)  ## unknown span kind  => SERVER
check  service = ⟨checkout⟩  ## strings go in double quotes  => "checkout"
check  name = ⟨500⟩  ## strings go in double quotes  => "500"
check  name = ⟨true⟩  ## expected a quoted string
check  name = ⟨5s⟩  ## expected a quoted string
check  depth > ⟨"3"⟩  ## expected a number
check  depth ⟨contains⟩ "3"  ## does not apply
check  trace.spans > ⟨1s⟩  ## expected a number
check  root = ⟨1⟩  ## expected true or false
check  root ⟨>⟩ true  ## does not apply
check  traceid = ⟨""⟩  ## is not an id: expected the id, or a prefix of it, as its file writes it
check  spanid = ⟨"0123456789abcdef01"⟩  ## expected 1 to 16 hex digits
check  traceid = ⟨abc⟩  ## takes a quoted id  => "abc"
check  spanid ⟨>⟩ "abc"  ## does not apply
check  http.latency > ⟨5s⟩  ## attribute values carry no unit
check  ⟨Stauts⟩ = ERROR  ## is not a known field  => status
check  ⟨knd⟩ = server  ## is not a known field  => kind
check  http.method = ⟨GET⟩  ## strings go in double quotes  => "GET"
check  name =~ "⟨[a⟩"  ## invalid regular expression: missing ]
check  http.url !~ "⟨(x⟩"  ## invalid regular expression: missing )
check  name =~ "(a)⟨\\1⟩"  ## backreferences (`\1`) are not supported: trex uses RE2, which matches in linear time
check  name =~ "GET ⟨(?!⟩/health).*"  ## lookahead is not supported: trex uses RE2
check  span.db.statement =~ "⟨(?<⟩=SELECT )\\w+"  ## lookbehind is not supported
check  name =~ "ba⟨*+⟩"  ## possessive quantifiers are not supported
check  name =~ "a⟨{1001}⟩"  ## invalid regular expression: invalid repetition size
check  http.url contains ⟨5⟩  ## takes a quoted string  => "5"
check  http.url =~ ⟨GET⟩  ## takes a quoted string  => "GET"
check  retry ⟨>⟩ true  ## does not apply
check  ⟨duration⟩  ## is not a condition on its own
check  ⟨status⟩ AND a = 1  ## is not a condition on its own
check  exists(⟨status⟩)  ## exists() takes an attribute
check  { a = 1 } && ⟨b = 1⟩  ## needs braces on both sides  => { b = 1 }
check  ⟨a = 1⟩ >> { b = 1 }  ## needs braces on both sides  => { a = 1 }
check  { a = 1 } || ⟨NOT b⟩ || { c = 1 }  ## needs braces on both sides  => { NOT b }
check  ⟨NOT⟩ { a = 1 }  ## applies to conditions, not to spansets
check  ⟨!⟩{ a = 1 }  ## applies to conditions, not to spansets
check  ⟨foo.⟩`x` = 1  ## unknown scope `foo.`
check  ⟨span:chldCount⟩ > 1  ## unknown intrinsic `span:chldCount`  => span:childCount
check  { ⟨event:nme⟩ = "exception" }  ## unknown intrinsic `event:nme`  => event:name
check  trace:problem = ⟨"skew"⟩  ## unknown trace problem `skew`
check  ⟨span.⟩ = 1  ## expected an attribute name after `span.`
check  ⟨resource.⟩  ## expected an attribute name after `resource.`
check  ⟨http.⟩ = 1  ## a field name cannot end with `.`
"""#
