import Testing
import TraceModel
import TestSupport
@testable import TraceQuery

/// Metrics queries answered locally: each function, `by`, steps, topk/bottomk and filters,
/// compare(), on a small table whose answers are worked out by hand.
@Suite struct MetricsTests {
    /// Epoch 1,700,000,000 s (a multiple of 20 s and 100 s). Trace `i` (0..<6) has a span of
    /// `api` starting at +10·i s lasting (i+1)·10ms, and a span of `db` starting 1 s later lasting
    /// 2ms, with `rows` = i and, for even i, status ERROR.
    static let epoch: Int64 = 1_700_000_000_000_000_000
    static let table: SpanTable = {
        var b = SpanTableBuilder()
        let api = b.addResource(attributes: b.appendAttributes([KeyValue("service.name", .string("api"))]))
        let db = b.addResource(attributes: b.appendAttributes([KeyValue("service.name", .string("db"))]))
        for i in 0..<6 {
            let trace = TraceID(high: 0, low: UInt64(i + 1))
            let start = epoch + Int64(i) * 10_000_000_000
            b.append(Span(traceID: trace, spanID: SpanID(UInt64(i * 2 + 1)), name: b.intern("GET /"), kind: .server,
                          start: Timestamp(unixNanos: start), end: Timestamp(unixNanos: start + Int64(i + 1) * 10_000_000),
                          resource: api))
            b.append(Span(traceID: trace, spanID: SpanID(UInt64(i * 2 + 2)), parentSpanID: SpanID(UInt64(i * 2 + 1)),
                          name: b.intern("SELECT"), kind: .client,
                          start: Timestamp(unixNanos: start + 1_000_000_000), end: Timestamp(unixNanos: start + 1_002_000_000),
                          resource: db, status: i % 2 == 0 ? .error : .unset,
                          attributes: b.appendAttributes([KeyValue("rows", .int(Int64(i)))])))
        }
        return b.finish()
    }()

    func metrics(_ text: String, step: Int64? = 20_000_000_000) throws -> MetricsResult {
        let query = try Query.parse(text)
        return try #require(try MetricsEngine.run(query, on: Self.table, step: step.map { Nanoseconds($0) }))
    }

    func values(_ r: MetricsResult, _ labels: String) -> [Double?]? {
        r.series.first { $0.promLabels == labels }?.values
    }

    @Test func stepsAlignToTheStepAndCoverTheSpans() throws {
        let r = try metrics("{ } | count_over_time()")
        #expect(r.start == Timestamp(unixNanos: Self.epoch))
        #expect(r.stepCount == 3)                 // spans start from +0 s to +51 s: [0,20) [20,40) [40,60)
        #expect(r.unit == .spans)
        #expect(values(r, "{}") == [4, 4, 4])
    }

    @Test func countAndRateByService() throws {
        let count = try metrics("{ } | count_over_time() by (resource.service.name)")
        #expect(count.series.map(\.promLabels) == [#"{resource.service.name="api"}"#, #"{resource.service.name="db"}"#])
        #expect(values(count, #"{resource.service.name="db"}"#) == [2, 2, 2])
        let rate = try metrics("{ status = error } | rate() by (service)")
        #expect(rate.unit == .perSecond)
        // Errors: db spans of traces 0, 2, 4, at +1 s, +21 s, +41 s: one per 20 s step.
        #expect(values(rate, #"{service="db"}"#) == [0.05, 0.05, 0.05])
    }

    @Test func aggregatesOverTime() throws {
        let spans = "{ resource.service.name = \"api\" }"
        // api durations: 10,20 | 30,40 | 50,60 ms.
        #expect(values(try metrics(spans + " | max_over_time(duration)"), "{}") == [20e6, 40e6, 60e6])
        #expect(values(try metrics(spans + " | min_over_time(duration)"), "{}") == [10e6, 30e6, 50e6])
        #expect(values(try metrics(spans + " | avg_over_time(duration)"), "{}") == [15e6, 35e6, 55e6])
        #expect(values(try metrics(spans + " | sum_over_time(duration)"), "{}") == [30e6, 70e6, 110e6])
        #expect(try metrics(spans + " | max_over_time(duration)").unit == .nanoseconds)
        // rows on db spans: 0,1 | 2,3 | 4,5; no rows on api spans, so their steps stay empty.
        let rows = try metrics("{ } | sum_over_time(span.rows) by (service)")
        #expect(values(rows, #"{service="db"}"#) == [1, 5, 9])
        #expect(values(rows, #"{service="api"}"#) == nil)
        #expect(rows.unit == .number)
    }

    @Test func quantilesAreExactPerStep() throws {
        let r = try metrics("{ } | quantile_over_time(duration, 0, .5, 1) by (service)", step: 100_000_000_000)
        #expect(r.stepCount == 1)
        // api: 10..60 ms; the median of six is between 30 and 40.
        #expect(values(r, #"{service="api", p="0"}"#) == [10e6])
        #expect(values(r, #"{service="api", p="0.5"}"#) == [35e6])
        #expect(values(r, #"{service="api", p="1"}"#) == [60e6])
        #expect(values(r, #"{service="db", p="0.5"}"#) == [2e6])
    }

    @Test func histogramBucketsArePowersOfTwoInSeconds() throws {
        let r = try metrics("{ service = \"db\" } | histogram_over_time(duration)", step: 100_000_000_000)
        // 2ms = 2,000,000 ns falls in the bucket up to 2^21 ns = 0.002097152 s.
        #expect(r.series.map(\.promLabels) == [#"{__bucket="0.002097152"}"#])
        #expect(r.series[0].values == [6])
    }

    @Test func topkAndBottomkRankPerStepAndFiltersKeepWhatCompares() throws {
        let byName = "{ } | max_over_time(duration) by (name)"
        let top = try metrics(byName + " | topk(1)")
        #expect(top.series.map(\.promLabels) == [#"{name="GET /"}"#])
        let bottom = try metrics(byName + " | bottomk(1)")
        #expect(bottom.series.map(\.promLabels) == [#"{name="SELECT"}"#])
        let filtered = try metrics(byName + " > 30ms")
        #expect(filtered.series.count == 1)
        #expect(filtered.series[0].values == [nil, 40e6, 60e6])
    }

    @Test func durationsAreSecondsInFiltersAsInTempo() throws {
        let byName = "{ } | max_over_time(duration) by (name)"
        #expect(try metrics(byName + " > 30ms") == (try metrics(byName + " > 0.03")))
        #expect(try metrics(byName + " > 2000").series.isEmpty, "2000 seconds, not nanoseconds")
    }

    @Test func groupingByAnEventFieldUsesTheFirstEvent() throws {
        let r = try metrics("{ } | count_over_time() by (event:name)", step: 100_000_000_000)
        #expect(r.series.map(\.promLabels) == [#"{event:name="nil"}"#])
        #expect(diagnostic("{ } | rate() by resource.service.name")?.message.contains("the fields go in parentheses") == true)
    }

    @Test func compareSplitsSelectionFromBaselinePerAttributeValue() throws {
        let r = try metrics("{ } | compare({ status = error })", step: 100_000_000_000)
        #expect(values(r, #"{__meta_type="selection", status="ERROR"}"#) == [3])
        #expect(values(r, #"{__meta_type="baseline", status="UNSET"}"#) == [9])
        #expect(values(r, #"{__meta_type="selection", resource.service.name="db"}"#) == [3])
        #expect(values(r, #"{__meta_type="baseline", span.rows="1"}"#) == [1])
        #expect(values(r, #"{__meta_type="selection_total", name="nil"}"#) == [3])
        #expect(values(r, #"{__meta_type="baseline_total", name="nil"}"#) == [9])
        let limited = try metrics("{ } | compare({ status = error }, 1)", step: 100_000_000_000)
        #expect(limited.series.contains { $0.promLabels == #"{__meta_error="__too_many_values__", span.rows="nil"}"# })
    }

    @Test func automaticStepsAndLimits() throws {
        let auto = try metrics("{ } | rate()", step: nil)
        #expect(auto.step == Nanoseconds(1_000_000_000))   // 51 s of data: 1 s steps give 52 (<= 60)
        #expect(auto.stepCount == 52)
        #expect(throws: MetricsRange.Problem.self) { _ = try metrics("{ } | rate()", step: 1_000) }
    }

    @Test func metricsQueriesPrintAndReadBack() throws {
        for text in ["{ } | rate() by (resource.service.name) | topk(10)",
                     "{ status = error } | quantile_over_time(duration, .5, .95, .99) by (span.http.route) with (sample=true)",
                     "{ } | compare({ status = error }, 20, 1700000000000000000, 1700000300000000000)",
                     "{ } | count_over_time() by (service, name) > 5", "{ .a } | { duration > 1s } | histogram_over_time(duration)"] {
            let q = try #require(parse(text))
            let back = try #require(parse(q.description), "\(q.description)")
            #expect(back == q, "\(text) -> \(q.description)")
            #expect(q.metrics != nil)
        }
        #expect(canonical("{ } | rate() by (resource.service.name) | topk(10)") == "{ } | rate() by (resource.service.name) | topk(10)")
        #expect(try #require(parse("{ } | rate() with (sample=true)")).hintsNote?.contains("`sample`") == true)
    }

    @Test func metricsStagesInTheWrongPlaceAreErrors() {
        #expect(diagnostic("{ } | topk(5)")?.message.contains("ranks the series of a metrics function") == true)
        #expect(diagnostic("{ } | rate() | count() > 1")?.message.contains("only `topk()`") == true)
        #expect(diagnostic("{ } | rate() | rate()")?.message.contains("one metrics function") == true)
        #expect(diagnostic("{ } | quantile_over_time(duration, 2)")?.message.contains("between 0 and 1") == true)
        #expect(diagnostic("{ } | rate(duration)")?.message.contains("takes no argument") == true)
        #expect(diagnostic("{ } | count() by (name) > 1")?.message.contains("follows a metrics function") == true)
        #expect(diagnostic("{ } | min_over_time(name)")?.message.contains("numeric field") == true)
        #expect(diagnostic("{ } | compare({ a = 1 }, 10, 5)")?.message.contains("both start and end") == true)
    }
}

/// Metrics arithmetic: series paired by labels, numbers applied to every value, filters and
/// ranking on the result, one range for all operands.
@Suite struct MetricsMathTests {
    func metrics(_ text: String) throws -> MetricsResult {
        let query = try Query.parse(text)
        return try #require(try MetricsEngine.run(query, on: MetricsTests.table, step: Nanoseconds(20_000_000_000)))
    }

    func values(_ r: MetricsResult, _ labels: String) -> [Double?]? {
        r.series.first { $0.promLabels == labels }?.values
    }

    @Test func aRatioOfTwoQueries() throws {
        // Per 20 s step: 1 error span (db of traces 0, 2, 4) of 4.
        let r = try metrics("({ status = error } | count_over_time()) / ({ } | count_over_time())")
        #expect(values(r, "{}") == [0.25, 0.25, 0.25])
        #expect(r.unit == .number)
        let percent = try metrics("({ status = error } | count_over_time()) / ({ } | count_over_time()) * 100")
        #expect(values(percent, "{}") == [25, 25, 25])
    }

    @Test func seriesArePairedByLabelsAndNumbersApplyToEveryValue() throws {
        let r = try metrics("({ } | count_over_time() by (service)) - ({ status = error } | count_over_time() by (service))")
        #expect(values(r, #"{service="api"}"#) == nil, "no api span has an error: no partner, dropped")
        #expect(values(r, #"{service="db"}"#) == [1, 1, 1])
        let scaled = try metrics("10 + ({ } | count_over_time() by (service))")
        #expect(values(scaled, #"{service="api"}"#) == [12, 12, 12])
        #expect(scaled.unit == .spans)
    }

    @Test func filtersAndRankingApplyToTheResult() throws {
        let r = try metrics("({ } | max_over_time(duration) by (name)) * 2 > 50ms")
        #expect(r.series.map(\.promLabels) == [#"{name="GET /"}"#])
        #expect(r.series[0].values == [nil, 80e6, 120e6])
        let top = try metrics("({ } | count_over_time() by (name)) + 0 | topk(1) > 1")
        #expect(top.series.count == 1)
    }

    @Test func durationsAreSecondsInTheArithmeticAndADivisionByZeroLeavesNoSeries() throws {
        // max(duration) per step: 20, 40, 60 ms; + 1 adds a second.
        let r = try metrics("({ service = \"api\" } | max_over_time(duration)) + 1")
        #expect(values(r, "{}") == [1.02e9, 1.04e9, 1.06e9])
        #expect(r.unit == .nanoseconds)
        #expect(try metrics("({ } | rate()) / 0").series.isEmpty)
    }

    @Test func printsAndReadsBackAndRefusesWhatTempoRefuses() throws {
        for text in ["({ status = error } | rate()) / ({ } | rate()) * 100 > 5", "-1 * ({ } | rate()) | topk(3)",
                     "(({ } | rate()) + ({ } | count_over_time())) / 2", "({ } | max_over_time(duration)) > 10s"] {
            let q = try Query.parse(text)
            let back = try Query.parse(q.description)
            #expect(back == q, "\(text) -> \(q.description)")
            #expect(q.isMetrics)
        }
        #expect(diagnostic("({ } | rate()) % 2")?.message.contains("does not apply to metrics") == true)
        #expect(diagnostic("({ } | rate()) * 10s")?.message.contains("metrics arithmetic takes numbers") == true)
        #expect(diagnostic("({ } | rate()) + .a")?.message.contains("metrics arithmetic takes numbers") == true)
        #expect(diagnostic("({ } | rate()) >> { }")?.message.contains("computes series") == true)
    }

    @Test func aMetricsArithmeticQueryMatchesWhatAnyOfItsQueriesMatches() throws {
        let q = try Query.parse("({ status = error } | rate()) / ({ name = \"GET /\" } | rate())")
        let names = QueryEngine.run(q, on: MetricsTests.table).flatMap { m in
            m.matchedSpans.map { MetricsTests.table.strings[MetricsTests.table.trace(at: m.traceIndex)[Int($0)].name] }
        }
        #expect(names.filter { $0 == "GET /" }.count == 6)
        #expect(names.filter { $0 == "SELECT" }.count == 3)
    }
}
