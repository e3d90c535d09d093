import TraceModel

/// `compare({ selection })`: every attribute value of the selection's spans against the rest
/// (the baseline), per step, as Tempo's compare() reports them: series labelled
/// `__meta_type` = baseline or selection with `<attribute>=<value>` for the `topN` most frequent
/// values of each attribute, `baseline_total`/`selection_total` per attribute, and
/// `__meta_error="__too_many_values__"` for an attribute with more values than `topN`.
/// Attributes are the span's (`span.x`), its resource's (`resource.x`), and `name`, `status`,
/// `kind`.
struct CompareCounts {
    struct Key: Hashable {
        var selection: Bool
        var attribute: String
    }

    var values: [Key: [MetricLabelValue: [Double]]] = [:]
    var totals: [Key: [Double]] = [:]
    /// Per table: attribute names and string values by string id.
    var names: [UInt32: String] = [:]
    var strings: [UInt32: MetricLabelValue] = [:]
    var tableID: ObjectIdentifier?

    mutating func count(_ key: Key, _ value: MetricLabelValue, step: Int, steps: Int) {
        values[key, default: [:]][value, default: [Double](repeating: 0, count: steps)][step] += 1
        totals[key, default: [Double](repeating: 0, count: steps)][step] += 1
    }
}

extension MetricsAccumulator {
    func addCompare(_ trace: Trace, matched: [Int32]) {
        guard case .compare(_, _, let start, let end) = metrics.function else { return }
        let table = trace.table
        if compare.tableID != ObjectIdentifier(table) {
            compare.tableID = ObjectIdentifier(table)
            compare.names = [:]
            compare.strings = [:]
        }
        let selected = Set(compareSelection?.matches(traceAt: trace.index) ?? [])
        let steps = range.stepCount
        for local in matched {
            let span = trace[Int(local)]
            guard let step = range.index(of: span.start.unixNanos) else { continue }
            let t = span.start.unixNanos
            let inWindow = start <= 0 || end <= 0 || (t > start && t <= end)
            let isSelection = inWindow && selected.contains(local)
            func count(_ attribute: String, _ value: MetricLabelValue) {
                compare.count(CompareCounts.Key(selection: isSelection, attribute: attribute), value, step: step, steps: steps)
            }
            count("name", label(span.name, table))
            count("status", .string(span.status.name))
            count("kind", .string(span.kind.name))
            for (range, prefix) in [(span.attributes, "span."), (table.resources[Int(span.resource)].attributes, "resource.")] {
                for a in table.attributes[range.range] {
                    guard let value = attributeLabel(a, table) else { continue }
                    count(attributeName(a.key, prefix: prefix, table), value)
                }
            }
        }
    }

    func compareSeries() -> [MetricSeries] {
        guard case .compare(_, let topN, _, _) = metrics.function else { return [] }
        var out: [MetricSeries] = []
        var tooMany: Set<String> = []
        for (key, values) in compare.values {
            let type = MetricLabel(key: "__meta_type", value: .string(key.selection ? "selection" : "baseline"))
            var ranked: [(value: MetricLabelValue, counts: [Double], total: Double)] = []
            for (value, counts) in values { ranked.append((value, counts, counts.reduce(0, +))) }
            ranked.sort { a, b in a.total != b.total ? a.total > b.total : a.value < b.value }
            for v in ranked.prefix(topN) {
                let labels = [type, MetricLabel(key: key.attribute, value: v.value)]
                out.append(MetricSeries(labels: labels, values: v.counts.map { Optional($0) }))
            }
            if values.count > topN { tooMany.insert(key.attribute) }
        }
        for attribute in tooMany {
            out.append(MetricSeries(labels: [MetricLabel(key: "__meta_error", value: .string("__too_many_values__")),
                                             MetricLabel(key: attribute, value: .none)],
                                    values: [Double?](repeating: nil, count: range.stepCount)))
        }
        for (key, counts) in compare.totals {
            let type = MetricLabel(key: "__meta_type", value: .string(key.selection ? "selection_total" : "baseline_total"))
            out.append(MetricSeries(labels: [type, MetricLabel(key: key.attribute, value: .none)], values: counts.map { Optional($0) }))
        }
        return out
    }

    private func label(_ id: StringID, _ table: SpanTable) -> MetricLabelValue {
        if let known = compare.strings[id.rawValue] { return known }
        let value = MetricLabelValue.string(table.strings[id])
        compare.strings[id.rawValue] = value
        return value
    }

    private func attributeName(_ key: StringID, prefix: String, _ table: SpanTable) -> String {
        let cacheKey = key.rawValue | (prefix == "span." ? 0 : 1 << 31)
        if let known = compare.names[cacheKey] { return known }
        let name = prefix + table.strings[key]
        compare.names[cacheKey] = name
        return name
    }

    /// A scalar attribute's label; nil for arrays, maps and bytes (no useful grouping).
    private func attributeLabel(_ a: Attribute, _ table: SpanTable) -> MetricLabelValue? {
        switch a.tag {
        case .string: return label(StringID(a.payload), table)
        case .bool: return .bool(a.payload != 0)
        case .smallInt, .int: return table.intValue(of: a).map { .int($0) }
        case .double: return table.doubleValue(of: a).map { .double($0) }
        default: return nil
        }
    }
}
