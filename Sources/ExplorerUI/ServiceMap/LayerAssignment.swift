/// The first steps of a layered (Sugiyama) drawing: which edges to turn around so the graph has
/// no cycle, which layer (column) each service takes, and the chain of dummy nodes each edge
/// spanning several layers passes through.
///
/// - Cycles: a depth-first search from the services in order (callers first: those nobody
///   calls) finds the back edges; they are laid out reversed and drawn with their arrow back.
/// - Layers: the longest path from a service nobody calls, so every call goes one or more
///   columns right; edges over several columns get a dummy node in each column between.
/// Iterative throughout (no recursion). O(services + edges + dummies).
struct LayerAssignment {
    /// Layer of every node: the services first (their indices), then the dummies.
    var layer: [Int]
    /// For each graph edge, the chain of nodes it passes through from its left end to its right
    /// end (service, dummies..., service), and whether it was reversed to break a cycle.
    var chains: [(nodes: [Int], reversed: Bool)]
    let serviceCount: Int
    var nodeCount: Int { layer.count }
    var layerCount: Int { (layer.max() ?? -1) + 1 }

    init(_ graph: ServiceGraph) {
        let n = graph.services.count
        serviceCount = n
        var outgoing = [[Int]](repeating: [], count: n)   // edge indices
        var indegree = [Int](repeating: 0, count: n)
        for (i, e) in graph.edges.enumerated() {
            outgoing[e.from].append(i)
            indegree[e.to] += 1
        }
        // Depth-first from the roots (no callers), then from whatever is left (pure cycles).
        var state = [UInt8](repeating: 0, count: n)   // 0 new, 1 on the stack, 2 done
        var reversed = [Bool](repeating: false, count: graph.edges.count)
        let starts = (0..<n).filter { indegree[$0] == 0 } + (0..<n)
        for start in starts where state[start] == 0 {
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            state[start] = 1
            while let top = stack.last {
                if top.next < outgoing[top.node].count {
                    stack[stack.count - 1].next += 1
                    let edge = outgoing[top.node][top.next]
                    let to = graph.edges[edge].to
                    switch state[to] {
                    case 0:
                        state[to] = 1
                        stack.append((to, 0))
                    case 1:
                        reversed[edge] = true   // a back edge: closes a cycle
                    default:
                        break
                    }
                } else {
                    state[top.node] = 2
                    stack.removeLast()
                }
            }
        }
        // Longest path layering over the acyclic orientation (Kahn's order).
        var successors = [[Int]](repeating: [], count: n)
        var remaining = [Int](repeating: 0, count: n)
        for (i, e) in graph.edges.enumerated() {
            let (a, b) = reversed[i] ? (e.to, e.from) : (e.from, e.to)
            successors[a].append(b)
            remaining[b] += 1
        }
        var layer = [Int](repeating: 0, count: n)
        var ready = (0..<n).filter { remaining[$0] == 0 }
        while let node = ready.popLast() {
            for next in successors[node] {
                layer[next] = max(layer[next], layer[node] + 1)
                remaining[next] -= 1
                if remaining[next] == 0 { ready.append(next) }
            }
        }
        // Dummy chains.
        var chains: [(nodes: [Int], reversed: Bool)] = []
        for (i, e) in graph.edges.enumerated() {
            let (a, b) = reversed[i] ? (e.to, e.from) : (e.from, e.to)
            var nodes = [a]
            if layer[b] > layer[a] + 1 {
                for l in (layer[a] + 1)..<layer[b] {
                    nodes.append(layer.count)
                    layer.append(l)
                }
            }
            nodes.append(b)
            chains.append((nodes, reversed[i]))
        }
        self.layer = layer
        self.chains = chains
    }
}
