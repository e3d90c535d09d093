/// The order of the nodes within each layer, chosen to cross as few edges as possible: the
/// barycenter heuristic (each node placed at the mean position of its neighbours in the layer
/// before), swept left to right and right to left, keeping the order with the fewest crossings
/// seen. Deterministic: ties keep the previous order. O(sweeps × (nodes + segments) log nodes)
/// plus the crossing counts, O(segments²) per layer pair at worst, fine for a map's size.
struct CrossingReduction {
    /// The nodes of each layer, top to bottom.
    private(set) var order: [[Int]]
    /// Crossings between adjacent layers in `order`.
    private(set) var crossings: Int

    static let sweeps = 12

    init(_ layers: LayerAssignment) {
        var order = [[Int]](repeating: [], count: layers.layerCount)
        for node in 0..<layers.nodeCount { order[layers.layer[node]].append(node) }
        // Segments between adjacent layers: (left node, right node).
        var right = [[Int]](repeating: [], count: layers.nodeCount)
        var left = [[Int]](repeating: [], count: layers.nodeCount)
        for chain in layers.chains {
            for (a, b) in zip(chain.nodes, chain.nodes.dropFirst()) {
                right[a].append(b)
                left[b].append(a)
            }
        }
        var best = order
        var bestCrossings = Self.count(order, right: right)
        var current = order
        for sweep in 0..<Self.sweeps {
            let forward = sweep % 2 == 0
            let layerIndices = forward ? Array(1..<max(1, current.count)) : Array((0..<max(0, current.count - 1)).reversed())
            for l in layerIndices {
                let neighbourLayer = forward ? l - 1 : l + 1
                var position = [Int: Int]()
                for (i, node) in current[neighbourLayer].enumerated() { position[node] = i }
                let previous = current[l]
                let keyed = previous.enumerated().map { (index, node) -> (Double, Int, Int) in
                    let ns = (forward ? left[node] : right[node]).compactMap { position[$0] }
                    let center = ns.isEmpty ? Double(index) : Double(ns.reduce(0, +)) / Double(ns.count)
                    return (center, index, node)
                }
                current[l] = keyed.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
            }
            let crossings = Self.count(current, right: right)
            if crossings < bestCrossings {
                best = current
                bestCrossings = crossings
            }
        }
        self.order = best
        crossings = bestCrossings
    }

    /// Crossings of the segments between each pair of adjacent layers.
    static func count(_ order: [[Int]], right: [[Int]]) -> Int {
        var total = 0
        for l in 0..<max(0, order.count - 1) {
            var position = [Int: Int]()
            for (i, node) in order[l + 1].enumerated() { position[node] = i }
            var segments: [(Int, Int)] = []
            for (i, node) in order[l].enumerated() {
                for target in right[node] { if let p = position[target] { segments.append((i, p)) } }
            }
            for a in 0..<segments.count {
                for b in (a + 1)..<segments.count {
                    let (s, t) = (segments[a], segments[b])
                    if (s.0 - t.0) * (s.1 - t.1) < 0 { total += 1 }
                }
            }
        }
        return total
    }
}
