/// The stages after a metrics function, applied to its result, per step as Prometheus does:
/// `topk(k)` keeps at each step the `k` highest values (the other series have no value there),
/// `bottomk(k)` the lowest, `> 10` the values that compare true. Series left without any value
/// are dropped.
extension MetricsResult {
    func applying(_ stage: MetricsStage) -> MetricsResult {
        var out = self
        switch stage {
        case .topK(let k), .bottomK(let k):
            let highest = if case .topK = stage { true } else { false }
            for step in 0..<stepCount {
                let ranked = series.indices.compactMap { s in series[s].values[step].map { (s, $0) } }
                    .filter { !$0.1.isNaN }
                    .sorted { highest ? $0.1 > $1.1 : $0.1 < $1.1 }
                let kept = Set(ranked.prefix(k).map(\.0))
                for s in series.indices where !kept.contains(s) { out.series[s].values[step] = nil }
            }
        case .filter(let op, let seconds):
            let target = unit == .nanoseconds ? seconds * 1e9 : seconds
            for s in series.indices {
                out.series[s].values = series[s].values.map { v in
                    guard let v, !v.isNaN else { return nil }
                    return op.holds(v < target ? -1 : (v == target ? 0 : 1)) ? v : nil
                }
            }
        }
        out.series.removeAll { $0.values.allSatisfy { $0 == nil } }
        return out
    }
}
