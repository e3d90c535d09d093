/// The metrics function after the pipeline, and `with(...)` hints.
extension QueryPrinter {
    /// ` | rate() by (service) | topk(5)`; empty without one.
    public static func print(_ metrics: MetricsQuery?) -> String {
        guard let m = metrics else { return "" }
        var out = " | " + m.function.name + "(" + arguments(m.function) + ")"
        if !m.by.isEmpty { out += " by (" + m.by.map(labelField).joined(separator: ", ") + ")" }
        return out + print(m.stages)
    }

    /// ` | topk(5) > 10`: the stages after a metrics function or metrics arithmetic.
    public static func print(_ stages: [MetricsStage]) -> String {
        stages.map { stage in
            switch stage {
            case .topK(let k): " | topk(\(k))"
            case .bottomK(let k): " | bottomk(\(k))"
            case .filter(let op, let v): " \(op.spelling) " + number(v)
            }
        }.joined()
    }

    /// Metrics arithmetic: each query in parentheses, only the parentheses precedence needs.
    public static func print(_ math: MetricsMath) -> String { print(math, context: 0) }

    private static func print(_ math: MetricsMath, context: Int) -> String {
        switch math {
        // The spansets in braces: `(kind = SERVER | rate())` would not read as a pipeline.
        case .query(let q): return "(" + spanset(q.root) + print(q.pipeline) + print(q.metrics) + ")"
        case .scalar(let d): return d < 0 && context > 0 ? "(" + number(d) + ")" : number(d)
        case .arithmetic(let op, let l, let r):
            let p = op.precedence
            let text = print(l, context: p) + " " + op.rawValue + " " + print(r, context: p + 1)
            return p < context ? "(" + text + ")" : text
        }
    }

    /// A `by` field as written when that reads back as the same field: the spelling names the
    /// series' label (`resource.service.name`, not `service`).
    static func labelField(_ f: FieldReference) -> String {
        if !f.spelling.isEmpty, f.spelling.allSatisfy({ !$0.isWhitespace }),
           case .success(let back) = FieldResolver.resolve(bare: f.spelling, traceQL: true), back == f.field,
           let tokens = try? Lexer.tokenize(f.spelling), tokens.count == 2, case .name = tokens[0].kind {
            return f.spelling
        }
        return field(f.field)
    }

    /// ` with (sample=true)`; empty without hints.
    public static func print(_ hints: [QueryHint]) -> String {
        hints.isEmpty ? "" : " with (" + hints.map { "\($0.name)=\($0.value)" }.joined(separator: ", ") + ")"
    }

    private static func arguments(_ f: MetricsFunction) -> String {
        switch f {
        case .rate, .countOverTime: return ""
        case .minOverTime(let x), .maxOverTime(let x), .avgOverTime(let x), .sumOverTime(let x), .histogramOverTime(let x):
            return field(x.field)
        case .quantileOverTime(let x, let qs):
            return ([field(x.field)] + qs.map(number)).joined(separator: ", ")
        case .compare(let selection, let topN, let start, let end):
            var parts = [spanset(selection)]
            if topN != 10 || start != 0 || end != 0 { parts.append(String(topN)) }
            if start != 0 || end != 0 { parts += [String(start), String(end)] }
            return parts.joined(separator: ", ")
        }
    }

    /// An integral value without a fraction, others as Swift writes doubles.
    static func number(_ d: Double) -> String {
        if d.rounded() == d, abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }
}
