/// Several operation trees laid over each other: one node per path found in any of them, and
/// for each tree, the node of the union each of its nodes is.
///
/// Keys are matched by their text, so the trees may come from different tables. Nodes are
/// numbered parents first, as in `OperationTree`. O(total nodes) with hashing, no recursion.
struct OperationTreeUnion {
    var keys: [OperationKey] = []
    /// Each union node's key, an index into `keys`.
    var key: [Int32] = []
    /// Each union node's parent, or -1 at the root level.
    var parent: [Int32] = []
    /// For each tree, by its node index, the union node.
    var nodeOf: [[Int32]] = []

    var count: Int { key.count }

    init(_ trees: [OperationTree]) {
        var keyIndex: [OperationKey: Int32] = [:]
        var nodeOfChild: [UInt64: Int32] = [:]   // (parent node + 1, key) -> node
        nodeOf.reserveCapacity(trees.count)
        for tree in trees {
            let keyMap = tree.keys.map { k -> Int32 in
                if let known = keyIndex[k] { return known }
                keys.append(k)
                keyIndex[k] = Int32(keys.count - 1)
                return Int32(keys.count - 1)
            }
            var mine = [Int32](repeating: -1, count: tree.nodes.count)
            for (i, node) in tree.nodes.enumerated() {
                let up = node.parent < 0 ? -1 : mine[Int(node.parent)]
                let k = keyMap[Int(node.key)]
                let slot = UInt64(UInt32(bitPattern: up + 1)) << 32 | UInt64(UInt32(bitPattern: k))
                if let existing = nodeOfChild[slot] {
                    mine[i] = existing
                } else {
                    let index = Int32(key.count)
                    key.append(k)
                    parent.append(up)
                    nodeOfChild[slot] = index
                    mine[i] = index
                }
            }
            nodeOf.append(mine)
        }
    }
}
