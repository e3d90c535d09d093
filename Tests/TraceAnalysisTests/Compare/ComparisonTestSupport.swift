import TraceModel
import TestSupport
@testable import TraceAnalysis

extension TraceComparison {
    /// One line per node, indented by depth: `name A-count×A-ms → B-count×B-ms`, then `only A`,
    /// `only B`, and `critical A` / `critical B` where the node is on one side's path only.
    /// Durations in drawing units (1 ms); the missing-parent group shows as `(missing parent)`.
    var described: [String] {
        nodes.map { n in
            let name = n.key.isMissingParent ? "(missing parent)" : n.key.name
            var line = String(repeating: " ", count: n.depth) + name
                + " \(n.a.count)×\(n.a.duration.value / 1_000_000) → \(n.b.count)×\(n.b.duration.value / 1_000_000)"
            if n.isOnlyInA { line += " only A" }
            if n.isOnlyInB { line += " only B" }
            if n.criticalPathDiffers { line += n.isCriticalInA ? " critical A" : " critical B" }
            return line
        }
    }

    /// The node at a path of span names from the root level.
    func node(_ names: String...) -> Node? {
        var candidates = nodes.indices.filter { nodes[$0].depth == 0 }
        var found: Int?
        for name in names {
            guard let i = candidates.first(where: { nodes[$0].key.name == name }) else { return nil }
            found = i
            candidates = Array((i + 1)..<nodes[i].subtreeEnd).filter { nodes[$0].parent == i }
        }
        return found.map { nodes[$0] }
    }
}

extension OperationTree {
    /// The node at a path of span names from the root level.
    func node(_ names: String...) -> Node? {
        var parent: Int32 = -1
        var found: Node?
        for name in names {
            guard let i = nodes.indices.first(where: { nodes[$0].parent == parent && key(of: $0).name == name }) else {
                return nil
            }
            found = nodes[i]
            parent = Int32(i)
        }
        return found
    }
}
