/// trex's own TraceQL corpus: queries written for this project from Grafana Tempo's public
/// TraceQL documentation (the query-construction, metrics-queries and metrics-functions pages)
/// and its grammar, one per grammar rule, intrinsic, operator and function. Nothing here is taken
/// from Tempo's source or test files. `TraceQLCorpusTests` runs it; `TraceQLCorpusEntry.parse`
/// reads it.
///
/// One entry per line, `KIND  QUERY  ## NOTE`:
/// - `valid` — TraceQL accepts the query, so trex must parse it.
/// - `invalid` — TraceQL rejects it; trex must reject it with a diagnostic whose range lies in
///   the query. The note after ` ## ` says why.
/// - `addition` — TraceQL rejects it but trex accepts it on purpose; the query must appear
///   verbatim in docs/query-language.md, which documents the addition.
/// Lines starting with `# --- ` open a section (one grammar rule); other `#` lines are comments.
/// A query never contains ` ## `.
public let traceQLCorpus = #"""
# --- Spanset filters --------------------------------------------------------------------------
valid    { }
valid    {}
valid    { span.http.status_code >= 200 && span.http.status_code < 300 }
valid    { resource.service.name = "checkout" && span:name = "POST /api/pay" }
valid    {resource.service.name="cart"}
valid    { resource.service.namespace = "shop" && resource.service.name = "web" && resource.deployment.environment = "staging" && name = "GET /basket" }
invalid  { span.http.method = "GET"  ## unbalanced: the `{` is never closed
invalid  span.http.method = "GET" }  ## unbalanced: a `}` without its `{`
invalid  { { span.http.method = "GET" } }  ## spanset filters do not nest
invalid  { span.http.method = "GET" } { status = error }  ## two spansets with no operator between them

# --- Scoped intrinsics ------------------------------------------------------------------------
valid    { span:status = error }
valid    { span:status = ok }
valid    { span:status = unset }
valid    { span:statusMessage = "permission denied" }
valid    { span:duration > 250ms }
valid    { span:name = "GET /cart" }
valid    { span:kind = server }
valid    { span:kind = client }
valid    { span:kind = producer }
valid    { span:kind = consumer }
valid    { span:kind = internal }
valid    { span:kind = unspecified }
valid    { span:id = "00f067aa0ba902b7" }
valid    { span:parentID = "00f067aa0ba902b7" }
valid    { span:childCount = 0 }
valid    { span:childCount > 10 }
valid    { resource.service.name = "db-proxy" && span:childCount = 0 }
valid    { trace:duration > 2s }
valid    { trace:rootName = "GET /checkout" }
valid    { trace:rootService = "gateway" }
valid    { trace:id = "0af7651916cd43dd8448eb211c80319c" }
valid    { resource.k8s.cluster.name = "prod-eu" && trace:rootName !~ ".*health.*" }
valid    { event:name = "exception" }
valid    { event:timeSinceStart > 2ms }
valid    { event:timeSinceStart > -5s }
valid    { link:traceID = "0af7651916cd43dd8448eb211c80319c" }
valid    { link:spanID = "b7ad6b7169203331" }
valid    { instrumentation:name = "io.opentelemetry.jdbc" }
valid    { instrumentation:version = "1.2.0" }
invalid  { span:durations > 1s }  ## unknown intrinsic `span:durations`
invalid  { span:foo = 1 }  ## the span scope has no intrinsic `foo`
invalid  { trace:name = "GET /" }  ## unknown intrinsic: the trace's is `trace:rootName`
invalid  { resource:name = "cart" }  ## the resource scope has attributes only, no intrinsics
invalid  { event:nam = "exception" }  ## unknown intrinsic `event:nam`

# --- Legacy intrinsics ------------------------------------------------------------------------
valid    { duration > 100ms }
valid    { name = "HTTP POST" }
valid    { kind = server }
valid    { status = error }
valid    { status != ok }
valid    { statusMessage = "Forbidden" }
valid    { rootName = "GET /" }
valid    { rootServiceName = "frontend" }
valid    { traceDuration > 5s }

# --- Attribute scopes -------------------------------------------------------------------------
valid    { span.http.method = "GET" }
valid    { resource.deployment.environment = "production" }
valid    { .http.status_code = 200 }
valid    { .namespace = "payments" }
valid    { .service.name = "frontend" && name = "POST /api/orders" && .http.status_code >= 500 }
valid    { event.exception.message =~ ".*timeout.*" }
valid    { event.exception.type = "IOError" }
valid    { link.opentracing.ref_type = "child_of" }
valid    { instrumentation.language = "java" }
valid    { parent.http.method = "GET" }
valid    { span.tags = "blue" }
valid    { span.tags != "blue" }
valid    { span.http.request.header.Accept =~ "application.*" }
valid    { span.http.request.header.Accept !~ "text/.*" }
invalid  { spam."user id" = "1" }  ## unknown scope `spam.`
invalid  { span. = 1 }  ## a scope needs an attribute name after its `.`
invalid  { . = 1 }  ## a leading `.` needs an attribute name

# --- Quoted attribute names -------------------------------------------------------------------
valid    { span."user id" = "42" }
valid    { span.http."request id" = "abc" }
valid    { resource."k8s pod" = "web-1" }
valid    { ."cart items" > 3 }
valid    { span."say \"hi\"" = 1 }
valid    { span."back\\slash" = 1 }
invalid  { span."user id = 1 }  ## unterminated quoted attribute name

# --- Literals and nil -------------------------------------------------------------------------
valid    { span.http.method = "DELETE" }
valid    { span.http.status_code = 404 }
valid    { span.retry_count > -1 }
valid    { span.ratio > 1.5 }
valid    { span.ratio < 0.25 }
valid    { span.cache.hit = true }
valid    { span.cache.hit = false }
valid    { span.message = "say \"hi\"" }
valid    { span.http.status_code >= "400" }
valid    { span.optional_field = nil }
valid    { span.required_field != nil }
valid    { resource.service.version = nil }
valid    { event.exception.message = nil }
valid    { span.value != minInt && span.value != maxInt }
invalid  { span.http.method = "GET }  ## unterminated string
invalid  { span.http.method = GET }  ## a bare word is not a value: strings are quoted

# --- Durations --------------------------------------------------------------------------------
valid    { duration > 100ns }
valid    { duration > 100us }
valid    { duration > 100µs }
valid    { duration < 15ms }
valid    { duration > 3s }
valid    { duration > 2m }
valid    { duration > 1h }
valid    { trace:duration > 1d }
valid    { trace:duration > 1w }
valid    { trace:duration < 1y }
invalid  { duration > 5sec }  ## unknown duration unit `sec`
invalid  { duration > 5mins }  ## unknown duration unit `mins`
invalid  { duration > 3days }  ## unknown duration unit `days`
invalid  { duration > 10 ms }  ## the unit belongs right after the number

# --- Comparison operators ---------------------------------------------------------------------
valid    { span.http.route = "/api/cart" }
valid    { span.http.route != "/health" }
valid    { span.http.status_code > 499 }
valid    { span.http.status_code >= 500 }
valid    { span.http.status_code < 300 }
valid    { span.http.status_code <= 299 }
valid    { span.db.system =~ "postgresql|mysql" }
valid    { span.db.system !~ "redis.*" }
valid    { resource.deployment.environment =~ "prod-.*" && span.http.status_code = 200 }
invalid  { span.http.status_code >= }  ## comparison without a value
invalid  { = "GET" }  ## comparison without a field
invalid  { span.http.method "GET" }  ## a field and a value with no operator between
invalid  { span.http.method <> "GET" }  ## `<>` is not an operator

# --- Field expressions ------------------------------------------------------------------------
valid    { span.http.method = "DELETE" && status != ok }
valid    { span.http.status_code = 500 || span.http.status_code = 503 }
valid    { (span.http.status_code = 500 || span.http.status_code = 503) && kind = server }
valid    { span.cache.hit || span.http.status_code = 500 }
valid    { span.cache.hit = true || span.http.status_code = 500 }
valid    { !(span.http.status_code = 200) }
valid    { resource.cloud.region = "us-east-1" && resource.cloud.region = "us-west-1" }
invalid  { span.http.method = "GET" && }  ## `&&` without its right operand
invalid  { && span.http.method = "GET" }  ## `&&` without its left operand
invalid  { (span.http.method = "GET" }  ## unbalanced: the `(` is never closed
invalid  { span.http.method = "GET") }  ## unbalanced: a `)` without its `(`
invalid  { span.a = 1 || || span.b = 2 }  ## two operators in a row

# --- Arithmetic -------------------------------------------------------------------------------
valid    { span.http.request_content_length > 10 * 1024 * 1024 }
valid    { span.bytes_processed < span.jobs_processed * 10 }
valid    { span.retries + span.redirects > 3 }
valid    { span.quota - span.used < 5 }
valid    { span.bytes / 1024 > 512 }
invalid  { span.bytes > 10 * }  ## `*` without its right operand
invalid  { span.bytes > * 10 }  ## `*` without its left operand

# --- Spanset operators ------------------------------------------------------------------------
valid    { resource.cloud.region = "us-east-1" } && { resource.cloud.region = "us-west-1" }
valid    { resource.cloud.region = "us-east-1" } || { resource.cloud.region = "us-west-1" }
valid    { span.http.method = "GET" && status = ok } && { span.http.method = "DELETE" && status != ok }
valid    { resource.deployment.environment = "production" } && { span.http.status_code = 200 }
valid    ({ span.a = 1 } && { span.b = 2 }) || { span.c = 3 }
valid    ({ span.a = 1 } || { span.b = 2 }) >> { status = error }
invalid  { span.a = 1 } &&  ## trailing operator
invalid  && { span.a = 1 }  ## operator without a left spanset
invalid  ({ span.a = 1 } && { span.b = 2 }  ## unbalanced: the `(` is never closed
invalid  { span.a = 1 } & { span.b = 2 }  ## a single `&` is not an operator

# --- Structural operators ---------------------------------------------------------------------
valid    { resource.service.name = "frontend" } >> { status = error }
valid    { span.http.url = "/api/orders" } >> { span.db.name = "orders-1" }
valid    { kind = server } > { kind = client }
valid    { span.db.system = "postgresql" } << { kind = server }
valid    { status = error } < { kind = server }
valid    { resource.service.name = "cart" } ~ { resource.service.name = "pricing" }
valid    { kind = server } >> { kind = client } >> { status = error }
valid    { } >> { }
invalid  { span.a = 1 } >>  ## trailing structural operator
invalid  >> { span.a = 1 }  ## structural operator without a left spanset
invalid  { span.a = 1 } >>> { span.b = 1 }  ## `>>>` is not an operator

# --- Negated structural operators -------------------------------------------------------------
valid    { resource.service.name = "api" } !>> { status = error }
valid    { kind = server } !> { kind = client }
valid    { status = error } !<< { kind = server }
valid    { } !< { resource.service.name = "inventory" }
valid    { status = error } !< { status = error }
valid    { span.db.system = "redis" } !~ { span.db.system = "redis" }
invalid  { span.a = 1 } !>  ## trailing structural operator

# --- Union structural operators ---------------------------------------------------------------
valid    { span.http.url = "/api/pay" && status = error } &>> { status = error }
valid    { kind = server } &> { kind = client }
valid    { status = error } &<< { kind = server }
valid    { status = error } &< { kind = server }
valid    { span.messaging.system = "kafka" } &~ { span.messaging.system = "kafka" }
invalid  { span.a = 1 } &>>  ## trailing structural operator

# --- Aggregates -------------------------------------------------------------------------------
valid    { } | count() > 10
valid    { span.http.status_code = 200 } | count() > 3
valid    { span.http.status_code >= 200 && span.http.status_code < 300 } | count() > 2
valid    { status = error } | count() = 1
valid    { status = error } | count() != 1
valid    { status = error } | count() < 5
valid    { status = error } | count() <= 5
valid    { status = error } | count() >= 2
valid    { } | avg(duration) > 20ms
valid    { } | min(duration) < 1ms
valid    { } | max(duration) >= 1s
valid    { } | sum(span.bytes_processed) > 1000000000
valid    { } | avg(span.http.response_content_length) > 4096
valid    { resource.deployment.environment = "production" && trace:duration > 2s } | count() > 30
valid    { kind = server } | count() > 1 | avg(duration) > 100ms
valid    { status = error } | { duration > 1s }
invalid  { } | count() >  ## comparison without a value
invalid  { } | avg() > 1s  ## avg takes a field
invalid  { } | count(duration) > 1  ## count takes no field
invalid  { } |  ## empty pipeline stage
invalid  { } | | count() > 1  ## empty pipeline stage
invalid  { } | count() > 2 |  ## trailing pipe
invalid  { } | cnt() > 1  ## unknown aggregate `cnt`

# --- Grouping, selection and coalesce ---------------------------------------------------------
valid    { status = error } | by(resource.service.name) | count() > 1
valid    { } | by(span.http.route) | avg(duration) > 500ms
valid    { span.http.status_code = 200 } | select(resource.service.name)
valid    { status = error } | select(span.http.status_code, span.http.url)
valid    { } | select(span:duration, trace:rootName)
valid    { status = error } | by(resource.service.name) | coalesce()
invalid  { } | by() | count() > 1  ## by takes a field
invalid  { } | select()  ## select takes one or more fields
invalid  { } | by(resource.service.name  ## unbalanced: the `(` is never closed

# --- Metrics functions ------------------------------------------------------------------------
valid    {} | rate()
valid    { span:status = error } | rate()
valid    { status = error } | rate() by (resource.service.name, name)
valid    { resource.service.name = "cart" && status = error } | rate() by (span.http.route)
valid    { resource.service.name = "cart" } | rate() by (instrumentation:name)
valid    { span:name = "GET /:id" } | count_over_time()
valid    { name = "GET /:id" } | count_over_time() by (span.http.status_code)
valid    { span:duration < 5ms } | count_over_time() by (resource.service.name)
valid    { } | sum_over_time(span.http.response.size)
valid    { name = "GET /:id" } | min_over_time(duration) by (span.http.target)
valid    { name = "GET /:id" } | min_over_time(span.http.status_code)
valid    { name = "GET /:id" } | max_over_time(duration) by (span.http.target)
valid    { name = "GET /:id" } | max_over_time(span.http.response.size)
valid    { name = "GET /:id" } | avg_over_time(duration) by (span.http.status_code)
valid    { trace:duration > 1s } | avg_over_time(trace:duration)
valid    { } | quantile_over_time(duration, .5, .95, .99)
valid    { name = "GET /:id" } | quantile_over_time(duration, .99, .9, .5)
valid    { name = "GET /:id" } | quantile_over_time(duration, .99) by (span.http.target)
valid    { } | quantile_over_time(span.http.status_code, 0.5)
valid    { } | histogram_over_time(duration)
valid    { } | histogram_over_time(duration) by (span.foo)
invalid  { } | rate(duration)  ## rate takes no arguments
invalid  { } | rate  ## a metrics function needs its parentheses
invalid  { } | count_over_time(duration)  ## count_over_time takes no arguments
invalid  { } | min_over_time()  ## min_over_time takes a field
invalid  { } | max_over_time()  ## max_over_time takes a field
invalid  { } | avg_over_time()  ## avg_over_time takes a field
invalid  { } | sum_over_time()  ## sum_over_time takes a field
invalid  { } | quantile_over_time(duration)  ## quantile_over_time needs at least one quantile
invalid  { } | quantile_over_time()  ## quantile_over_time takes a field and quantiles
invalid  { } | quantile_over_time(duration, "p99")  ## quantiles are numbers
invalid  { } | histogram_over_time()  ## histogram_over_time takes a field
invalid  { } | histogram_over_time(duration, .5)  ## histogram_over_time takes one field only
invalid  { } | median_over_time(duration)  ## unknown metrics function
invalid  { } | rate() by ()  ## by takes one or more fields
invalid  { } | rate() by (resource.service.name  ## unbalanced: the `(` is never closed
invalid  { } | rate() | rate()  ## only one metrics function, at the end of the pipeline
invalid  { } | rate() | count() > 1  ## no spanset stage after a metrics function

# --- Metrics second stage ---------------------------------------------------------------------
valid    { } | rate() by (resource.service.name) | topk(10)
valid    { } | rate() by (resource.service.name) | bottomk(5)
valid    { span:duration < 5ms } | count_over_time() by (resource.service.name) | topk(10)
valid    { } | avg_over_time(duration) by (span.http.route) | topk(3)
valid    { } | rate() by (resource.service.name) > 10
invalid  { } | rate() | topk()  ## topk without a number
invalid  { } | rate() | topk  ## topk needs its parentheses
invalid  { } | rate() | bottomk("5")  ## bottomk takes a number
invalid  { } | topk(10)  ## topk follows a metrics function only
invalid  { } | rate() | topk(10  ## unbalanced: the `(` is never closed

# --- compare() --------------------------------------------------------------------------------
valid    { resource.service.name = "a" && span.http.path = "/v1/items" } | compare({ status = error })
valid    { } | compare({ duration > 1s })
valid    { } | compare({ status = error }, 20)
valid    { } | compare({ status = error }, 10, 1700000000000000000, 1700000300000000000)
invalid  { } | compare()  ## compare needs a spanset filter
invalid  { } | compare(status = error)  ## compare's filter is a braced spanset
invalid  { } | compare({ status = error }, 10, 1700000000000000000)  ## start and end come together or not at all
invalid  { } | compare({ status = error }  ## unbalanced: the `(` is never closed

# --- Metrics arithmetic -----------------------------------------------------------------------
valid    ({ status = error } | rate()) / ({ } | rate())
valid    ({ status = error } | count_over_time() by (resource.service.name)) / ({ } | count_over_time() by (resource.service.name)) * 100
valid    100 * ({ kind = server } | rate())
valid    ({ } | rate()) > 10
valid    ({ } | max_over_time(duration)) > 2s
valid    (({ } | rate()) + ({ } | count_over_time())) / 2 | topk(3)
invalid  ({ } | rate()) % 2  ## metrics arithmetic has + - * / only
invalid  ({ } | rate()) * 10s  ## a duration in metrics arithmetic
invalid  ({ } | rate()) + .foo  ## an attribute is not a metrics operand
invalid  ({ } | rate() ) >> { }  ## metrics are not spansets

# --- Pipelines in parentheses -----------------------------------------------------------------
valid    ({ kind = server } | count() > 3) && ({ status = error } | avg(duration) > 1s)
valid    ({ } | by(resource.service.name) | count() > 10) >> { status = error }
valid    count() > 3
valid    by(resource.service.name) | { status = error }
invalid  ({ } | count() > 3  ## the `(` is never closed
invalid  coalesce() | { }  ## a pipeline opens with a spanset, a scalar filter, by() or select()

# --- Computed values --------------------------------------------------------------------------
valid    { 1 < 2 }
valid    { "prod" =~ "pr.*" }
valid    { duration > 1s * 2 }
valid    { span.retries != minInt && span.retries != maxInt }
valid    { } | max(duration * 2) > 1s
valid    { } | by(span.http.status_code / 100) | count() > 5
invalid  { } | max(name + 1) > 1  ## a string in arithmetic
invalid  { duration = nil }  ## an intrinsic is never nil

# --- Query hints ------------------------------------------------------------------------------
valid    {} with (most_recent=true)
valid    { span.foo = "bar" } >> { status = error } with (most_recent=true)
valid    { resource.service.name = "frontend" } | rate() with(sample=true)
valid    { status = error } | count_over_time() with(span_sample=0.1)
valid    { status = error } | rate() by (resource.service.name) with(trace_sample=0.05)
valid    { span:name = "GET /:id" } | quantile_over_time(duration, .99) by (span.http.target) with (exemplars=true)
valid    { span.http.method = "POST" } | quantile_over_time(duration, .95, .99) by (span.http.route) with(sample=true)
invalid  { } | rate() with (sample=true  ## unbalanced: the `(` is never closed
invalid  { } | rate() with (sample=)  ## a hint without its value
invalid  { } with  ## `with` needs its parenthesised hints

# --- trex additions ---------------------------------------------------------------------------
# TraceQL needs braces, scopes or a leading dot, and has no contains, IN, exists() or selftime.
addition Duration > 5s AND service.name="checkout"
addition db.statement contains "orders"
addition http.method IN ("POST", "PUT") AND NOT exists(user.id)
addition kind = server AND selftime > 50ms
addition { service = "frontend" } >> { status = error }
addition true
addition ( true )
addition { attribute = 4 }
addition { .attribute == 4 }
addition {} | rate() == 42
"""#
