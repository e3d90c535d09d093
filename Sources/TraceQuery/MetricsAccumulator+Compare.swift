import TraceModel

/// `compare({ selection })`: every attribute value of the selection's spans against the rest
/// (the baseline), per step, as Tempo's compare() reports them: series labelled
/// `__meta_type` = baseline or selection with `<attribute>=<value>` for the `topN` most frequent
/// values of each attribute, `baseline_total`/`selection_total` per attribute (the sum over its
/// values), and `__meta_error="__too_many_values__"` for an attribute with more values than
/// `topN`. Attributes are the span's (`span.x`), its resource's (`resource.x`), and `name`,
/// `status`, `kind`.
///
/// Per table, spans are counted under integer keys (the attribute's key id and where it was
/// found, the value's id or bits), one flat row of steps per distinct pair; the rows are turned
/// into labels once per table (`flush`). O(attributes of the matched spans).
struct CompareCounts {
    struct Key: Hashable {
        var selection: Bool
        var attribute: String
    }

    /// Where an attribute comes from, in the top bits of a cell's attribute key.
    enum Source: UInt64 { case span = 0, resource = 1, name = 2, status = 3, kind = 4 }

    struct Cell: Hashable {
        /// Bit 63: selection; bits 32...35: `Source`; low 32 bits: the key's string id.
        var attribute: UInt64
        /// The value as `MetricsKeyReader` encodes one, or a status/kind raw value.
        var value: UInt64
    }

    var values: [Key: [MetricLabelValue: [Double]]] = [:]
    var tableID: ObjectIdentifier?
    var cells: [Cell: Int32] = [:]
    var cellKeys: [Cell] = []
    var counts: [Double] = []

    @inline(__always)
    mutating func count(_ cell: Cell, step: Int, steps: Int) {
        if let i = cells[cell] {
            counts[Int(i) * steps + step] += 1
            return
        }
        cells[cell] = Int32(cellKeys.count)
        cellKeys.append(cell)
        counts.append(contentsOf: repeatElement(0, count: steps))
        counts[(cellKeys.count - 1) * steps + step] += 1
    }

    /// Adds the table's rows to the labelled counts and starts afresh.
    mutating func flush(_ table: SpanTable, steps: Int, interner: ValueInterner) {
        for (i, cell) in cellKeys.enumerated() {
            let selection = cell.attribute >> 63 == 1
            let source = Source(rawValue: (cell.attribute >> 32) & 0xF) ?? .span
            let keyID = StringID(UInt32(truncatingIfNeeded: cell.attribute))
            let name: String
            let value: MetricLabelValue
            switch source {
            case .name: (name, value) = ("name", MetricsKeyReader.decode(cell.value, table, interner))
            case .status: (name, value) = ("status", .string(StatusCode(rawValue: UInt8(cell.value)).map(\.name) ?? ""))
            case .kind: (name, value) = ("kind", .string(SpanKind(rawValue: UInt8(cell.value)).map(\.name) ?? ""))
            case .span, .resource:
                name = (source == .span ? "span." : "resource.") + table.strings[keyID]
                value = MetricsKeyReader.decode(cell.value, table, interner)
            }
            let row = counts[i * steps..<(i + 1) * steps]
            let key = Key(selection: selection, attribute: name)
            var existing = values[key, default: [:]][value] ?? [Double](repeating: 0, count: steps)
            for (j, c) in row.enumerated() { existing[j] += c }
            values[key, default: [:]][value] = existing
        }
        cells = [:]
        cellKeys = []
        counts = []
    }
}

extension MetricsAccumulator {
    func addCompare(_ trace: Trace, matched: [Int32]) {
        guard case .compare(_, _, let start, let end) = metrics.function else { return }
        let table = trace.table
        if compare.tableID != ObjectIdentifier(table) {
            if let previous = compareTable { compare.flush(previous, steps: range.stepCount, interner: interner) }
            compare.tableID = ObjectIdentifier(table)
            compareTable = table
        }
        let selected = Set(compareSelection?.matches(traceAt: trace.index) ?? [])
        let steps = range.stepCount
        // Worked on as locals (moved out, not copied): a class's stored properties pay an
        // exclusivity check on every access, which was a third of the time here.
        var compare = self.compare
        var interner = self.interner
        self.compare = CompareCounts()
        self.interner = ValueInterner()
        defer {
            self.compare = compare
            self.interner = interner
        }
        let spans = table.spans
        let base = trace.spanRange.lowerBound
        for local in matched {
            let span = spans[base + Int(local)]
            guard let step = range.index(of: span.start.unixNanos) else { continue }
            let t = span.start.unixNanos
            let inWindow = start <= 0 || end <= 0 || (t > start && t <= end)
            let selection: UInt64 = inWindow && selected.contains(local) ? 1 << 63 : 0
            func count(_ source: CompareCounts.Source, _ key: UInt32, _ value: UInt64) {
                compare.count(CompareCounts.Cell(attribute: selection | source.rawValue << 32 | UInt64(key), value: value),
                              step: step, steps: steps)
            }
            count(.name, 0, MetricsKeyReader.stringKey(span.name))
            count(.status, 0, UInt64(span.status.rawValue))
            count(.kind, 0, UInt64(span.kind.rawValue))
            for (range, source) in [(span.attributes, CompareCounts.Source.span),
                                    (table.resources[Int(span.resource)].attributes, .resource)] {
                var j = Int(range.start)
                let end = j + Int(range.count)
                while j < end {
                    let a = table.attributes[j]
                    j += 1
                    guard let value = MetricsKeyReader.scalarKey(a, table, &interner) else { continue }
                    count(source, a.key.rawValue, value)
                }
            }
        }
    }

    func compareSeries() -> [MetricSeries] {
        guard case .compare(_, let topN, _, _) = metrics.function else { return [] }
        if let table = compareTable {
            compare.flush(table, steps: range.stepCount, interner: interner)
            compareTable = nil
            compare.tableID = nil
        }
        var out: [MetricSeries] = []
        var tooMany: Set<String> = []
        for (key, values) in compare.values {
            let type = MetricLabel(key: "__meta_type", value: .string(key.selection ? "selection" : "baseline"))
            var ranked: [(value: MetricLabelValue, counts: [Double], total: Double)] = []
            var totals = [Double](repeating: 0, count: range.stepCount)
            for (value, counts) in values {
                ranked.append((value, counts, counts.reduce(0, +)))
                for (j, c) in counts.enumerated() { totals[j] += c }
            }
            ranked.sort { a, b in a.total != b.total ? a.total > b.total : a.value < b.value }
            for v in ranked.prefix(topN) {
                let labels = [type, MetricLabel(key: key.attribute, value: v.value)]
                out.append(MetricSeries(labels: labels, values: v.counts.map { Optional($0) }))
            }
            if values.count > topN { tooMany.insert(key.attribute) }
            let totalType = MetricLabel(key: "__meta_type", value: .string(key.selection ? "selection_total" : "baseline_total"))
            out.append(MetricSeries(labels: [totalType, MetricLabel(key: key.attribute, value: .none)],
                                    values: totals.map { Optional($0) }))
        }
        for attribute in tooMany {
            out.append(MetricSeries(labels: [MetricLabel(key: "__meta_error", value: .string("__too_many_values__")),
                                             MetricLabel(key: attribute, value: .none)],
                                    values: [Double?](repeating: nil, count: range.stepCount)))
        }
        return out
    }
}
