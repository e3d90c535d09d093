/// Evaluates metrics arithmetic on the leaves' results (all in one range), as Tempo does:
/// a number applies to every value of a series; two series sets pair series with the same
/// labels (a lone series without labels pairs with every series of the other side), and series
/// without a partner are dropped. A step where either side has no value, or a division by
/// zero, has no value.
enum MetricsMathEvaluation {
    enum Value {
        case scalar(Double)
        case series(MetricsResult)
    }

    /// Durations are seconds in the arithmetic, as in Tempo (`+ 1` adds a second), and a result
    /// that is still a duration is given back in nanoseconds.
    static func evaluate(_ math: MetricsMath, range: MetricsRange, leaf: (Query) -> MetricsResult) -> MetricsResult {
        switch value(math, leaf: leaf) {
        case .series(var r):
            if r.unit == .nanoseconds { r = map(r, unit: .nanoseconds) { $0 * 1e9 } }
            r.series.removeAll { $0.values.allSatisfy { $0 == nil } }
            return r
        case .scalar(let d):
            return MetricsResult(start: range.start, step: range.step, stepCount: range.stepCount, unit: .number,
                                 series: [MetricSeries(labels: [], values: Array(repeating: d, count: range.stepCount))])
        }
    }

    private static func value(_ math: MetricsMath, leaf: (Query) -> MetricsResult) -> Value {
        switch math {
        case .query(let q):
            let r = leaf(q)
            return .series(r.unit == .nanoseconds ? map(r, unit: .nanoseconds) { $0 / 1e9 } : r)
        case .scalar(let d): return .scalar(d)
        case .arithmetic(let op, let l, let r):
            let a = value(l, leaf: leaf)
            let b = value(r, leaf: leaf)
            switch (a, b) {
            case (.scalar(let x), .scalar(let y)): return .scalar(apply(op, x, y) ?? .nan)
            case (.series(let s), .scalar(let y)): return .series(map(s, unit: unit(op, s.unit, nil)) { apply(op, $0, y) })
            case (.scalar(let x), .series(let s)): return .series(map(s, unit: unit(op, nil, s.unit)) { apply(op, x, $0) })
            case (.series(let s), .series(let t)): return .series(pair(op, s, t))
            }
        }
    }

    private static func apply(_ op: ArithmeticOperator, _ x: Double, _ y: Double) -> Double? {
        let v: Double = switch op {
        case .add: x + y
        case .subtract: x - y
        case .multiply: x * y
        case .divide: y == 0 ? .nan : x / y
        case .modulo: x.truncatingRemainder(dividingBy: y)
        case .power: x
        }
        return v.isFinite ? v : nil
    }

    /// The unit of a result: a series scaled or shifted by a number keeps its unit (but a number
    /// divided by a series is a plain number); two series keep theirs through + and - when they
    /// share it; anything else is a plain number (a ratio).
    private static func unit(_ op: ArithmeticOperator, _ a: MetricUnit?, _ b: MetricUnit?) -> MetricUnit {
        switch (a, b) {
        case (let u?, nil): return u
        case (nil, let u?): return op == .divide ? .number : u
        case (let u?, let v?): return (op == .add || op == .subtract) && u == v ? u : .number
        default: return .number
        }
    }

    private static func map(_ r: MetricsResult, unit: MetricUnit, _ f: (Double) -> Double?) -> MetricsResult {
        var out = r
        out.unit = unit
        for i in out.series.indices { out.series[i].values = out.series[i].values.map { $0.flatMap(f) } }
        return out
    }

    private static func pair(_ op: ArithmeticOperator, _ a: MetricsResult, _ b: MetricsResult) -> MetricsResult {
        var out = a
        out.unit = unit(op, a.unit, b.unit)
        var byLabels: [String: MetricSeries] = [:]
        for s in b.series { byLabels[s.promLabels] = s }
        let loneB = b.series.count == 1 && b.series[0].labels.isEmpty ? b.series[0] : nil
        let loneA = a.series.count == 1 && a.series[0].labels.isEmpty ? a.series[0] : nil
        func combine(_ x: MetricSeries, _ y: MetricSeries, labels: [MetricLabel]) -> MetricSeries {
            MetricSeries(labels: labels, values: zip(x.values, y.values).map { l, r in
                guard let l, let r else { return nil }
                return apply(op, l, r)
            })
        }
        if let loneA, loneB == nil {
            out.series = b.series.map { combine(loneA, $0, labels: $0.labels) }
        } else {
            out.series = a.series.compactMap { s in
                guard let partner = byLabels[s.promLabels] ?? loneB else { return nil }
                return combine(s, partner, labels: s.labels)
            }
        }
        return out
    }
}
