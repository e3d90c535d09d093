import TraceModel

/// Answers a metrics query: fed the spans a query matched, trace by trace (from any number of
/// tables), it counts or aggregates them per series and step, then builds the `MetricsResult`.
///
/// A span counts in the step its start falls in; spans outside the range are skipped. Per span
/// the work is a series lookup (a hash of the `by` fields' ids, or a table per resource when
/// they are all resource fields) and an update of one cell; quantiles keep every value and are
/// exact (Tempo interpolates within power-of-two buckets instead). O(spans + cells) memory.
public final class MetricsAccumulator {
    public let metrics: MetricsQuery
    public let range: MetricsRange
    /// How many traces and spans were added (the spans the query matched).
    public private(set) var inspectedTraces = 0
    public private(set) var inspectedSpans = 0

    // The series: label values of the `by` fields (and the histogram bucket), numbered.
    private var seriesByLabels: [[MetricLabelValue]: Int32] = [:]
    var seriesLabels: [[MetricLabelValue]] = []
    var interner = ValueInterner()

    // Per table: how to read keys and values, and the keys seen so far.
    private var table: SpanTable?
    private var keyReaders: [MetricsKeyReader] = []
    private var valueReader: MetricsValueReader?
    private var seriesByKey: [UInt64: Int32] = [:]
    private var seriesByPair: [PairKey: Int32] = [:]
    private var seriesByKeys: [[UInt64]: Int32] = [:]
    private var seriesByResource: [Int32] = []
    var compareSelection: CompiledQuery?

    // Cells (series × steps), flat.
    var counts: [Double] = []
    private var sums: [Double] = []
    private var mins: [Double] = []
    private var maxs: [Double] = []
    private var quantileCells: [Int32] = []
    private var quantileValues: [Double] = []
    var compare = CompareCounts()
    /// The table `compare`'s rows are keyed by (flushed when another comes).
    var compareTable: SpanTable?

    public init(_ metrics: MetricsQuery, range: MetricsRange) {
        self.metrics = metrics
        self.range = range
    }

    /// Adds the spans a query matched in one trace (local indices, as `CompiledQuery.matches`
    /// gives them). O(matched spans).
    public func add(_ trace: Trace, matched: [Int32]) {
        guard !matched.isEmpty else { return }
        prepare(for: trace.table)
        inspectedTraces += 1
        inspectedSpans += matched.count
        if case .compare = metrics.function { return addCompare(trace, matched: matched) }
        var lazyValues: FieldValues?
        func values() -> FieldValues {
            if let v = lazyValues { return v }
            let v = FieldValues(trace: trace)
            lazyValues = v
            return v
        }
        let base = trace.spanRange.lowerBound
        let spans = trace.table.spans
        for local in matched {
            let span = spans[base + Int(local)]
            guard let step = range.index(of: span.start.unixNanos) else { continue }
            var s = series(of: span, local: Int(local), values: values)
            switch metrics.function {
            case .rate, .countOverTime:
                counts[cell(s, step)] += 1
            case .minOverTime, .maxOverTime, .sumOverTime, .avgOverTime:
                guard let v = valueReader?.value(span, local: Int(local), values: values) else { continue }
                let c = cell(s, step)
                counts[c] += 1
                sums[c] += v
                mins[c] = Swift.min(mins[c], v)
                maxs[c] = Swift.max(maxs[c], v)
            case .quantileOverTime:
                guard let v = valueReader?.value(span, local: Int(local), values: values) else { continue }
                quantileCells.append(Int32(cell(s, step)))
                quantileValues.append(v)
            case .histogramOverTime(let f):
                guard let v = valueReader?.value(span, local: Int(local), values: values) else { continue }
                s = histogramSeries(s, bucket: Self.log2Bucket(v, seconds: f.field.type == .duration))
                counts[cell(s, step)] += 1
            case .compare:
                break
            }
        }
    }

    /// The answer so far. O(cells + values · log values) for quantiles.
    public func result() -> MetricsResult {
        var series: [MetricSeries]
        let keys = metrics.by.map { Self.labelKey($0) }
        func labels(_ s: Int) -> [MetricLabel] { zip(keys, seriesLabels[s]).map { MetricLabel(key: $0, value: $1) } }
        let n = range.stepCount
        func row(_ s: Int, _ value: (Int) -> Double?) -> [Double?] { (0..<n).map { value(s * n + $0) } }
        switch metrics.function {
        case .rate:
            let seconds = range.stepSeconds
            series = seriesLabels.indices.map { s in MetricSeries(labels: labels(s), values: row(s) { counts[$0] / seconds }) }
        case .countOverTime:
            series = seriesLabels.indices.map { s in MetricSeries(labels: labels(s), values: row(s) { counts[$0] }) }
        case .minOverTime, .maxOverTime, .sumOverTime, .avgOverTime:
            series = seriesLabels.indices.map { s in
                MetricSeries(labels: labels(s), values: row(s) { c in
                    guard counts[c] > 0 else { return nil }
                    switch metrics.function {
                    case .minOverTime: return mins[c]
                    case .maxOverTime: return maxs[c]
                    case .sumOverTime: return sums[c]
                    default: return sums[c] / counts[c]
                    }
                })
            }
        case .quantileOverTime(_, let qs):
            let sorted = sortedQuantileValues()
            series = seriesLabels.indices.flatMap { s in
                qs.map { q in
                    MetricSeries(labels: labels(s) + [MetricLabel(key: "p", value: .double(q))],
                                 values: row(s) { c in Self.quantile(q, sorted[c]) })
                }
            }
        case .histogramOverTime:
            // The `by` series themselves (without a bucket) only group the bucketed ones.
            series = seriesLabels.indices.filter { seriesLabels[$0].count == keys.count + 1 }.map { s in
                let bucket = MetricLabel(key: "__bucket", value: seriesLabels[s].last ?? .none)
                return MetricSeries(labels: zip(keys, seriesLabels[s].dropLast()).map { MetricLabel(key: $0, value: $1) } + [bucket],
                                    values: row(s) { counts[$0] })
            }
        case .compare:
            series = compareSeries()
        }
        series.removeAll { $0.values.allSatisfy { $0 == nil } && !$0.labels.contains { $0.key == "__meta_error" } }
        series.sort { $0.labels.lexicographicallyPrecedes($1.labels) { a, b in a.key != b.key ? a.key < b.key : a.value < b.value } }
        let result = MetricsResult(start: range.start, step: range.step, stepCount: n, unit: unit, series: series)
        return metrics.stages.reduce(result) { $0.applying($1) }
    }

    /// What the values measure.
    public var unit: MetricUnit {
        switch metrics.function {
        case .rate: return .perSecond
        case .countOverTime, .histogramOverTime, .compare: return .spans
        case .minOverTime(let f), .maxOverTime(let f), .avgOverTime(let f), .sumOverTime(let f), .quantileOverTime(let f, _):
            return f.field.type == .duration ? .nanoseconds : .number
        }
    }

    // MARK: - Series

    private func prepare(for table: SpanTable) {
        if self.table === table { return }
        self.table = table
        keyReaders = metrics.by.map { MetricsKeyReader($0.field, table: table) }
        valueReader = metrics.function.field.map { MetricsValueReader($0.field, table: table) }
        seriesByKey = [:]
        seriesByPair = [:]
        seriesByKeys = [:]
        let perResource = !keyReaders.isEmpty && keyReaders.allSatisfy(\.isPerResource)
        seriesByResource = perResource ? [Int32](repeating: -1, count: table.resources.count) : []
        if case .compare(let selection, _, _, _) = metrics.function {
            compareSelection = CompiledQuery(Query(text: "", root: selection), table: table)
        }
    }

    @inline(__always)
    private func series(of span: Span, local: Int, values: () -> FieldValues) -> Int {
        if keyReaders.isEmpty { return seriesIndex(for: []) }
        if !seriesByResource.isEmpty {
            let r = Int(span.resource)
            if seriesByResource[r] >= 0 { return Int(seriesByResource[r]) }
            let s = seriesIndex(keys: keyReaders.map { $0.key(span, local: local, values: values, interned: &interner) })
            seriesByResource[r] = Int32(s)
            return s
        }
        if keyReaders.count == 1 {
            let key = keyReaders[0].key(span, local: local, values: values, interned: &interner)
            if let s = seriesByKey[key] { return Int(s) }
            let s = seriesIndex(keys: [key])
            seriesByKey[key] = Int32(s)
            return s
        }
        if keyReaders.count == 2 {
            let pair = PairKey(a: keyReaders[0].key(span, local: local, values: values, interned: &interner),
                               b: keyReaders[1].key(span, local: local, values: values, interned: &interner))
            if let s = seriesByPair[pair] { return Int(s) }
            let s = seriesIndex(keys: [pair.a, pair.b])
            seriesByPair[pair] = Int32(s)
            return s
        }
        let keys = keyReaders.map { $0.key(span, local: local, values: values, interned: &interner) }
        if let s = seriesByKeys[keys] { return Int(s) }
        let s = seriesIndex(keys: keys)
        seriesByKeys[keys] = Int32(s)
        return s
    }

    private func seriesIndex(keys: [UInt64]) -> Int {
        seriesIndex(for: zip(keyReaders, keys).map { $0.label($1, interned: interner) })
    }

    /// The series with these label values, made (with its cells) on first use.
    func seriesIndex(for labels: [MetricLabelValue]) -> Int {
        if let s = seriesByLabels[labels] { return Int(s) }
        let s = seriesLabels.count
        seriesByLabels[labels] = Int32(s)
        seriesLabels.append(labels)
        let n = range.stepCount
        counts.append(contentsOf: repeatElement(0, count: n))
        switch metrics.function {
        case .minOverTime, .maxOverTime, .sumOverTime, .avgOverTime:
            sums.append(contentsOf: repeatElement(0, count: n))
            mins.append(contentsOf: repeatElement(.infinity, count: n))
            maxs.append(contentsOf: repeatElement(-.infinity, count: n))
        default: break
        }
        return s
    }

    /// The histogram series of a `by` series and a bucket.
    private func histogramSeries(_ s: Int, bucket: Double) -> Int {
        seriesIndex(for: seriesLabels[s] + [.double(bucket)])
    }

    @inline(__always)
    private func cell(_ series: Int, _ step: Int) -> Int { series * range.stepCount + step }

    // MARK: - Values

    /// The values of each quantile cell, sorted (counting sort by cell, then a sort per cell).
    private func sortedQuantileValues() -> [ArraySlice<Double>] {
        let cellCount = seriesLabels.count * range.stepCount
        var starts = [Int](repeating: 0, count: cellCount + 1)
        for c in quantileCells { starts[Int(c) + 1] += 1 }
        for i in 0..<cellCount { starts[i + 1] += starts[i] }
        var next = starts
        var values = [Double](repeating: 0, count: quantileValues.count)
        for (c, v) in zip(quantileCells, quantileValues) {
            values[next[Int(c)]] = v
            next[Int(c)] += 1
        }
        for c in 0..<cellCount where starts[c + 1] - starts[c] > 1 { values[starts[c]..<starts[c + 1]].sort() }
        return (0..<cellCount).map { values[starts[$0]..<starts[$0 + 1]] }
    }

    /// The `q` quantile of sorted values, interpolated between the closest ranks; nil for none.
    static func quantile(_ q: Double, _ sorted: ArraySlice<Double>) -> Double? {
        guard let first = sorted.first else { return nil }
        if sorted.count == 1 { return first }
        let rank = q * Double(sorted.count - 1)
        let lo = Int(rank.rounded(.down))
        let hi = Swift.min(lo + 1, sorted.count - 1)
        let a = sorted[sorted.startIndex + lo], b = sorted[sorted.startIndex + hi]
        return a + (b - a) * (rank - Double(lo))
    }

    /// The power-of-two bucket a value falls in, as Tempo labels it: its upper bound (seconds
    /// for durations, given in nanoseconds), -1 below 2.
    static func log2Bucket(_ v: Double, seconds: Bool) -> Double {
        guard v.isFinite, v >= 2 else { return -1 }
        let n = v >= 9.2e18 ? UInt64.max : UInt64(v.rounded(.up))
        let bound: Double = n > (1 << 63) ? 0x1p64 : Double(UInt64(1) << (64 - (n - 1).leadingZeroBitCount))
        return seconds ? bound / 1e9 : bound
    }

    /// The label key of a `by` field: as the query wrote it.
    static func labelKey(_ f: FieldReference) -> String {
        f.spelling.isEmpty ? QueryPrinter.field(f.field) : f.spelling
    }
}

/// The keys of two `by` fields, hashed without an array.
struct PairKey: Hashable {
    var a: UInt64
    var b: UInt64
}

/// Reads the number a metrics function aggregates: a span's duration directly, a numeric
/// attribute by its key ids, anything else through `FieldValues`.
struct MetricsValueReader {
    let field: Field
    private let table: SpanTable
    private let keys: [StringID]

    init(_ field: Field, table: SpanTable) {
        self.field = field
        self.table = table
        if case .attribute(_, let name) = field {
            keys = AttributeAliases.keys(for: name).compactMap { table.strings.lookup($0) }.filter { !$0.isEmpty }
        } else {
            keys = []
        }
    }

    @inline(__always)
    func value(_ span: Span, local: Int, values: () -> FieldValues) -> Double? {
        switch field {
        case .intrinsic(.duration): return Double(TimeMath.subtract(span.end.unixNanos, span.start.unixNanos))
        case .attribute(let scope, _) where scope == .any || scope == .span || scope == .resource:
            return table.attribute(keys, scope: scope, of: span).flatMap(number)
        default:
            return values().number(of: field, span: local)
        }
    }

    private func number(_ a: Attribute) -> Double? {
        switch a.tag {
        case .smallInt, .int: table.intValue(of: a).map(Double.init)
        case .double: table.doubleValue(of: a)
        default: nil
        }
    }
}
