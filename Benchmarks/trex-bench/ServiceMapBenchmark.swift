import ExplorerUI
import TraceModel

/// The service map's layout and drawing for 60 services in six tiers of ten, each calling two
/// of the next tier and one two tiers on (the long edges need dummy nodes), as
/// `trex deps --graph` and the explorer's `m` compute it. Target: under 50 ms.
enum ServiceMapBenchmark {
    static func run(_ options: [String]) {
        var names: [String] = []
        for tier in 0..<6 { for i in 0..<10 { names.append("service-\(tier)-\(i)") } }
        var edges: [ServiceGraph.Edge] = []
        func call(_ from: Int, _ to: Int, _ calls: Int, _ errors: Int, _ p95Millis: Int64) {
            edges.append(ServiceGraph.Edge(from: from, to: to, calls: calls, errors: errors,
                                           p95: Nanoseconds(p95Millis * 1_000_000)))
        }
        for tier in 0..<5 {
            for i in 0..<10 {
                let from: Int = tier * 10 + i
                let next: Int = (tier + 1) * 10
                call(from, next + i, 1_000 + i, i % 3, 20)
                call(from, next + (i + 3) % 10, 500, 0, 5)
                if tier < 4 { call(from, next + 10 + (i + 7) % 10, 50, 1, 90) }
            }
        }
        let graph = ServiceGraph(services: names, edges: edges.sorted { ($0.from, $0.to) < ($1.from, $1.to) })
        var lines: [String] = []
        let seconds = Stopwatch.best(of: 5) { lines = ServiceMapText.lines(graph) }
        let ms = seconds * 1000
        print("  60 services, \(edges.count) calls: layout and drawing \(Bench.fixed(ms, 1)) ms (best of 5), "
              + "a map of \(lines.first?.count ?? 0)×\(lines.count) cells   target < 50 ms: \(Bench.verdict(ms < 50))")
    }
}
